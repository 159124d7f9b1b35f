import type { Role } from './entities'
import type { RosterPlan } from './plan-roster'

/** A new unit as written: under the `_id` chosen for it, hung under its parent by name. */
export interface UnitWrite {
  id: string
  name: string
  parent: string | null
}

/** A unit already there that moves under another. */
export interface UnitMove {
  name: string
  parent: string
}

/**
 * A row as written: the person under her `_id` (hers when she is there, chosen for her when she is
 * new), and only what changes about someone already there.
 */
export interface PersonWrite {
  line: number
  id: string
  name: string
  role: Role
  org: string
  isNew: boolean
  /** Someone already there whose unit (`moves`) or role (`newRole`) the row changes. */
  moves?: true
  newRole?: true
  bind?: string
}

export type RosterBatch =
  | { kind: 'units'; items: UnitWrite[] }
  | { kind: 'reparent'; items: UnitMove[] }
  | { kind: 'people'; items: PersonWrite[] }

export const BATCH_ROWS = 1_000

/**
 * A checked plan cut into batches written one after another: new units a level at a time (a batch
 * holds one depth of the new units only, so every parent it names was written before it), then the
 * units that move, then the rows `size` at a time. Every unit and person carries the `_id` she is
 * written under (`newId` for the new ones), so writing a batch again finds it done instead of adding
 * it twice.
 */
export function rosterBatches(
  plan: Pick<RosterPlan, 'newUnits' | 'reparent' | 'people'>,
  newId: () => string,
  size = BATCH_ROWS,
): RosterBatch[] {
  const batches: RosterBatch[] = []
  // Within a level, the children of one parent together, parents in the order they were written.
  const written = new Map<string, number>()
  for (const level of byDepth(plan.newUnits)) {
    const order = (u: { parent: string | null }) => (u.parent ? (written.get(u.parent) ?? -1) : -1)
    level.sort((a, b) => order(a) - order(b))
    for (const u of level) written.set(u.name, written.size)
    for (const items of slices(level, size * 2))
      batches.push({ kind: 'units', items: items.map((u) => ({ id: newId(), name: u.name, parent: u.parent })) })
  }
  if (plan.reparent.length)
    batches.push({ kind: 'reparent', items: plan.reparent.map((u) => ({ name: u.name, parent: u.parent })) })
  // Rows of one unit together, units in the order the file first names them: a batch touches few units.
  const unitOrder = new Map<string, number>()
  for (const p of plan.people) if (!unitOrder.has(p.org)) unitOrder.set(p.org, unitOrder.size)
  const grouped = [...plan.people].sort((a, b) => unitOrder.get(a.org)! - unitOrder.get(b.org)! || a.line - b.line)
  const people = grouped.map((p): PersonWrite => ({
    line: p.line,
    id: p.memberId ?? newId(),
    name: p.name,
    role: p.role,
    org: p.org,
    isNew: !p.memberId,
    ...(p.moveFrom ? { moves: true as const } : {}),
    ...(p.roleFrom ? { newRole: true as const } : {}),
    ...(p.bind ? { bind: p.bind } : {}),
  }))
  for (const items of slices(people, size)) batches.push({ kind: 'people', items })
  return batches
}

/** New units grouped by how many new units stand above them, in plan order within a level. */
function byDepth<T extends { name: string; parent: string | null }>(units: readonly T[]): T[][] {
  const byName = new Map(units.map((u) => [u.name, u]))
  const depth = new Map<string, number>()
  const depthOf = (u: T): number => {
    const known = depth.get(u.name)
    if (known !== undefined) return known
    const parent = u.parent ? byName.get(u.parent) : undefined
    // The plan refused every loop, so this walk up the new units ends.
    const d = parent ? depthOf(parent) + 1 : 0
    depth.set(u.name, d)
    return d
  }
  const levels: T[][] = []
  for (const u of units) (levels[depthOf(u)] ??= []).push(u)
  return levels.filter(Boolean)
}

function slices<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size))
  return out
}
