import ExcelJS from 'exceljs'
import { itemId, type ChecklistItem } from '../domain/checklist'
import { checklistFor, checklistUnion } from '../domain/unit-checklist'
import { GRADES } from '../domain/review-grade'
import { countedNoun } from '../domain/counted'
import type { PersonFigures } from '../domain/person-figures'
import type { UnitReport } from '../domain/compose-unit-report'
import type { UnitFigures } from '../domain/roll-up'
import type { OrgTree } from '../domain/org-tree'
import { PassThrough, type Writable } from 'node:stream'
import { displayNames } from '../domain/display-name'
import { sheetName } from './sheet-name'
import { sheetSettler } from './streamed-sheets'
import { fitWidth, FONT, printedSheet, tableRow, textWidth, titleLine } from './print-layout'
import type { LocalDate } from '../domain/zoned-time'

export { sheetName } from './sheet-name'

/** The columns after the checklist's items, in the CSV and the unit sheets alike. */
const OTHER_COLUMNS = ['其中名单外代表', '妇情日记', '需求未办结', '需求已办结'] as const

/** The CSV's columns for a checklist: name and unit, its items (in its order), then diary, needs, done and grade. */
function headers(items: readonly ChecklistItem[]): string[] {
  return ['姓名', '单位', ...items.map((i) => i.label), ...OTHER_COLUMNS, '完成项数', '考核等级']
}

/** Her figures for these items; an item her own checklist does not have is left blank. */
function itemValues(p: PersonFigures, items: readonly ChecklistItem[]): (string | number)[] {
  const hers = new Map(p.items.map((i) => [itemId(i), i.count]))
  return items.map((i) => hers.get(itemId(i)) ?? '')
}

const otherValues = (p: PersonFigures) => [
  p.counts.unlisted ?? 0,
  p.counts.diary,
  p.counts.needsOpen,
  p.counts.needsResolved,
]

/** A person's CSV row under these columns. */
function rowValues(p: PersonFigures, org: string, items: readonly ChecklistItem[]): (string | number)[] {
  return [p.displayName, org, ...itemValues(p, items), ...otherValues(p), p.done, p.grade]
}

const percent = (share: number, counted: number) => (counted ? Number((share * 100).toFixed(1)) : '')
const NUMBER_WIDTH = 7

/**
 * What the workbook is made from: the units of a subtree in tree order with their figures, and each
 * unit's own people. A report (compose-unit-report) or the standings (review-source) can give it; the
 * standings give it unit by unit, so a province's workbook never holds the province's people at once.
 */
export interface ReviewSource {
  year: number
  tree: OrgTree
  /** The title of the 汇总 sheet: the unit asked about, or 全部单位. */
  name: string
  /** The word for who is counted (执委, or 执委和主席). */
  noun: string
  /** Units of the subtree, parents first, each with its subtree's figures, ranked among its siblings. */
  units(): Iterable<UnitFigures>
  /** A unit's own counted people, by name. */
  people(orgId: string): PersonFigures[]
}

/**
 * 汇总: one row per unit of the subtree, parents before children (indented by level), each a subtotal
 * of everyone counted below it, ranked among its sibling units.
 */
function summarySheet(wb: Workbook, source: ReviewSource, printedOn: LocalDate): ExcelJS.Worksheet {
  const noun = source.noun
  const indent = (depth: number) => Math.min(depth * 2, 15)
  let unitWidth = 8
  for (const u of source.units()) unitWidth = Math.max(unitWidth, indent(u.depth) * 1.2 + textWidth(u.name))
  const headings = [
    `计入人数（${noun}）`,
    '其中本级',
    '平均完成项数',
    '进度正常人数',
    '进度正常占比(%)',
    `${source.year}年无记录人数`,
    '无记录占比(%)',
    ...GRADES,
    '同级排名',
  ]
  const columns = [
    { header: '单位', width: Math.min(40, Math.ceil(unitWidth + 2)) },
    ...headings.map((h) => ({ header: h, width: Math.max(NUMBER_WIDTH, fitWidth(h, [])) })),
  ]
  const title = titleLine(source.name, source.year, `${noun}履职考核汇总（每个单位含全部下级）`, printedOn)
  const summary = printedSheet(wb, '汇总', title, columns)
  for (const u of source.units()) {
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
    // Excel and LibreOffice indent only a left-aligned cell.
    row.getCell(1).alignment = { horizontal: 'left', indent: indent(u.depth) }
    row.getCell(columns.length).alignment = { horizontal: 'center' }
    if (u.depth === 0) row.font = { name: FONT, bold: true }
    tableRow(row, columns.length)
    // Written out now: a province's summary has a row for each of its tens of thousands of units.
    row.commit()
  }
  summary.commit()
  return summary
}

/**
 * A unit's own people, in the columns of its own checklist (units with different checklists differ).
 * The grade and the items done stand right after the name, so a printed page never parts them; the unit
 * is in the title line, so a name carries it only where two of the unit share it.
 */
function unitSheet(
  wb: Workbook,
  unit: UnitFigures,
  title: string,
  people: PersonFigures[],
  items: ChecklistItem[],
  used: Set<string>,
) {
  const shown = displayNames(
    people.map((p) => ({ id: p.memberId, name: p.name, orgId: p.orgId })),
    () => unit.name,
  )
  const names = people.map((p) => shown.get(p.memberId) ?? p.name)
  const headings = [...items.map((i) => i.label), ...OTHER_COLUMNS]
  const columns = [
    { header: '姓名', width: fitWidth('姓名', names, 8) },
    { header: '考核等级', width: fitWidth('考核等级', GRADES) },
    { header: '完成项数', width: NUMBER_WIDTH },
    ...headings.map((h) => ({ header: h, width: Math.max(NUMBER_WIDTH, fitWidth(h, [])) })),
  ]
  const sheet = printedSheet(wb, sheetName(unit.name, used), title, columns)
  people.forEach((p, i) => {
    const row = sheet.addRow([names[i], p.grade, p.done, ...itemValues(p, items), ...otherValues(p)])
    row.getCell(2).alignment = { horizontal: 'center' }
    tableRow(row, columns.length)
  })
  sheet.commit()
  return sheet
}

type Workbook = ExcelJS.stream.xlsx.WorkbookWriter

/**
 * The annual review (述职考核) workbook, written to `out` as it is made: 汇总, then one sheet per unit
 * with its own people, each sheet let go once written, so memory stays that of the largest unit. Grades
 * are each person's own (domain/review-grade). Every sheet prints on A4 landscape one page wide, with
 * its title line "单位 · 年度 · 打印日期" (`printedOn`: the day it is made, which is the day it is printed).
 */
export async function writeReviewWorkbook(source: ReviewSource, printedOn: LocalDate, out: Writable): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  wb.creator = '妇联助手'
  const settle = sheetSettler(wb)
  await settle(summarySheet(wb, source, printedOn))
  const used = new Set<string>(['汇总'])
  for (const u of source.units()) {
    if (u.direct === 0) continue
    const people = source.people(u.orgId)
    if (!people.length) continue
    const title = titleLine(u.name, source.year, `${countedNoun(u)}履职考核`, printedOn)
    // A province has tens of thousands of sheets: each is let go once the zip has it.
    await settle(unitSheet(wb, u, title, people, checklistFor(source.tree, u.orgId), used))
  }
  await wb.commit()
}

/** A report as a workbook source: its units as they are, its people by unit. */
export function reportSource(report: UnitReport): ReviewSource {
  const byOrg = new Map<string, PersonFigures[]>()
  for (const p of report.people) byOrg.set(p.orgId, [...(byOrg.get(p.orgId) ?? []), p])
  const totals = report.totals()
  return {
    year: report.year,
    tree: report.tree,
    name: totals.name,
    noun: countedNoun(totals),
    units: () => report.units,
    people: (id) => byOrg.get(id) ?? [],
  }
}

/** The workbook of a report, whole in memory (tests, small units). */
export async function reviewWorkbook(report: UnitReport, printedOn: LocalDate): Promise<Buffer> {
  const chunks: Buffer[] = []
  const out = new PassThrough()
  out.on('data', (c: Buffer) => chunks.push(c))
  await writeReviewWorkbook(reportSource(report), printedOn, out)
  return Buffer.concat(chunks)
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

/**
 * One row per counted person, in UTF-8 with a byte-order mark: the one encoding that opens right both in
 * Excel and in LibreOffice's own import. Tried with LibreOffice 7.4 headless (see the README):
 * - UTF-8 with BOM: Excel takes the BOM as UTF-8 (a double-click opens it right); LibreOffice's text
 *   import dialog sniffs the BOM and preselects UTF-8, and reads it without the BOM in the first cell
 *   (tests/integration/review-print.test.ts); current LibreOffice reads UTF-8 by default without a dialog.
 * - UTF-16LE with BOM: LibreOffice's dialog detects it too, but Excel opens a UTF-16 file as tab-separated
 *   "Unicode text", so each comma-separated row lands whole in column A.
 * - GBK: right only where the system code page is GBK (Chinese Windows); LibreOffice never detects it.
 * No byte encoding of Chinese survives LibreOffice 7.4's import through its API with no filter options
 * (`soffice --convert-to` without --infilter): it reads every CSV as Windows-1252 and skips the BOM test.
 */
export function reviewCsv(report: UnitReport): string {
  return reviewCsvOf(reportSource(report))
}

/** The CSV of a workbook source: its units' people, unit by unit in tree order. */
export function reviewCsvOf(source: ReviewSource): string {
  const withPeople = [...source.units()].filter((u) => u.direct > 0)
  const items = checklistUnion(
    source.tree,
    withPeople.map((u) => u.orgId),
  )
  const rows = withPeople.flatMap((u) => source.people(u.orgId).map((p) => rowValues(p, u.name, items)))
  const lines = [headers(items), ...rows].map((r) => r.map(csvCell).join(','))
  return '\ufeff' + lines.join('\r\n') + '\r\n'
}
