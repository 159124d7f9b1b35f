import type ExcelJS from 'exceljs'
import type { LocalDate } from '../domain/zoned-time'

/** ECMA-376 paper size 9. */
const A4 = 9
const LINE_HEIGHT = 15
/**
 * 等线 (DengXian) is the font Chinese Office opens new sheets in; where it is missing (LibreOffice on
 * Linux) the font set up for Chinese stands in for it, Latin digits included, so a page is one font.
 */
export const FONT = '等线'
const THIN = { style: 'thin' as const }

/** "白庙村 · 2026年度执委履职考核 · 打印日期 2026年12月7日": the first line of every printed page of a sheet. */
export function titleLine(unit: string, year: number, what: string, printedOn: LocalDate): string {
  return `${unit} · ${year}年度${what} · 打印日期 ${printedOn.year}年${printedOn.month}月${printedOn.day}日`
}

/**
 * About how many character widths (Excel's unit: the width of "0") a text takes: a Chinese character
 * about two. Enough to size columns so that a review meeting's sheet fits the paper near full size.
 */
export function textWidth(text: string): number {
  let width = 0
  for (const ch of text) width += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(ch) ? 2.1 : 1.1
  return width
}

export interface PrintedColumn {
  header: string
  /** In character widths; the header wraps onto more lines where it is wider. */
  width: number
}

/**
 * A sheet that prints as the review meeting reads it: its title line in row 1, the column headers in
 * row 2, the names in column A; A4 landscape, scaled to one page wide (as many pages tall as it needs),
 * title, headers and names repeated on every page, "第 N 页，共 M 页" at the foot. Rows added after
 * this are the table's body.
 */
export function printedSheet(
  wb: ExcelJS.Workbook,
  name: string,
  title: string,
  columns: readonly PrintedColumn[],
): ExcelJS.Worksheet {
  const sheet = wb.addWorksheet(name, {
    pageSetup: {
      paperSize: A4,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: '1:2',
      printTitlesColumn: 'A:A',
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
    // On screen too the names and the headers stay in view.
    views: [{ state: 'frozen', xSplit: 1, ySplit: 2 }],
  })
  const top = sheet.addRow([title])
  sheet.mergeCells(1, 1, 1, columns.length)
  top.font = { name: FONT, bold: true, size: 14 }
  top.height = 24
  top.alignment = { horizontal: 'center', vertical: 'middle' }
  const header = sheet.addRow(columns.map((c) => c.header))
  header.font = { name: FONT, bold: true }
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' }
  const lines = Math.min(3, Math.max(...columns.map((c) => Math.ceil(textWidth(c.header) / Math.max(1, c.width - 1)))))
  header.height = LINE_HEIGHT * lines + 4
  tableRow(header, columns.length)
  columns.forEach((c, i) => (sheet.getColumn(i + 1).width = c.width))
  return sheet
}

/**
 * A column wide enough for its widest cell, its header on at most two even lines ("需求已/办结", not
 * "需求已办/结"; bold is wider), within limits.
 */
export function fitWidth(header: string, cells: readonly string[], min = 6, max = 24): number {
  const chars = [...header]
  const firstLine = chars.slice(0, Math.ceil(chars.length / 2)).join('')
  const widest = Math.max(textWidth(firstLine), ...cells.map(textWidth))
  return Math.min(max, Math.max(min, Math.ceil(widest + 1)))
}

/**
 * Thin lines around every cell of the table (headers and body, not the title): a printed table is read
 * across a page, and a sheet's grid does not print by default. Body cells get the sheet's font. Applied
 * to each row as it is added: a sheet written as a stream cannot go back over its rows.
 */
export function tableRow(row: ExcelJS.Row, columns: number): void {
  if (row.number > 2) row.font = { name: FONT, ...row.font }
  for (let c = 1; c <= columns; c++) row.getCell(c).border = { top: THIN, left: THIN, bottom: THIN, right: THIN }
}
