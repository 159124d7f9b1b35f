import type { Repos } from '../repos/create-repos'
import type { Member, OrgUnit } from '../domain/entities'
import { readRosterTable, type RejectedRow, type RosterRow } from '../domain/roster-rows'

export interface RosterChange {
  line: number
  change: string
}

export interface ImportResult {
  imported: number
  rejected: RejectedRow[]
  /** What the file changes beyond adding people: roles, moves, units re-parented. */
  changes: RosterChange[]
  /** The file changes roles, moves people or re-parents units: nothing was written; send it again confirmed. */
  needsConfirmation?: true
  /** WeChat ids bound by the 微信号 column. */
  bound: number
}

export const MAX_ROSTER_ROWS = 5_000

type RosterRepos = Pick<Repos, 'orgs' | 'members'>

const ROLE_NAMES = { executive: '执委', chair: '主席', admin: '管理员' } as const

/** What the rows would do, checked against the database before anything is written. */
interface Plan {
  rejected: RejectedRow[]
  changes: RosterChange[]
  /** Units whose parent the file changes: unit name → new parent name. */
  reparent: Map<string, string>
  /** Rows that move a person: line → her member record. */
  moves: Map<number, Member>
}

/**
 * Every row checked for the whole file before the first write. A row may only create or change units
 * and people inside the importer's units (`scopeOrgId`; null: the whole tree). A person is her name and
 * her unit: a row never finds someone by name elsewhere, so it never moves, demotes or rebinds her; a
 * move needs the 原单位 column. A new role, a move or a unit's new parent is reported and written only
 * when the import is confirmed. A WeChat id bound to someone else, or given twice, is refused.
 */
async function plan(repos: RosterRepos, rows: RosterRow[], scopeOrgId: string | null): Promise<Plan> {
  const result: Plan = { rejected: [], changes: [], reparent: new Map(), moves: new Map() }
  const reject = (line: number, reason: string) => result.rejected.push({ line, reason })
  const orgs = new Map((await repos.orgs.listAll()).map((o) => [o.name, o]))
  const byId = new Map([...orgs.values()].map((o) => [o.id, o]))
  const scope = scopeOrgId ? new Set(await repos.orgs.subtreeIds(scopeOrgId)) : undefined
  const created = new Set<string>()
  const inScope = (name: string | undefined) => {
    if (!scope) return true
    const org = name ? orgs.get(name) : undefined
    return org ? scope.has(org.id) : !!name && created.has(name)
  }
  for (const row of rows) {
    const existing = orgs.get(row.org)
    if (existing) {
      if (!inScope(row.org)) reject(row.line, `单位“${row.org}”不在您的管辖范围内`)
      const currentParent = existing.parentId ? byId.get(existing.parentId)?.name : undefined
      if (row.parent && row.parent !== currentParent && !result.reparent.has(row.org)) {
        const parent = orgs.get(row.parent)
        if (!inScope(row.parent)) reject(row.line, `上级单位“${row.parent}”不在您的管辖范围内`)
        else if (scope && !scope.has(existing.id)) reject(row.line, `不能改变“${row.org}”的上级单位`)
        else if (parent && (parent.id === existing.id || parent.ancestors.includes(existing.id)))
          reject(row.line, `“${row.parent}”在“${row.org}”之下，不能做它的上级单位`)
        else {
          result.reparent.set(row.org, row.parent)
          result.changes.push({
            line: row.line,
            change: `单位“${row.org}”的上级由“${currentParent ?? '无'}”改为“${row.parent}”`,
          })
        }
      }
    } else if (!created.has(row.org)) {
      if (!(row.parent ? inScope(row.parent) : !scope)) reject(row.line, `单位“${row.org}”不在您的管辖范围内`)
      else created.add(row.org)
    }
  }
  const wechatIds = new Map<string, number>()
  for (const row of rows) {
    const org = orgs.get(row.org)
    const here = org ? (await repos.members.findByName(row.name)).find((m) => m.orgId === org.id) : undefined
    let person = here
    if (row.fromOrg) {
      const from = orgs.get(row.fromOrg)
      const moving = from ? (await repos.members.findByName(row.name)).find((m) => m.orgId === from.id) : undefined
      if (!from || !moving) reject(row.line, `原单位“${row.fromOrg}”没有“${row.name}”`)
      else if (!inScope(row.fromOrg)) reject(row.line, `原单位“${row.fromOrg}”不在您的管辖范围内`)
      else if (here) reject(row.line, `“${row.org}”已经有一位“${row.name}”`)
      else if (row.fromOrg !== row.org) {
        person = moving
        result.moves.set(row.line, moving)
        result.changes.push({ line: row.line, change: `“${row.name}”从“${row.fromOrg}”调到“${row.org}”` })
      }
    }
    if (person && person.role !== row.role)
      result.changes.push({
        line: row.line,
        change: `“${row.name}”（${row.org}）的角色由${ROLE_NAMES[person.role]}改为${ROLE_NAMES[row.role]}`,
      })
    if (!row.wechatId) continue
    const earlier = wechatIds.get(row.wechatId)
    const holder = earlier ? undefined : await repos.members.findByContactId(row.wechatId)
    if (earlier) reject(row.line, `微信号与第 ${earlier} 行相同`)
    else if (holder && holder.id !== person?.id) reject(row.line, `微信号已绑定给“${holder.name}”`)
    wechatIds.set(row.wechatId, earlier ?? row.line)
  }
  return result
}

/** One reason per line, in line order. */
function merge(rejected: RejectedRow[]): RejectedRow[] {
  const byLine = new Map<number, string[]>()
  for (const r of rejected) byLine.set(r.line, [...(byLine.get(r.line) ?? []), r.reason])
  return [...byLine.entries()]
    .sort(([a], [b]) => a - b)
    .map(([line, reasons]) => ({ line, reason: reasons.join('；') }))
}

/**
 * 名单导入 from a table whose first row holds the Chinese headers (姓名, 角色, 单位, 上级单位, 微信号, 原单位).
 * All or nothing: every row is checked, against the file and the database, before the first write;
 * one bad row rejects the upload, with every bad row and why. Changes to people and units already
 * there are listed and need `confirm`.
 */
export async function importRoster(
  repos: RosterRepos,
  table: string[][],
  scopeOrgId: string | null,
  now: Date,
  options: { confirm?: boolean } = {},
): Promise<ImportResult> {
  const none = { imported: 0, changes: [], bound: 0 }
  if (table.length > MAX_ROSTER_ROWS + 1) {
    return { ...none, rejected: [{ line: 0, reason: `一次最多导入 ${MAX_ROSTER_ROWS} 行` }] }
  }
  const { rows, rejected } = readRosterTable(table)
  const checked = await plan(repos, rows, scopeOrgId)
  rejected.push(...checked.rejected)
  if (rejected.length || rows.length === 0) {
    return { ...none, rejected: rejected.length ? merge(rejected) : [{ line: 0, reason: '没有可导入的行' }] }
  }
  if (checked.changes.length && !options.confirm)
    return { ...none, rejected: [], changes: checked.changes, needsConfirmation: true }
  const units = new Map<string, OrgUnit>()
  for (const row of rows) units.set(row.org, await repos.orgs.ensure(row.org, row.parent))
  for (const [unit, parent] of checked.reparent) {
    const org = units.get(unit) ?? (await repos.orgs.findByName(unit))!
    await repos.orgs.reparent(org.id, (await repos.orgs.ensure(parent)).id)
  }
  let bound = 0
  for (const row of rows) {
    const org = units.get(row.org)!
    const moving = checked.moves.get(row.line)
    if (moving) await repos.members.moveTo(moving.id, org.id)
    const member = await repos.members.upsertByName({ name: row.name, role: row.role, orgId: org.id }, now)
    if (row.wechatId && !member.contactIds.includes(row.wechatId)) {
      if (await repos.members.bindContact(member.id, row.wechatId, now)) bound++
    }
  }
  return { imported: rows.length, rejected: [], changes: checked.changes, bound }
}
