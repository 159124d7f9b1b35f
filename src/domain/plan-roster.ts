import type { Member, OrgUnit, Role } from './entities'
import type { RejectedRow, RosterRow } from './roster-rows'
import { planUnits, type PlannedUnit } from './plan-units'

export interface RosterChange {
  line: number
  change: string
}

/** What is there before an import: the whole org tree, and the people and WeChat ids the file names. */
export interface RosterBefore {
  units: readonly OrgUnit[]
  /** Everyone whose name is in the file's 姓名 column, in any unit. */
  people: readonly Member[]
  /** The member each WeChat id of the file is bound to, where one is. */
  holders: ReadonlyMap<string, Member>
}

export interface PlannedPerson {
  line: number
  name: string
  role: Role
  org: string
  /** Her record, when she is there already (in `org`, or in `moveFrom`). */
  memberId?: string
  moveFrom?: string
  /** Her role before, when the row changes it. */
  roleFrom?: Role
  /** A WeChat id to bind to her (not given when it is hers already). */
  bind?: string
}

export interface RosterPlan {
  /** One entry per refused line, in line order: nothing is written while there is one. */
  rejected: RejectedRow[]
  /** New roles, moves and new parents: written only once the admin confirms. */
  changes: RosterChange[]
  /** Units to create, each after its parent. */
  newUnits: PlannedUnit[]
  reparent: (PlannedUnit & { parent: string })[]
  /** Every row, in file order: who she becomes. */
  people: PlannedPerson[]
}

const ROLE_NAMES = { executive: '执委', chair: '主席', admin: '管理员' } as const

/**
 * A roster file's whole effect, computed before anything is written, from its rows and what is there:
 * the units it creates and moves (see planUnits: rows may come in any order), and for each row the
 * person it creates or updates. A person is her name and her unit: a row never finds someone by name
 * elsewhere, so it never moves, demotes or rebinds her; a move needs the 原单位 column. A WeChat id
 * bound to someone else, or given twice, is refused.
 */
export function planRoster(rows: readonly RosterRow[], before: RosterBefore, scopeOrgId: string | null): RosterPlan {
  const units = planUnits(rows, before.units, scopeOrgId)
  const rejected = [...units.rejected]
  const reject = (line: number, reason: string) => rejected.push({ line, reason })
  const unitId = new Map(before.units.map((u) => [u.name, u.id]))
  const people = new Map(before.people.map((m) => [`${m.name}\u0000${m.orgId}`, m]))
  const find = (name: string, org: string) => people.get(`${name}\u0000${unitId.get(org) ?? ''}`)
  const unitName = new Map(before.units.map((u) => [u.id, u.name]))
  const inScope = (orgId: string) => units.inScopeBefore(unitName.get(orgId) ?? '')

  const moving = planMoves(rows, find, units.inScopeBefore, reject)
  const movedAt = new Map([...moving.values()].map((m) => [m.line, m.member]))

  const changes: RosterChange[] = []
  const planned: PlannedPerson[] = []
  const wechatLines = new Map<string, number>()
  for (const row of rows) {
    const mover = movedAt.get(row.line)
    const here = find(row.name, row.org)
    if (here && moving.has(here.id) && !mover)
      reject(row.line, `第 ${moving.get(here.id)!.line} 行把“${row.name}”从“${row.org}”调走了`)
    const person = mover ?? here
    if (mover) changes.push({ line: row.line, change: `“${row.name}”从“${row.fromOrg}”调到“${row.org}”` })
    if (person && person.role !== row.role)
      changes.push({
        line: row.line,
        change: `“${row.name}”（${row.org}）的角色由${ROLE_NAMES[person.role]}改为${ROLE_NAMES[row.role]}`,
      })
    let bind: string | undefined
    if (row.wechatId) {
      const earlier = wechatLines.get(row.wechatId)
      const holder = before.holders.get(row.wechatId)
      if (earlier) reject(row.line, `微信号与第 ${earlier} 行相同`)
      // Whom it is bound to is named only within her units (HT-13).
      else if (holder && holder.id !== person?.id)
        reject(row.line, inScope(holder.orgId) ? `微信号已绑定给“${holder.name}”` : '微信号已绑定给您管辖范围以外的人')
      else if (!holder) bind = row.wechatId
      wechatLines.set(row.wechatId, earlier ?? row.line)
    }
    // A WeChat id for an admin or a chair of her own unit makes that WeChat act as her: asked first (HT-14).
    if (
      bind &&
      person &&
      scopeOrgId &&
      person.orgId === scopeOrgId &&
      [person.role, row.role].some((r) => r !== 'executive')
    )
      changes.push({
        line: row.line,
        change: `给“${row.name}”（${row.org}，${ROLE_NAMES[person.role]}）加绑一个微信号：那个微信将能以她的身份操作`,
      })
    planned.push({
      line: row.line,
      name: row.name,
      role: row.role,
      org: row.org,
      ...(person ? { memberId: person.id } : {}),
      ...(mover ? { moveFrom: row.fromOrg } : {}),
      ...(person && person.role !== row.role ? { roleFrom: person.role } : {}),
      ...(bind ? { bind } : {}),
    })
  }
  const unitChanges = units.reparent.map((u) => ({
    line: u.line,
    change: `单位“${u.name}”的上级由“${u.from ?? '无'}”改为“${u.parent}”`,
  }))
  return {
    rejected: mergeByLine(rejected),
    changes: [...byLine(unitChanges), ...byLine(changes)],
    newUnits: units.create,
    reparent: units.reparent.map(({ from: _from, ...u }) => ({ ...u, parent: u.parent! })),
    people: planned,
  }
}

/** Rows that move someone (原单位 → 单位): her member id → the row and her record. */
function planMoves(
  rows: readonly RosterRow[],
  find: (name: string, org: string) => Member | undefined,
  inScopeBefore: (org: string) => boolean,
  reject: (line: number, reason: string) => void,
): Map<string, { line: number; member: Member }> {
  const moving = new Map<string, { line: number; member: Member }>()
  for (const row of rows) {
    const from = row.fromOrg && row.fromOrg !== row.org ? find(row.name, row.fromOrg) : undefined
    const here = find(row.name, row.org)
    if (!row.fromOrg || row.fromOrg === row.org || (here && !from)) continue // no move, or moved already
    if (!from) reject(row.line, `原单位“${row.fromOrg}”没有“${row.name}”`)
    else if (!inScopeBefore(row.fromOrg)) reject(row.line, `原单位“${row.fromOrg}”不在您的管辖范围内`)
    else if (here) reject(row.line, `“${row.org}”已经有一位“${row.name}”`)
    else if (moving.has(from.id)) reject(row.line, `第 ${moving.get(from.id)!.line} 行已经把她从“${row.fromOrg}”调走`)
    else moving.set(from.id, { line: row.line, member: from })
  }
  return moving
}

const byLine = <T extends { line: number }>(list: T[]) => [...list].sort((a, b) => a.line - b.line)

/** One entry per line, its reasons joined, in line order. */
export function mergeByLine(rejected: readonly RejectedRow[]): RejectedRow[] {
  const reasons = new Map<number, string[]>()
  for (const r of rejected) reasons.set(r.line, [...(reasons.get(r.line) ?? []), r.reason])
  return byLine([...reasons].map(([line, list]) => ({ line, reason: list.join('；') })))
}
