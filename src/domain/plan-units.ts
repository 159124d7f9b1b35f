import type { OrgUnit } from './entities'
import type { RejectedRow, RosterRow } from './roster-rows'

export interface PlannedUnit {
  name: string
  /** Its parent's name after the import (null: a root). */
  parent: string | null
  /** The row that gave it this parent, or first named it. */
  line: number
}

export interface UnitPlan {
  rejected: RejectedRow[]
  /** Units to create, each after its parent. */
  create: PlannedUnit[]
  /** Units already there that move under another parent. */
  reparent: (PlannedUnit & { from: string | null })[]
  /** Whether a unit lies inside the importer's units before the import (always true without a scope). */
  inScopeBefore(name: string): boolean
}

/**
 * The org tree a roster file asks for, from all its rows at once: a unit takes its parent from its own
 * rows (上级单位 where it is the 单位), wherever those rows stand, so a village listed before its township
 * hangs under the township, and the township under what its own row says. A unit named only as a parent
 * keeps the parent it has, or is a new root. Refused: two parents for one unit, a loop (a unit under its
 * own subtree, also through units the file creates), and, for an admin of `scopeOrgId`, any unit the
 * file creates, moves or fills with people that is not inside her units, or moving her own unit.
 */
export function planUnits(rows: readonly RosterRow[], units: readonly OrgUnit[], scopeOrgId: string | null): UnitPlan {
  const rejected: RejectedRow[] = []
  const reject = (line: number, reason: string) => rejected.push({ line, reason })
  const byName = new Map(units.map((u) => [u.name, u]))
  const byId = new Map(units.map((u) => [u.id, u]))
  const { stated, firstLine } = statedParents(rows, reject)

  const parentAfter = new Map<string, string | null>()
  for (const u of units) parentAfter.set(u.name, (u.parentId && byId.get(u.parentId)?.name) || null)
  for (const name of firstLine.keys()) if (!byName.has(name)) parentAfter.set(name, null)
  for (const [name, s] of stated) parentAfter.set(name, s.parent)
  const chainAfter = (name: string) => chainOf(name, parentAfter)

  const looped = new Set<string>()
  for (const [name, s] of stated) {
    if (!chainAfter(s.parent).includes(name)) continue
    looped.add(name)
    reject(s.line, `“${s.parent}”在“${name}”之下（或就是它），不能做它的上级单位`)
  }

  const scope = scopeOrgId ? byId.get(scopeOrgId) : undefined
  const inScopeBefore = (name: string) => {
    const u = byName.get(name)
    return !scopeOrgId || (!!u && (u.id === scopeOrgId || u.ancestors.includes(scopeOrgId)))
  }
  const inScopeAfter = (name: string) => !scopeOrgId || (!!scope && chainAfter(name).includes(scope.name))
  const peopleUnits = new Set(rows.map((r) => r.org))

  const plan: UnitPlan = { rejected, create: [], reparent: [], inScopeBefore }
  for (const [name, line] of firstLine) {
    // A unit in or under a loop has its loop refused already; its place in the tree is undefined.
    if (chainAfter(name).some((n) => looped.has(n))) continue
    const s = stated.get(name)
    const parent = parentAfter.get(name) ?? null
    const existing = byName.get(name)
    // Outside her units only because a new parent is: that parent's own refusal says why.
    const parentRefused = !!parent && !byName.has(parent) && !inScopeAfter(parent)
    if (!existing) {
      if (inScopeAfter(name)) plan.create.push({ name, parent, line: s?.line ?? line })
      else if (!parentRefused)
        reject(
          s?.line ?? line,
          s ? `上级单位“${s.parent}”不在您的管辖范围内` : `新单位“${name}”不在您的管辖范围内：请写上它的上级单位`,
        )
      continue
    }
    const from = (existing.parentId && byId.get(existing.parentId)?.name) || null
    const moves = !!s && s.parent !== from
    if ((peopleUnits.has(name) || moves) && !inScopeBefore(name)) reject(line, `单位“${name}”不在您的管辖范围内`)
    else if (!s || !moves) continue
    else if (existing.id === scopeOrgId) reject(s.line, `不能改变您所管辖的“${name}”本身的上级单位`)
    else if (!inScopeAfter(name)) {
      if (!parentRefused) reject(s.line, `上级单位“${s.parent}”不在您的管辖范围内`)
    } else plan.reparent.push({ name, parent, line: s.line, from })
  }
  plan.create = parentsFirst(plan.create)
  return plan
}

/** Each unit's 上级单位 as its own rows give it, and the line where each unit is first named. */
function statedParents(rows: readonly RosterRow[], reject: (line: number, reason: string) => void) {
  const stated = new Map<string, { parent: string; line: number }>()
  const firstLine = new Map<string, number>()
  for (const row of rows) {
    for (const name of [row.org, row.parent]) if (name && !firstLine.has(name)) firstLine.set(name, row.line)
    if (!row.parent) continue
    const earlier = stated.get(row.org)
    if (!earlier) stated.set(row.org, { parent: row.parent, line: row.line })
    else if (earlier.parent !== row.parent)
      reject(row.line, `“${row.org}”的上级单位写成了“${row.parent}”，第 ${earlier.line} 行写的是“${earlier.parent}”`)
  }
  return { stated, firstLine }
}

/** The unit, its parent, … up to a root, stopping before any unit seen twice (a loop). */
function chainOf(name: string, parentOf: ReadonlyMap<string, string | null>): string[] {
  const out: string[] = []
  for (let n: string | null = name; n !== null && !out.includes(n); n = parentOf.get(n) ?? null) out.push(n)
  return out
}

/** New units ordered so that each comes after a new parent of its own. */
function parentsFirst(create: PlannedUnit[]): PlannedUnit[] {
  const byName = new Map(create.map((u) => [u.name, u]))
  const out: PlannedUnit[] = []
  const done = new Set<string>()
  const visit = (u: PlannedUnit) => {
    if (done.has(u.name)) return
    done.add(u.name)
    const parent = u.parent ? byName.get(u.parent) : undefined
    if (parent) visit(parent)
    out.push(u)
  }
  create.forEach(visit)
  return out
}
