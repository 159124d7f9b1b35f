/**
 * A village chair downloads her executives' 述职报告 from the dashboard on a phone, in a real headless
 * Chromium: one Word file with a report per executive, and the page to print.
 */
import { readFileSync } from 'node:fs'
import { chromium, type Browser, type Page } from 'playwright-core'
import { openTestDb, type TestDb } from '../support/test-db'
import { startApp } from '../support/start-app'
import { seedFiveLevel } from '../support/five-level-tree'
import { docxText, reportCount } from '../support/docx-text'

let db: TestDb
let app: Awaited<ReturnType<typeof startApp>>
let browser: Browser
let token: string
const violations: string[] = []

beforeAll(async () => {
  db = await openTestDb()
  await seedFiveLevel(db.repos)
  const village = (await db.repos.orgs.findByName('新农村'))!.id
  token = await db.repos.tokens.issue({ role: 'chair', orgId: village, label: '新农村主席' }, new Date())
  app = await startApp(db.repos)
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
  })
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await app?.close()
  await db?.close()
}, 30_000)

async function open(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', acceptDownloads: true })
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text())
  })
  await page.goto(`${app.base}/dashboard#token=${encodeURIComponent(token)}`)
  await page.locator('#table tr td').first().waitFor({ timeout: 15_000 })
  return page
}

async function downloaded(page: Page, button: string): Promise<{ name: string; data: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), page.click(button)])
  return { name: download.suggestedFilename(), data: readFileSync((await download.path())!) }
}

it('downloads every executive’s 述职报告 of her village in one Word file, and the page to print', async () => {
  const page = await open()
  const button = page.locator('#duty-docx')
  expect(await button.textContent()).toBe('下载全部述职报告（Word）')
  const box = (await button.boundingBox())!
  expect(box.x + box.width).toBeLessThanOrEqual(390)

  const year = await page.inputValue('#year')
  const word = await downloaded(page, '#duty-docx')
  expect(word.name).toBe(`${year}年述职报告.docx`)
  const text = await docxText(word.data)
  expect(reportCount(text, Number(year))).toBe(3)
  for (const name of ['陈红', '李梅', '赵敏']) expect(text).toContain(`述职人：${name}`)

  const html = await downloaded(page, '#duty-html')
  expect(html.data.toString('utf8').match(/<article>/g)).toHaveLength(3)
  expect(await page.locator('#error').textContent()).toBe('')
  expect(violations).toEqual([])
  await page.close()
}, 60_000)
