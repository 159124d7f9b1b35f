/**
 * The dashboard as leaders use it, in a real headless Chromium (Debian's, driven by playwright-core), on a
 * five-level federation: a province chair and a village chair on a phone (390 px) and a desktop, and an
 * admin issuing and revoking a token. Screenshots go to SCREENSHOT_DIR (docs/ keeps the ones the README shows).
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { openTestDb, type TestDb } from '../support/test-db'
import { startApp } from '../support/start-app'
import { seedFiveLevel } from '../support/five-level-tree'

const SHOTS = process.env.SCREENSHOT_DIR ?? join(__dirname, '..', '..', 'tmp', 'screenshots')
const PHONE = { width: 390, height: 844 }
/** How long a page may take to show what it fetched: generous, as `npm test` shares two cores with other work. */
const WAIT_MS = 30_000
const DESKTOP = { width: 1280, height: 900 }
let db: TestDb
let app: Awaited<ReturnType<typeof startApp>>
let browser: Browser
const tokens: Record<string, string> = {}
const violations: string[] = []

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  db = await openTestDb()
  await seedFiveLevel(db.repos)
  const org = async (name: string) => (await db.repos.orgs.findByName(name))!.id
  const now = new Date()
  tokens.province = await db.repos.tokens.issue({ role: 'chair', orgId: await org('湖北省'), label: '省主席' }, now)
  tokens.village = await db.repos.tokens.issue({ role: 'chair', orgId: await org('新农村'), label: '新农村主席' }, now)
  tokens.admin = await db.repos.tokens.issue({ role: 'admin', orgId: await org('樊城区'), label: '樊城区管理员' }, now)
  app = await startApp(db.repos)
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
  })
}, 60_000)

afterEach(() => {
  expect(violations).toEqual([])
})

afterAll(async () => {
  await browser?.close()
  await app?.close()
  await db?.close()
}, 30_000)

/** The dashboard signed in through a login link, as a chair opens the one her admin sent her. */
async function open(token: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage({ viewport, locale: 'zh-CN', deviceScaleFactor: 1 })
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text())
  })
  await page.goto(`${app.base}/dashboard#token=${encodeURIComponent(token)}`)
  await page.locator('#cards .card').first().waitFor({ timeout: WAIT_MS })
  await page.locator('#table tr td').first().waitFor({ timeout: WAIT_MS })
  expect(page.url()).not.toContain('#token') // taken out of the address bar and the history
  return page
}

const cards = async (page: Page) =>
  (await page.locator('#cards .card').allTextContents()).map((t) => t.replace(/\s+/g, ''))

/** Nothing needs sideways scrolling, and the figures that matter are inside the screen. */
async function fitsTheScreen(page: Page, width: number) {
  expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width)
  for (const selector of ['#cards', '#units', '#table th:has-text("完成")', '#table th:has-text("等级")']) {
    const box = await page.locator(selector).first().boundingBox()
    if (box) expect([selector, box.x + box.width <= width]).toEqual([selector, true])
  }
}

/** A button is filled or outlined, with rounded corners, and big enough for a thumb. */
async function looksLikeAButton(page: Page, selector: string) {
  type Style = { backgroundColor: string; borderTopWidth: string; borderTopLeftRadius: string }
  const look = await page.locator(selector).evaluate((el) => {
    // Runs in the page: its window's getComputedStyle (this project compiles without the DOM's types).
    const s = (globalThis as unknown as { getComputedStyle(e: unknown): Style }).getComputedStyle(el)
    return { background: s.backgroundColor, border: s.borderTopWidth, radius: s.borderTopLeftRadius }
  })
  const box = await page.locator(selector).boundingBox()
  expect(look.background).not.toBe('rgba(0, 0, 0, 0)')
  expect(parseFloat(look.border)).toBeGreaterThan(0)
  expect(parseFloat(look.radius)).toBeGreaterThanOrEqual(6)
  expect(box!.height).toBeGreaterThanOrEqual(36)
}

describe('a province chair', () => {
  it.each([
    ['390', PHONE],
    ['1280', DESKTOP],
  ])(
    'sees the province rolled up and its cities ranked (%s px)',
    async (name, viewport) => {
      const page = await open(tokens.province!, viewport)
      expect(await page.locator('#unit-title').textContent()).toContain('湖北省')
      expect((await cards(page)).slice(0, 4)).toEqual([
        '计入的执委20人',
        '平均完成4.0/8项',
        '进度正常8人·40%',
        `${new Date().getFullYear()}年还没有记录3人·15%`,
      ])
      const units = (await page.locator('#units li .unit-line').allTextContents()).map((t) => t.replace(/\s+/g, ''))
      expect(units).toEqual(['1襄阳市3.9项·正常40%·无记录13%·15人', '2十堰市3.3项·正常33%·无记录33%·3人'])
      // Its own level is named; the cities' people are a click away.
      expect(await page.locator('#behind').textContent()).toContain('省执委乙')
      expect(await page.locator('#behind').textContent()).not.toContain('赵敏')
      await fitsTheScreen(page, viewport.width)
      await looksLikeAButton(page, '#load')
      await looksLikeAButton(page, '#xlsx')
      await page.screenshot({ path: join(SHOTS, `dashboard-province-${name}.png`), fullPage: true })
      // A city's name opens the city.
      await page.click('#units button.unit-name:has-text("襄阳市")')
      await page.locator('#unit-title', { hasText: '襄阳市' }).waitFor({ timeout: WAIT_MS })
      expect((await cards(page))[0]).toBe('计入的执委15人')
      await page.close()
    },
    120_000,
  )
})

describe('a province chair on a phone, level by level', () => {
  it('offers her path and the children of the unit shown, never the whole tree, and pages people from the server', async () => {
    const asked: string[] = []
    const page = await browser.newPage({ viewport: PHONE, locale: 'zh-CN', deviceScaleFactor: 1 })
    page.on('request', (r) => asked.push(new URL(r.url()).pathname + new URL(r.url()).search))
    await page.goto(`${app.base}/dashboard#token=${encodeURIComponent(tokens.province!)}`)
    await page.locator('#table tr td').first().waitFor({ timeout: WAIT_MS })
    const options = async () => (await page.locator('#org option').allTextContents()).map((t) => t.trim())
    expect(await options()).toEqual(['湖北省（我的范围）', '十堰市（下级）', '襄阳市（下级）'])
    await page.selectOption('#org', '襄阳市')
    await page.locator('#unit-title', { hasText: '襄阳市' }).waitFor({ timeout: WAIT_MS })
    expect(await options()).toEqual(['湖北省（我的范围）', '襄阳市', '樊城区（下级）', '襄城区（下级）'])
    await page.click('#units button.unit-name:has-text("樊城区")')
    await page.locator('#unit-title', { hasText: '樊城区' }).waitFor({ timeout: WAIT_MS })
    expect(await options()).toEqual(['湖北省（我的范围）', '襄阳市', '樊城区', '牛首镇（下级）', '太平店镇（下级）'])
    await page.locator('#table-note', { hasText: '（11 人）' }).waitFor({ timeout: WAIT_MS })
    await fitsTheScreen(page, PHONE.width)
    await page.screenshot({ path: join(SHOTS, 'dashboard-levels-390.png'), fullPage: true })
    await page.selectOption('#org', '')
    await page.locator('#unit-title', { hasText: '湖北省' }).waitFor({ timeout: WAIT_MS })
    // The units come a level at a time with the summary; people a page at a time.
    expect(asked.filter((a) => a.startsWith('/api/v1/orgs'))).toEqual([])
    const pages = asked.filter((a) => a.startsWith('/api/v1/progress'))
    expect(pages.length).toBeGreaterThanOrEqual(4)
    for (const p of pages) expect(p).toContain('limit=100')
    await page.close()
  }, 120_000)
})

describe('a village chair', () => {
  it.each([
    ['390', PHONE],
    ['1280', DESKTOP],
  ])(
    'sees her village’s people, who is behind and their grades (%s px)',
    async (name, viewport) => {
      const page = await open(tokens.village!, viewport)
      expect(await page.locator('#unit-title').textContent()).toContain('新农村')
      expect((await cards(page))[0]).toBe('计入的执委3人')
      expect(await page.locator('#behind').textContent()).toContain(
        '进度落后 2 人：赵敏（新农村，0/8）、李梅（新农村，4/8）',
      )
      const row = (await page.locator('#table tr', { hasText: '陈红' }).locator('td').allTextContents()).slice(0, 3)
      expect(row).toEqual(['陈红新农村', '6/8', '合格'])
      expect(await page.locator('#tokens-section').isHidden()).toBe(true) // a chair issues no tokens
      expect(await page.locator('#units-section').isHidden()).toBe(true) // a village has no sub-units
      await fitsTheScreen(page, viewport.width)
      await looksLikeAButton(page, '#load')
      await page.screenshot({ path: join(SHOTS, `dashboard-village-${name}.png`), fullPage: true })
      await page.close()
    },
    120_000,
  )
})

describe('an admin', () => {
  it('issues a chair’s token of her subtree, sees it once, and revokes it', async () => {
    const page = await open(tokens.admin!, PHONE)
    await page.selectOption('#issue-role', 'chair')
    await page.selectOption('#issue-org', '太平店镇')
    await page.fill('#issue-label', '太平店镇 孙主席')
    await page.click('#issue button[type=submit]')
    await page.locator('#issued').waitFor({ state: 'visible', timeout: WAIT_MS })
    const issued = await page.inputValue('#issued-token')
    expect(issued).toMatch(/^fl_/)
    const me = await fetch(`${app.base}/api/v1/me`, { headers: { authorization: `Bearer ${issued}` } })
    expect(await me.json()).toMatchObject({ role: 'chair', org: '太平店镇', label: '太平店镇 孙主席' })
    const row = page.locator('#tokens tr', { hasText: '太平店镇 孙主席' })
    await row.waitFor({ timeout: WAIT_MS })
    expect(await page.locator('#tokens').textContent()).not.toContain(issued)
    expect(await page.locator('#issue-org option').allTextContents()).not.toContain('襄阳市')
    await looksLikeAButton(page, '#issue button[type=submit]')
    await fitsTheScreen(page, PHONE.width)
    page.once('dialog', (d) => void d.accept())
    await row.locator('button.danger').click()
    await row.waitFor({ state: 'detached', timeout: WAIT_MS })
    const after = await fetch(`${app.base}/api/v1/me`, { headers: { authorization: `Bearer ${issued}` } })
    expect(after.status).toBe(401)
    // Her audit trail names what was done in her subtree.
    await page.reload()
    await page.locator('#audit tr', { hasText: '吊销令牌' }).waitFor({ timeout: WAIT_MS })
    await page.close()
  }, 120_000)
})

describe('an admin’s checklist', () => {
  it('sets her district’s own checklist on a phone, sees it counted, is told why a clashing word is refused, and goes back', async () => {
    const page = await open(tokens.admin!, PHONE)
    await page.locator('#checklist li').first().waitFor({ timeout: WAIT_MS })
    expect(await page.locator('#checklist-note').textContent()).toBe('（樊城区：默认清单，共 8 项）')
    const reps = page.locator('#checklist-defaults tr[data-key=representatives]')
    await reps.locator('[name=min]').fill('3')
    await reps.locator('[name=max]').fill('5')
    await page.locator('#checklist-defaults tr[data-key=onlineGroup] [name=on]').uncheck()
    await page.click('#checklist-add')
    const added = page.locator('#checklist-added .added-item').last()
    await added.locator('[name=label]').fill('参加议事会')
    await added.locator('[name=words]').fill('联系')
    await added.locator('[name=min]').fill('4')
    await page.click('#checklist-save')
    await page
      .locator('#error', { hasText: '清单没有保存：命令词“联系”已被机器人自己的命令占用' })
      .waitFor({ timeout: WAIT_MS })

    await added.locator('[name=words]').fill('议事')
    await page.click('#checklist-save')
    await page.locator('#checklist-saved', { hasText: '已保存樊城区的清单。' }).waitFor({ timeout: WAIT_MS })
    expect(await page.locator('#checklist-note').textContent()).toBe('（樊城区：樊城区设定，共 8 项）')
    const items = await page.locator('#checklist li').allTextContents()
    expect(items[0]).toBe('联系妇女代表：目标 3–5（按不同名称），记录用 #联系')
    expect(items.join()).not.toContain('建立正能量网群')
    expect(items.at(-1)).toBe('参加议事会：目标 4（按次数），记录用 #议事')
    const api = await fetch(`${app.base}/api/v1/checklist?org=太平店镇`, {
      headers: { authorization: `Bearer ${tokens.admin}` },
    })
    expect(await api.json()).toMatchObject({
      setBy: '樊城区',
      items: expect.arrayContaining([
        expect.objectContaining({ key: expect.stringMatching(/^item-/), words: ['议事'] }),
      ]),
    })
    // The figures follow: her district's people are now counted out of 8 items of its own checklist.
    await page.reload()
    // Attached, not visible: a phone shows only items done and the grade per person.
    await page.locator('#table th', { hasText: '参加议事会' }).waitFor({ state: 'attached', timeout: WAIT_MS })
    expect((await cards(page))[1]).toMatch(/平均完成[\d.]+\/8项/)
    await fitsTheScreen(page, PHONE.width)
    await page.locator('#checklist-section').screenshot({ path: join(SHOTS, 'dashboard-checklist-390.png') })

    page.once('dialog', (d) => void d.accept())
    await page.click('#checklist-inherit')
    await page.locator('#checklist-saved', { hasText: '樊城区已改回沿用上级。' }).waitFor({ timeout: WAIT_MS })
    expect(await page.locator('#checklist-note').textContent()).toBe('（樊城区：默认清单，共 8 项）')
    await page.close()
  }, 120_000)
})
