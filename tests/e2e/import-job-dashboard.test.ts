/**
 * A roster too large for one request, on the admin's phone (390 px) in a real headless Chromium: an
 * import still being written shows its progress when she opens the dashboard and follows it to the
 * end; her own large file, once confirmed, does the same; a confirmation while another import is being
 * written is refused with how far that one is.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from '../support/launch-chromium'
import { openTestDb, type TestDb } from '../support/test-db'
import { startApp } from '../support/start-app'
import { manualClock } from '../../src/clock'
import { importRoster } from '../../src/services/import-roster'
import { runRosterJob } from '../../src/services/roster-job'

const SHOTS = process.env.SCREENSHOT_DIR ?? join(__dirname, '..', '..', 'tmp', 'screenshots')
const PHONE = { width: 390, height: 844 }
const ADMIN = 'import-job-dashboard-token-01'
const HEADER = '姓名,角色,单位,上级单位,微信号'
const SURNAMES = '王李张刘陈杨黄赵吴周'
const GIVEN = '秀丽美玉芳桂兰英华红'
let db: TestDb
let app: Awaited<ReturnType<typeof startApp>>
let browser: Browser

/** `n` executives of one new township's villages, with WeChat ids. */
const rows = (n: number, town: string, wx: string) =>
  Array.from(
    { length: n },
    (_, i) =>
      `${SURNAMES[i % 10]}${GIVEN[Math.floor(i / 10) % 10]}${town[0]},执委,${town}${GIVEN[i % 5]}村,${town},${wx}_${i}`,
  ).concat(`${town}主席,主席,${town},襄州区,${wx}_chair`)

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  db = await openTestDb()
  await db.repos.orgs.ensure('襄州区', '襄阳市')
  await db.repos.tokens.bootstrap(ADMIN, new Date())
  app = await startApp(db.repos, { importInlineRows: 10 })
  browser = await launchChromium()
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await app?.close()
  await db?.close()
}, 30_000)

async function open(): Promise<Page> {
  const page = await browser.newPage({ viewport: PHONE, locale: 'zh-CN', deviceScaleFactor: 1 })
  await page.goto(`${app.base}/dashboard#token=${encodeURIComponent(ADMIN)}`)
  await page.locator('#import-section').waitFor({ state: 'visible', timeout: 15_000 })
  return page
}

it('shows an import being written when she opens the dashboard, refuses another meanwhile, and follows it to the end', async () => {
  // Another process confirmed a roster and holds its job: nothing of it is written yet.
  const clock = manualClock()
  const table = [HEADER, ...rows(40, '双沟镇', 'wx_sg')].map((r) => r.split(','))
  const { job } = await importRoster(db.repos, table, null, clock, { confirm: true, inlineRows: 0, owner: 'other' })
  const page = await open()
  await page.locator('#import-job progress').waitFor({ timeout: 15_000 })
  expect(await page.locator('#import-job').textContent()).toContain('正在导入名单：已写入 0 / 41 行（0%）')
  await page.locator('#import-section').screenshot({ path: join(SHOTS, 'dashboard-import-job-390.png') })

  // Her own file meanwhile: previewed with a note, and its confirmation refused with how far the other is.
  await page.setInputFiles('#import-file', {
    name: '张家集镇.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from([HEADER, ...rows(3, '张家集镇', 'wx_zj')].join('\n')),
  })
  await page.click('#import-preview')
  await page.locator('#import-confirm').waitFor({ timeout: 15_000 })
  expect(await page.locator('#import-result').textContent()).toContain('另一份名单正在导入（已写入 0 / 41 行，0%）')
  await page.click('#import-confirm')
  await page.locator('#import-result p.warn', { hasText: '请等它完成后再确认' }).nth(1).waitFor({ timeout: 15_000 })
  expect(await db.repos.members.findByName('王秀张')).toEqual([])

  await runRosterJob({ repos: db.repos, clock }, job!.id, 'other')
  await page.locator('#import-job .good', { hasText: '已导入 41 行，绑定微信号 41 个。' }).waitFor({ timeout: 15_000 })
  expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width)
  await page.close()
}, 90_000)

it('writes her own large file as a job once she confirms it, and shows it done', async () => {
  const page = await open()
  await page.setInputFiles('#import-file', {
    name: '张家集镇执委名单.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from([HEADER, ...rows(30, '张家集镇', 'wx_zj')].join('\n')),
  })
  await page.click('#import-preview')
  await page.locator('#import-confirm').waitFor({ timeout: 15_000 })
  expect(await page.locator('#import-result').textContent()).toContain('新增 31 人')
  await page.click('#import-confirm')
  await page.locator('#import-job .good', { hasText: '已导入 31 行，绑定微信号 31 个。' }).waitFor({ timeout: 30_000 })
  expect((await db.repos.members.findByName('王秀张')).length).toBe(1)
  await page.close()
}, 90_000)
