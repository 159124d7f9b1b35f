/**
 * The review meeting on paper: LibreOffice prints the workbook the API serves to PDF, and we count the
 * pages. Only where LibreOffice is installed (.ci/run installs it); elsewhere this suite is reported as
 * skipped under a name that says what it needs, and a warning says it plainly.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { openTestDb, type TestDb } from '../support/test-db'
import { startApiServer } from '../support/api-server'
import { recordDuties, registerRoster } from '../support/fixtures'
import { reviewSample } from '../support/review-sample'
import { convertWithLibreOffice, findSoffice, pdfPages, savePageImage } from '../support/libre-office'
import { reviewCsv, reviewWorkbook } from '../../src/services/review-workbook'
import { DUTY_KINDS } from '../../src/domain/checklist'

const soffice = findSoffice()
if (!soffice)
  console.warn(
    'LibreOffice (soffice) is not installed here: the printed-page tests of the review workbook are SKIPPED.',
  )
const describeWithLibreOffice = soffice ? describe : describe.skip
const PRINTED_ON = { year: 2026, month: 12, day: 7 }
const A4_LANDSCAPE = { width: 841.9, height: 595.3 }

const SHOTS = process.env.SCREENSHOT_DIR ?? join(__dirname, '..', '..', 'tmp', 'screenshots')
const toPdf = (xlsx: Buffer) => convertWithLibreOffice(soffice!, { name: 'review.xlsx', data: xlsx }, 'pdf')
const printed = (xlsx: Buffer) => pdfPages(toPdf(xlsx))

const expectA4Landscape = (pages: { width: number; height: number }[]) => {
  for (const page of pages) {
    expect(page.width).toBeCloseTo(A4_LANDSCAPE.width, 0)
    expect(page.height).toBeCloseTo(A4_LANDSCAPE.height, 0)
  }
}

describeWithLibreOffice('the review workbook on paper (needs LibreOffice: soffice)', () => {
  jest.setTimeout(180_000)
  const ADMIN = 'review-print-admin-token-0001'
  let db: TestDb
  let server: Awaited<ReturnType<typeof startApiServer>>

  beforeAll(async () => {
    db = await openTestDb()
    await db.repos.tokens.bootstrap(ADMIN, new Date())
    const names = ['刘翠花', '王芳', '张桂兰', '李秀英', '陈红', '杨丽', '赵敏', '黄静', '周玉梅', '吴晓燕']
    const people = await registerRoster(db.repos, [
      { name: '双沟镇主席', role: 'chair', org: '双沟镇', parent: '襄州区' },
      ...names.map((name) => ({ name, role: 'executive' as const, org: '白庙村', parent: '双沟镇' })),
    ])
    for (const [i, name] of names.entries())
      await recordDuties(
        db.repos,
        people[name]!,
        DUTY_KINDS.slice(0, i).map((kind) => ({ kind, subject: `${name}的第${i}件事` })),
      )
    server = await startApiServer(db.repos)
  })
  afterAll(async () => {
    await server?.close()
    await db?.close()
  })

  it("prints a 10-person village's workbook as one A4 landscape page per sheet", async () => {
    const res = await fetch(`${server.base}/api/v1/review/2026.xlsx?org=白庙村`, {
      headers: { authorization: `Bearer ${ADMIN}` },
    })
    const xlsx = Buffer.from(await res.arrayBuffer())
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer)
    expect(wb.worksheets.map((s) => s.name)).toEqual(['汇总', '白庙村'])
    const village = wb.getWorksheet('白庙村')!
    expect(String(village.getCell('A1').value)).toMatch(
      /^白庙村 · 2026年度执委履职考核 · 打印日期 \d{4}年\d{1,2}月\d{1,2}日$/,
    )
    expect((village.getRow(2).values as unknown[]).slice(1, 4)).toEqual(['姓名', '考核等级', '完成项数'])
    expect(village.rowCount).toBe(12)

    const pages = printed(xlsx)
    expect(pages).toHaveLength(2) // 汇总, 白庙村
    expectA4Landscape(pages)
  })

  it('prints a township of five 10-person villages as 汇总 and one page per village', async () => {
    const pdf = toPdf(await reviewWorkbook(reviewSample('双沟镇', 10, 5), PRINTED_ON))
    const pages = pdfPages(pdf)
    expect(pages).toHaveLength(6)
    expectA4Landscape(pages)
    // The README's pictures of printed pages (SCREENSHOT_DIR=docs; where poppler's pdftoppm is installed).
    mkdirSync(SHOTS, { recursive: true })
    savePageImage(pdf, 1, join(SHOTS, 'review-print-summary.png'))
    savePageImage(pdf, 2, join(SHOTS, 'review-print-village.png'))
  })

  it('prints a 40-person unit one page wide, over as many pages as its rows need', async () => {
    // 汇总 on one page, the unit's 40 rows on two (not four: every column fits the width).
    const pages = printed(await reviewWorkbook(reviewSample('白庙村', 40, 1), PRINTED_ON))
    expect(pages).toHaveLength(3)
    expectA4Landscape(pages)
  })

  it('reads the CSV right in LibreOffice with the charset its import dialog picks for a UTF-8 BOM', async () => {
    const csv = Buffer.from(reviewCsv(reviewSample('双沟镇', 10, 2)), 'utf8')
    const xlsx = convertWithLibreOffice(soffice!, { name: 'review.csv', data: csv }, 'xlsx', 'CSV:44,34,76')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer)
    const sheet = wb.worksheets[0]!
    // The BOM is taken as the encoding's mark, not as part of the first header.
    expect(sheet.getCell('A1').value).toBe('姓名')
    expect(sheet.getCell('B2').value).toBe('白庙村')
    expect(sheet.rowCount).toBe(21)
  })
})
