import {
  AlignmentType,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx'
import type { DutyReport, ReportItem } from '../domain/compose-duty-report'
import { chineseOrdinal } from '../domain/chinese-ordinal'

/** A4 in twentieths of a point; margins of 2.54 cm and 2.8 cm, as Word's default for Chinese. */
const A4 = { width: 11906, height: 16838 }
const MARGIN = { top: 1440, bottom: 1440, left: 1588, right: 1588 }
/** Half-points: 小四 (12 pt) body, 四号 (14 pt) headings, 小二 (18 pt) title. */
const BODY = 24
const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' }
const HEADING_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' }
const INDENT = { firstLine: 480 }
/** A list line: indented four characters, its wrapped lines under its first. */
const LIST = { left: 960 }

const text = (t: string, extra: { bold?: boolean; size?: number } = {}) =>
  new TextRun({ text: t, font: FONT, size: BODY, ...extra })

const heading = (t: string) =>
  new Paragraph({
    spacing: { before: 240, after: 120 },
    children: [new TextRun({ text: t, font: HEADING_FONT, size: 28, bold: true })],
  })

const body = (t: string, indent: { left?: number; firstLine?: number } = INDENT) =>
  new Paragraph({ indent, spacing: { line: 360 }, children: [text(t)] })

function basicsTable(basics: [string, string][]): Table {
  const cell = (t: string, label: boolean) =>
    new TableCell({
      width: { size: label ? 15 : 35, type: WidthType.PERCENTAGE },
      children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [text(t, { bold: label })] })],
    })
  const rows: TableRow[] = []
  for (let i = 0; i < basics.length; i += 2)
    rows.push(new TableRow({ children: basics.slice(i, i + 2).flatMap(([k, v]) => [cell(k, true), cell(v, false)]) }))
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows })
}

function itemParagraphs(item: ReportItem, n: number): Paragraph[] {
  const target = item.target ? `（目标 ${item.target} ${item.measure}）` : ''
  const state = item.target ? (item.done ? '，已完成。' : '，未完成。') : '（本单位清单已不含此项）。'
  const head = new Paragraph({
    indent: INDENT,
    spacing: { before: 60, line: 360 },
    children: [
      text(`${chineseOrdinal(n)}${item.label}：`, { bold: true }),
      text(`${item.count} ${item.measure}${target}${state}`),
    ],
  })
  const lines = item.entries.map((e) => body([e.date, e.subject, e.detail].filter(Boolean).join('　'), LIST))
  if (item.entries.length === 0) lines.push(body('今年暂无记录。', LIST))
  if (item.more > 0) lines.push(body(`另有 ${item.more} 条记录，略。`, LIST))
  return [head, ...lines]
}

function needParagraphs(report: DutyReport, n: number): Paragraph[] {
  const resolved = report.resolvedNeeds.map((x) =>
    body(`${x.number} 号　${x.opened}登记，${x.resolved}办结：${x.content}`, LIST),
  )
  const open = report.openNeeds.map((x) => body(`${x.number} 号　${x.opened}登记，尚未办结：${x.content}`, LIST))
  const total = report.resolvedNeeds.length + report.openNeeds.length
  const head = new Paragraph({
    indent: INDENT,
    spacing: { before: 60, line: 360 },
    children: [
      text(`${chineseOrdinal(n)}妇女需求台账：`, { bold: true }),
      text(total ? `登记 ${total} 件，办结 ${report.resolvedNeeds.length} 件。` : '今年没有登记需求。'),
    ],
  })
  return [head, ...resolved, ...open]
}

function blankLines(count: number): Paragraph[] {
  return Array.from({ length: count }, () => new Paragraph({ spacing: { line: 480 }, children: [text('')] }))
}

/** One report as one section of the document: it starts on a new page and numbers its own pages. */
function section(report: DutyReport): ISectionOptions {
  const items = [...report.items, ...report.others]
  return {
    properties: { page: { size: A4, margin: MARGIN, pageNumbers: { start: 1 } } },
    footers: {
      default: new Footer({
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [
              text(`${report.name} ${report.title}　第 `, { size: 18 }),
              new TextRun({ children: [PageNumber.CURRENT], size: 18 }),
              text(' 页', { size: 18 }),
            ],
          }),
        ],
      }),
    },
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 120 },
        children: [new TextRun({ text: report.title, font: HEADING_FONT, size: 36, bold: true })],
      }),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 240 },
        children: [text(`${report.basics[1]![1]}　${report.name}`)],
      }),
      heading('一、基本情况'),
      basicsTable(report.basics),
      body(report.overview),
      heading('二、履职清单完成情况'),
      ...items.flatMap((item, i) => itemParagraphs(item, i + 1)),
      ...needParagraphs(report, items.length + 1),
      heading('三、妇情日记摘要'),
      body(
        report.diaryTotal === 0
          ? '今年暂无妇情日记。'
          : `全年共写妇情日记 ${report.diaryTotal} 篇${report.diary.length < report.diaryTotal ? `，摘录 ${report.diary.length} 篇` : ''}：`,
      ),
      ...report.diary.map((d) => body(`${d.date}：${d.excerpt}`, LIST)),
      heading('四、存在的不足和明年打算'),
      ...report.blanks.flatMap((b, i) => [
        body(`${chineseOrdinal(i + 1)}${b}`),
        body('（请本人填写）', INDENT),
        ...blankLines(2),
      ]),
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: { before: 240 },
        children: [text(`述职人：${report.name}`)],
      }),
      new Paragraph({ alignment: AlignmentType.RIGHT, children: [text('　　年　　月　　日')] }),
    ],
  }
}

/**
 * 述职报告 as Word files, the format these offices edit: one report, or several in one document, each
 * starting on a new page with its own page numbers (a chair prints her unit's in one go).
 */
export async function dutyReportDocx(reports: readonly DutyReport[]): Promise<Buffer> {
  const doc = new Document({
    creator: '妇联助手',
    title: reports.length === 1 ? `${reports[0]!.name} ${reports[0]!.title}` : '述职报告',
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    sections: reports.map(section),
  })
  return Packer.toBuffer(doc)
}
