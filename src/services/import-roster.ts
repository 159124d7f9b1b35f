import type { Repos } from '../repos/create-repos'
import type { OrgUnit } from '../domain/entities'
import { readRosterTable, type RejectedRow, type RosterRow } from '../domain/roster-rows'

export interface ImportResult {
  imported: number
  rejected: RejectedRow[]
}

export const MAX_ROSTER_ROWS = 5_000

type RosterRepos = Pick<Repos, 'orgs' | 'members'>

/**
 * What the database says about each row, checked for the whole file before anything is written: the
 * unit (or, for a new one, its parent, or a unit an earlier row creates there) must lie within the
 * importer's units; a person registered elsewhere cannot be moved in by naming her; a WeChat id bound
 * to someone else, or given twice, is refused.
 */
async function checkRows(repos: RosterRepos, rows: RosterRow[], scopeOrgId: string | null): Promise<RejectedRow[]> {
  const rejected: RejectedRow[] = []
  let registeredOutside = new Map<string, string>()
  if (scopeOrgId) {
    const orgs = new Map((await repos.orgs.listAll()).map((o) => [o.name, o]))
    const scope = new Set(await repos.orgs.subtreeIds(scopeOrgId))
    const created = new Set<string>()
    const inScope = (org: OrgUnit | undefined, name: string) => (org ? scope.has(org.id) : created.has(name))
    const others = await repos.members.findByNames(
      rows.map((r) => r.name),
      [...orgs.values()].filter((o) => !scope.has(o.id)).map((o) => o.id),
    )
    registeredOutside = new Map(others.map((m) => [m.name, m.orgId]))
    for (const row of rows) {
      const existing = orgs.get(row.org)
      const ok = existing ? inScope(existing, row.org) : row.parent && inScope(orgs.get(row.parent), row.parent)
      if (!ok) rejected.push({ line: row.line, reason: `单位“${row.org}”不在您的管辖范围内` })
      else if (!existing) created.add(row.org)
    }
  }
  const wechatIds = new Map<string, number>()
  for (const row of rows) {
    if (registeredOutside.has(row.name)) {
      rejected.push({ line: row.line, reason: `“${row.name}”已登记在您管辖范围以外的单位，请联系上级管理员` })
    }
    if (!row.wechatId) continue
    const earlier = wechatIds.get(row.wechatId)
    const holder = earlier ? undefined : await repos.members.findByContactId(row.wechatId)
    if (earlier) rejected.push({ line: row.line, reason: `微信号与第 ${earlier} 行相同` })
    else if (holder && holder.name !== row.name) {
      rejected.push({ line: row.line, reason: `微信号已绑定给“${holder.name}”` })
    }
    wechatIds.set(row.wechatId, earlier ?? row.line)
  }
  return rejected
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
 * 名单导入 from a table whose first row holds the Chinese headers (姓名, 角色, 单位, 上级单位, 微信号).
 * All or nothing: every row is checked, against the file and the database, before the first write;
 * one bad row rejects the upload, with every bad row and why.
 */
export async function importRoster(
  repos: RosterRepos,
  table: string[][],
  scopeOrgId: string | null,
  now: Date,
): Promise<ImportResult> {
  if (table.length > MAX_ROSTER_ROWS + 1) {
    return { imported: 0, rejected: [{ line: 0, reason: `一次最多导入 ${MAX_ROSTER_ROWS} 行` }] }
  }
  const { rows, rejected } = readRosterTable(table)
  rejected.push(...(await checkRows(repos, rows, scopeOrgId)))
  if (rejected.length || rows.length === 0) {
    return { imported: 0, rejected: rejected.length ? merge(rejected) : [{ line: 0, reason: '没有可导入的行' }] }
  }
  for (const row of rows) {
    const org = await repos.orgs.ensure(row.org, row.parent)
    const member = await repos.members.upsertByName({ name: row.name, role: row.role, orgId: org.id }, now)
    if (row.wechatId) await repos.members.bindContact(member.id, row.wechatId, now)
  }
  return { imported: rows.length, rejected: [] }
}
