import ExcelJS from 'exceljs'
import type { Repos } from '../repos/create-repos'
import { parseCsv } from '../domain/parse-csv'
import { readRosterTable, type RejectedRow } from '../domain/roster-rows'

export interface ImportResult {
  imported: number
  rejected: RejectedRow[]
}

async function tableOf(body: Buffer, contentType: string): Promise<string[][]> {
  const isZip = body.length > 4 && body[0] === 0x50 && body[1] === 0x4b
  if (isZip || /spreadsheetml|excel/.test(contentType)) {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(body as unknown as ArrayBuffer)
    const sheet = wb.worksheets[0]
    if (!sheet) return []
    const rows: string[][] = []
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const values = (row.values as unknown[]).slice(1)
      rows.push(
        values.map((v) =>
          v === null || v === undefined
            ? ''
            : typeof v === 'object' && 'text' in (v as object)
              ? String((v as { text: unknown }).text)
              : String(v),
        ),
      )
    })
    return rows
  }
  return parseCsv(body.toString('utf8'))
}

/**
 * 名单导入 from CSV or XLSX with Chinese headers (姓名, 角色, 单位, 上级单位, 微信号). All or nothing:
 * one bad row rejects the upload, with every bad row and why. Units must lie within the admin's scope.
 */
export async function importRoster(
  repos: Pick<Repos, 'orgs' | 'members'>,
  body: Buffer,
  contentType: string,
  scopeOrgId: string | null,
  now: Date,
): Promise<ImportResult> {
  let table: string[][]
  try {
    table = await tableOf(body, contentType)
  } catch {
    return { imported: 0, rejected: [{ line: 0, reason: '文件无法读取：请上传 UTF-8 编码的 CSV 或 XLSX 文件' }] }
  }
  if (table.length > 5_001) return { imported: 0, rejected: [{ line: 0, reason: '一次最多导入 5000 行' }] }
  const { rows, rejected } = readRosterTable(table)
  if (scopeOrgId) {
    for (const row of rows) {
      const existing = await repos.orgs.findByName(row.org)
      const parent = row.parent ? await repos.orgs.findByName(row.parent) : undefined
      const anchor = existing ?? parent
      if (!anchor || !(await repos.orgs.isWithin(anchor.id, scopeOrgId))) {
        rejected.push({ line: row.line, reason: `单位“${row.org}”不在您的管辖范围内` })
      }
    }
  }
  if (rejected.length || rows.length === 0) {
    return {
      imported: 0,
      rejected: rejected.length ? rejected.sort((a, b) => a.line - b.line) : [{ line: 0, reason: '没有可导入的行' }],
    }
  }
  for (const row of rows) {
    const org = await repos.orgs.ensure(row.org, row.parent)
    const member = await repos.members.upsertByName({ name: row.name, role: row.role, orgId: org.id }, now)
    if (row.wechatId) await repos.members.bindContact(member.id, row.wechatId, now)
  }
  return { imported: rows.length, rejected: [] }
}
