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

/** Within Excel's 31 UTF-16 units, without splitting a character. */
const clip = (s: string, max: number) => {
  let out = ''
  for (const ch of s) {
    if (out.length + ch.length > max) break
    out += ch
  }
  return out
}

/**
 * A unit's name as a sheet name Excel accepts: none of []:*?/\, no apostrophe at either end, not the
 * reserved 'History', at most 31 characters, and unlike every sheet already in `used` (Excel compares
 * names ignoring case). Adds the name to `used`.
 */
export function sheetName(unit: string, used: Set<string>): string {
  const tidy = (s: string) => s.replace(/^'+|'+$/g, '').trim()
  let base = tidy(unit.replace(/[\\/?*[\]:\u0000-\u001f]/g, '')) || '单位'
  if (base.toLowerCase() === 'history') base += '_'
  let name = tidy(clip(base, 31))
  for (let i = 2; !name || used.has(name.toLowerCase()); i++) name = `${tidy(clip(base, 31 - `_${i}`.length))}_${i}`
  used.add(name.toLowerCase())
  return name
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
    const name = sheetName(org, used)
    const sheet = wb.addWorksheet(name)
    sheet.addRow(HEADERS).font = { bold: true }
    for (const r of byOrg.get(org)!) sheet.addRow(rowValues(r))
    sheet.columns.forEach((c) => (c.width = 12))
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/**
 * OWASP's advice for CSV injection: a cell starting with = + - @ tab or CR would run as a formula in a
 * spreadsheet, so it gets a leading apostrophe; a cell holding a quote, comma, CR or LF is quoted, so
 * it cannot end its row early and start one of its own.
 */
export const csvCell = (v: string | number) => {
  const s = String(v)
  const safe = typeof v === 'string' && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** The same table as CSV (UTF-8 with BOM, so Excel opens the Chinese headers correctly). */
export function reviewCsv(rows: readonly ProgressRow[]): string {
  const lines = [HEADERS, ...rows.map(rowValues)].map((r) => r.map(csvCell).join(','))
  return '\ufeff' + lines.join('\r\n') + '\r\n'
}
