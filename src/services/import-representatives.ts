import type { Repos } from '../repos/create-repos'
import type { RejectedRow } from '../domain/roster-rows'
import { LIMITS } from '../domain/vocabulary'
import { nameRefusal } from '../domain/name-refusal'

export interface RepresentativesImport {
  imported: number
  rejected: RejectedRow[]
  /** Nothing was written: per unit, how many names the file lists and how many are not listed yet. */
  preview?: { org: string; names: number; added: number }[]
}

/**
 * A file's rows, and a unit's whole list: a county's list for all its villages fits, and an import of
 * the largest takes a few seconds (one read, then batches of inserts).
 */
export const MAX_REPRESENTATIVES = 10_000

/**
 * 妇女代表名单 from a table with the headers 姓名 and 单位: each unit's elected representatives. All or
 * nothing; every unit must exist and lie within the importer's units. Names already listed stay once.
 */
export async function importRepresentatives(
  repos: Pick<Repos, 'orgs' | 'representatives'>,
  table: string[][],
  scopeOrgId: string | null,
  now: Date,
  options: { preview?: boolean } = {},
): Promise<RepresentativesImport> {
  const [header, ...body] = table
  const col = (h: string) => (header ?? []).findIndex((x) => x.trim() === h)
  const [nameCol, orgCol] = [col('姓名'), col('单位')]
  if (nameCol < 0 || orgCol < 0) return { imported: 0, rejected: [{ line: 1, reason: '缺少表头：姓名、单位' }] }
  if (body.length > MAX_REPRESENTATIVES)
    return { imported: 0, rejected: [{ line: 0, reason: `一次最多导入 ${MAX_REPRESENTATIVES} 行，请分几个文件导入` }] }
  const scope = scopeOrgId ? new Set(await repos.orgs.subtreeIds(scopeOrgId)) : undefined
  const orgs = new Map((await repos.orgs.listAll()).map((o) => [o.name, o.id]))
  const rejected: RejectedRow[] = []
  const byUnit = new Map<string, string[]>()
  body.forEach((cells, i) => {
    const line = i + 2
    const name = (cells[nameCol] ?? '').trim()
    const unit = (cells[orgCol] ?? '').trim()
    if (!name && !unit) return
    const orgId = orgs.get(unit)
    const refusal = nameRefusal(name, '姓名')
    if (!name || name.length > LIMITS.name) rejected.push({ line, reason: name ? '姓名太长' : '姓名为空' })
    else if (refusal) rejected.push({ line, reason: refusal })
    else if (!orgId) rejected.push({ line, reason: `没有单位“${unit}”（请先导入执委名单建立单位）` })
    else if (scope && !scope.has(orgId)) rejected.push({ line, reason: `单位“${unit}”不在您的管辖范围内` })
    else byUnit.set(orgId, [...(byUnit.get(orgId) ?? []), name])
  })
  if (rejected.length) return { imported: 0, rejected }
  const listed = await repos.representatives.listedIn([...byUnit.keys()])
  const names = new Map([...orgs].map(([name, id]) => [id, name]))
  const preview = [...byUnit].map(([orgId, list]) => ({
    org: names.get(orgId)!,
    names: new Set(list).size,
    added: new Set(list.filter((n) => !listed.get(orgId)?.has(n))).size,
    listed: listed.get(orgId)?.size ?? 0,
  }))
  const full = preview.filter((p) => p.listed + p.added > MAX_REPRESENTATIVES)
  if (full.length)
    return {
      imported: 0,
      rejected: full.map((p) => ({
        line: 0,
        reason: `“${p.org}”的代表名单最多 ${MAX_REPRESENTATIVES} 人（已有 ${p.listed} 人，这次要加 ${p.added} 人）`,
      })),
    }
  if (options.preview) return { imported: 0, rejected: [], preview: preview.map(({ listed: _l, ...p }) => p) }
  let imported = 0
  for (const [orgId, names] of byUnit) imported += await repos.representatives.add(orgId, names, now)
  return { imported, rejected: [] }
}
