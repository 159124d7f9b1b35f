import ExcelJS from 'exceljs'
import { itemId, type ChecklistItem } from '../domain/checklist'
import { checklistFor, checklistUnion } from '../domain/unit-checklist'
import { GRADES } from '../domain/review-grade'
import { countedNoun } from '../domain/counted'
import type { PersonFigures } from '../domain/person-figures'
import type { UnitReport } from '../domain/compose-unit-report'
import { sheetName } from './sheet-name'

export { sheetName } from './sheet-name'

/** Columns for a checklist: its items (in its order), then diary, needs, done and grade. */
function headers(items: readonly ChecklistItem[]): string[] {
  return [
    '姓名',
    '单位',
    ...items.map((i) => i.label),
    '其中名单外代表',
    '妇情日记',
    '需求未办结',
    '需求已办结',
    '完成项数',
    '考核等级',
  ]
}

/** A person's row under these columns; an item her own checklist does not have is left blank. */
function rowValues(p: PersonFigures, org: string, items: readonly ChecklistItem[]): (string | number)[] {
  const hers = new Map(p.items.map((i) => [itemId(i), i.count]))
  return [
    p.displayName,
    org,
    ...items.map((i) => hers.get(itemId(i)) ?? ''),
    p.counts.unlisted ?? 0,
    p.counts.diary,
    p.counts.needsOpen,
    p.counts.needsResolved,
    p.done,
    p.grade,
  ]
}

const percent = (share: number, counted: number) => (counted ? Number((share * 100).toFixed(1)) : '')

/**
 * The annual review (述职考核) workbook. 汇总: one row per unit of the subtree, parents before children
 * (indented by level), each a subtotal of everyone counted below it, ranked among its sibling units;
 * then one sheet per unit with its own people. Grades are each person's own (domain/review-grade).
 */
export async function reviewWorkbook(report: UnitReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = '妇联助手'
  const noun = countedNoun(report.totals())
  const summary = wb.addWorksheet('汇总')
  summary.addRow([`${report.year}年${noun}履职考核汇总（每个单位含全部下级）`])
  summary.addRow([
    '单位',
    `计入人数（${noun}）`,
    '其中本级',
    '平均完成项数',
    '进度正常人数',
    '进度正常占比(%)',
    `${report.year}年无记录人数`,
    '无记录占比(%)',
    ...GRADES,
    '同级排名',
  ])
  for (const u of report.units) {
    const row = summary.addRow([
      u.name,
      u.counted,
      u.direct,
      u.counted ? Number(u.averageDone.toFixed(2)) : '',
      u.onTrack,
      percent(u.onTrackShare, u.counted),
      u.nothingYet,
      percent(u.nothingYetShare, u.counted),
      ...GRADES.map((g) => u.grades[g]),
      u.rank && u.ranked > 1 ? `${u.rank}/${u.ranked}` : '',
    ])
    row.getCell(1).alignment = { indent: Math.min(u.depth * 2, 15) }
    if (u.depth === 0) row.font = { bold: true }
  }
  summary.getRow(1).font = { bold: true, size: 14 }
  summary.getRow(2).font = { bold: true }
  summary.columns.forEach((c) => (c.width = 13))
  summary.getColumn(1).width = 24

  const byOrg = new Map<string, PersonFigures[]>()
  for (const p of report.people) byOrg.set(p.orgId, [...(byOrg.get(p.orgId) ?? []), p])
  const used = new Set<string>(['汇总'])
  for (const u of report.units) {
    const people = byOrg.get(u.orgId)
    if (!people?.length) continue
    // Each unit's sheet has the columns of its own checklist (units with different checklists differ).
    const items = checklistFor(report.tree, u.orgId)
    const sheet = wb.addWorksheet(sheetName(u.name, used))
    sheet.addRow(headers(items)).font = { bold: true }
    for (const p of people) sheet.addRow(rowValues(p, u.name, items))
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

/** One row per counted person (UTF-8 with BOM, so Excel opens the Chinese headers correctly). */
export function reviewCsv(report: Pick<UnitReport, 'people' | 'tree'>): string {
  const items = checklistUnion(report.tree, new Set(report.people.map((p) => p.orgId)))
  const rows = report.people.map((p) => rowValues(p, report.tree.get(p.orgId)?.name ?? '', items))
  const lines = [headers(items), ...rows].map((r) => r.map(csvCell).join(','))
  return '\ufeff' + lines.join('\r\n') + '\r\n'
}
