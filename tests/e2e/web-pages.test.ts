/**
 * The two web pages in a real headless Chromium (Debian's, driven by playwright-core): a new user types a
 * duty command in the simulator page and sees the answer, then finds it on the dashboard.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { openTestDb, type TestDb } from '../support/test-db'
import { loadConfig } from '../../src/config'
import { systemClock } from '../../src/clock'
import { silentLogger } from '../../src/logger'
import { startServices, type RunningServices } from '../../bots/start-services'
import { quietWechatyLogs } from '../../bots/quiet-wechaty-logs'

const ADMIN_TOKEN = 'e2e-admin-token-0123456789'
const SHOTS = process.env.SCREENSHOT_DIR ?? join(__dirname, '..', '..', 'tmp', 'screenshots')
let db: TestDb
let services: RunningServices
let browser: Browser
let base: string
let dataDir: string
/** Anything the browser refused under the Content-Security-Policy, from every page opened. */
const violations: string[] = []

async function newPage(options: Parameters<Browser['newPage']>[0]) {
  const page = await browser.newPage(options)
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text())
  })
  return page
}

beforeAll(async () => {
  quietWechatyLogs('silent')
  mkdirSync(SHOTS, { recursive: true })
  db = await openTestDb()
  dataDir = mkdtempSync(join(tmpdir(), 'web-pages-'))
  const config = { ...loadConfig({ ADMIN_TOKEN, DATA_DIR: dataDir }), PORT: 0 }
  services = await startServices({ config, repos: db.repos, clock: systemClock, log: silentLogger })
  base = `http://127.0.0.1:${services.port}`
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}, 60_000)

afterEach(() => {
  expect(violations).toEqual([])
})

afterAll(async () => {
  await browser?.close()
  await services?.stop()
  await db?.close()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
}, 30_000)

describe('the simulator page', () => {
  it('lets a person pick who she is, type a duty command and see the bot answer', async () => {
    const page = await newPage({ viewport: { width: 414, height: 820 }, locale: 'zh-CN' })
    await page.goto(base + '/')
    await page.waitForURL('**/simulator')
    await page.selectOption('#conversation', '襄阳市执委工作交流群')
    await page.selectOption('#me', '张三')
    await page.fill('#text', '#联系 刘翠花 电话了解家庭情况')
    await page.click('#composer button[type=submit]')
    const answer = page.locator('.bubble', { hasText: '已记录：联系妇女代表「刘翠花」' })
    await answer.waitFor({ timeout: 15_000 })
    expect(await answer.textContent()).toContain('联系妇女代表 1/5–7')
    await page.fill('#text', '#帮扶 王家 孩子上学困难')
    await page.press('#text', 'Enter')
    await page.locator('.bubble', { hasText: '联系贫困家庭 1/1' }).waitFor({ timeout: 15_000 })
    await page.screenshot({ path: join(SHOTS, 'simulator.png'), fullPage: true })
    await page.close()
  }, 60_000)
})

describe('the simulator page, as people write', () => {
  it('reads a sentence, records it after "1", and reads a voice note’s transcript', async () => {
    const page = await newPage({ viewport: { width: 414, height: 900 }, locale: 'zh-CN' })
    await page.goto(base + '/simulator')
    await page.selectOption('#conversation', '__private__')
    // The chair (of 襄阳市): the dashboard test below reads 樊城区's bar, which this must not move.
    await page.selectOption('#me', '王主席')
    await page.fill('#text', '今天上午去看了刘翠花大姐，聊了她家孩子上学的事')
    await page.press('#text', 'Enter')
    await page.locator('.bubble', { hasText: '回复 1 记下，回复 0 取消' }).waitFor({ timeout: 15_000 })
    await page.fill('#text', '1')
    await page.press('#text', 'Enter')
    await page.locator('.bubble', { hasText: '已记录：联系妇女代表「刘翠花」' }).waitFor({ timeout: 15_000 })
    await page.selectOption('#kind', 'voice')
    await page.fill('#text', '嗯昨天下午去了王建国家里，帮他们把低保续上了')
    await page.press('#text', 'Enter')
    await page.locator('.bubble', { hasText: '🎤 语音' }).waitFor({ timeout: 15_000 })
    const heard = page.locator('.bubble', { hasText: '听到的是：' })
    await heard.waitFor({ timeout: 15_000 })
    expect(await heard.textContent()).toContain('帮助解决问题「王建国家」')
    await page.screenshot({ path: join(SHOTS, 'simulator-conversation.png'), fullPage: true })
    await page.close()
  }, 60_000)
})

describe('the dashboard', () => {
  it('asks for a token, then shows the logged items for the executive', async () => {
    const page = await newPage({ viewport: { width: 1100, height: 1200 }, locale: 'zh-CN' })
    // 张三 has a representative and a family (the same two as the simulator test: counted once if it ran),
    // 刘四 one contact: something logged, nothing yet complete.
    const say = (from: string, text: string) =>
      fetch(base + '/simulator/api/say', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ room: '襄阳市执委工作交流群', from, text }),
      })
    await say('张三', '#联系 刘翠花 电话了解家庭情况')
    await say('张三', '#帮扶 王家 孩子上学困难')
    await say('刘四', '#联系 马兰')
    const events = db.conn.collection('ledger_events')
    for (const subject of ['刘翠花', '王家', '马兰'])
      for (let i = 0; i < 50 && (await events.countDocuments({ 'change.add.subject': subject })) === 0; i++)
        await new Promise((r) => setTimeout(r, 100))
    await page.goto(base + '/dashboard')
    await page.fill('#token', 'wrong-token-value')
    await page.click('#load')
    await page.locator('#error', { hasText: '令牌无效' }).waitFor({ timeout: 15_000 })
    await page.fill('#token', ADMIN_TOKEN)
    await page.click('#load')
    const row = page.locator('#table tr', { hasText: '张三' })
    await row.waitFor({ timeout: 15_000 })
    const cells = await row.locator('td').allTextContents()
    expect(cells.slice(0, 4)).toEqual(['张三樊城区', '1/8', '不合格', '1'])
    // The demo federation: three executives counted (the chair is not, by default), and the city's
    // figures include its district's.
    const cards = (await page.locator('#cards .card').allTextContents()).map((t) => t.replace(/\s+/g, ''))
    expect(cards[0]).toBe('计入的执委3人')
    expect(await page.locator('#unit-title').textContent()).toContain('襄阳市')
    // Bars are as long as the unit's average (a third or two of 8 items), set through the CSSOM under the CSP.
    const bar = page.locator('#units li', { hasText: '樊城区' })
    const [fill, track] = await Promise.all([bar.locator('.fill').boundingBox(), bar.locator('.track').boundingBox()])
    expect(fill!.width / track!.width).toBeGreaterThan(0.02)
    expect(fill!.width / track!.width).toBeLessThan(0.1)
    // The token stays in this tab only.
    expect(
      await page.evaluate("[sessionStorage.getItem('fulian-token'), localStorage.getItem('fulian-token')]"),
    ).toEqual([ADMIN_TOKEN, null])
    await page.screenshot({ path: join(SHOTS, 'dashboard.png'), fullPage: true })
    await page.close()
  }, 60_000)
})

describe('the simulator page on a phone', () => {
  it('keeps the newest message in view, above the input bar', async () => {
    const page = await newPage({ viewport: { width: 390, height: 700 }, locale: 'zh-CN' })
    await page.goto(base + '/simulator')
    await page.selectOption('#conversation', '__private__')
    await page.selectOption('#me', '刘四')
    for (const text of ['#进度', '#帮助', '#我的记录', '#进度']) {
      await page.fill('#text', text)
      await page.press('#text', 'Enter')
    }
    await page.locator('#log .msg').nth(7).waitFor({ timeout: 15_000 })
    await page.waitForTimeout(300)
    const last = await page.locator('#log .msg').last().boundingBox()
    const composer = await page.locator('#composer').boundingBox()
    const log = await page.locator('#log').boundingBox()
    expect(last!.y + last!.height).toBeLessThanOrEqual(composer!.y + 1)
    expect(last!.y + last!.height).toBeGreaterThan(log!.y)
    expect(composer!.y + composer!.height).toBeLessThanOrEqual(700 + 1)
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390)
    await page.screenshot({ path: join(SHOTS, 'simulator-phone.png') })
    await page.close()
  }, 60_000)
})

describe('the simulator page with SIMULATOR_TOKEN', () => {
  it('asks for the token, then works as without one', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sim-token-'))
    const token = 'e2e-simulator-token-0123456789'
    const config = { ...loadConfig({ ADMIN_TOKEN, SIMULATOR_TOKEN: token, DATA_DIR: dataDir }), PORT: 0 }
    const guarded = await startServices({ config, repos: db.repos, clock: systemClock, log: silentLogger })
    const page = await newPage({ viewport: { width: 414, height: 820 }, locale: 'zh-CN' })
    try {
      await page.goto(`http://127.0.0.1:${guarded.port}/simulator`)
      await page.locator('#token-hint', { hasText: '需要令牌' }).waitFor({ timeout: 15_000 })
      await page.fill('#sim-token', token)
      await page.click('#token-form button')
      await page.selectOption('#conversation', '襄阳市执委工作交流群')
      await page.selectOption('#me', '陈五')
      await page.fill('#text', '#进度')
      await page.press('#text', 'Enter')
      await page.locator('.bubble', { hasText: '联系妇女代表' }).first().waitFor({ timeout: 15_000 })
      expect(await page.evaluate('localStorage.length')).toBe(0)
    } finally {
      await page.close()
      await guarded.stop()
      rmSync(dataDir, { recursive: true, force: true })
    }
  }, 60_000)
})
