import ExcelJS from 'exceljs'
import { DEFAULT_CHECKLIST } from '../domain/checklist'
import { GRADES } from '../domain/review-grade'
import type { ProgressRow } from './progress-report'

const HEADERS = [
  '姓名',
  '单位',
  ...DEFAULT_CHECKLIST.map((i) => i.label),
  '妇情日记',
  '需求未办结',
  '需求已办结',
  '完成项数',
  '考核等级',
]

function rowValues(r: ProgressRow): (string | number)[] {
  return [
    r.name,
    r.org,
    ...DEFAULT_CHECKLIST.map((i) => r.counts[i.key]),
    r.counts.diary,
    r.counts.needsOpen,
    r.counts.needsResolved,
    r.done,
    r.grade,
  ]
}

/** The annual review (述职考核) workbook: a summary sheet by unit, then one sheet per unit. */
export async function reviewWorkbook(year: number, rows: readonly ProgressRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = '妇联助手'
  const summary = wb.addWorksheet('汇总')
  summary.addRow([`${year}年执委履职考核汇总`])
  summary.addRow(['单位', '执委人数', ...GRADES, '平均完成项数'])
  const byOrg = new Map<string, ProgressRow[]>()
  for (const r of rows) byOrg.set(r.org, [...(byOrg.get(r.org) ?? []), r])
  const orgNames = [...byOrg.keys()].sort((a, b) => a.localeCompare(b, 'zh'))
  for (const org of orgNames) {
    const list = byOrg.get(org)!
    const avg = list.reduce((s, r) => s + r.done, 0) / list.length
    summary.addRow([
      org,
      list.length,
      ...GRADES.map((g) => list.filter((r) => r.grade === g).length),
      Number(avg.toFixed(2)),
    ])
  }
  summary.getRow(1).font = { bold: true, size: 14 }
  summary.getRow(2).font = { bold: true }
  summary.columns.forEach((c) => (c.width = 14))

  const used = new Set<string>(['汇总'])
  for (const org of orgNames) {
    let name = org.replace(/[\\/?*[\]:]/g, '').slice(0, 28) || '单位'
    for (let i = 2; used.has(name); i++) name = `${name.slice(0, 26)}_${i}`
    used.add(name)
    const sheet = wb.addWorksheet(name)
    sheet.addRow(HEADERS).font = { bold: true }
    for (const r of byOrg.get(org)!) sheet.addRow(rowValues(r))
    sheet.columns.forEach((c) => (c.width = 12))
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}

const csvCell = (v: string | number) => {
  const s = String(v)
  // A leading = + - @ would run as a formula in Excel: quote it away.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** The same table as CSV (UTF-8 with BOM, so Excel opens the Chinese headers correctly). */
export function reviewCsv(rows: readonly ProgressRow[]): string {
  const lines = [HEADERS, ...rows.map(rowValues)].map((r) => r.map(csvCell).join(','))
  return '\ufeff' + lines.join('\r\n') + '\r\n'
}
