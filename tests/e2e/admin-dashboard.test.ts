/**
 * A county admin's year without curl, on a phone (390 px) in a real headless Chromium (Debian's, driven
 * by playwright-core): she uploads a roster typed villages first, sees the preview, confirms, issues a
 * binding code, unbinds someone and moves someone; her audit trail reads in Chinese; then the county
 * chair's #汇总 in WeChat covers every village of the file. Screenshots go to SCREENSHOT_DIR.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from '../support/launch-chromium'
import { openTestDb, type TestDb } from '../support/test-db'
import { startApp } from '../support/start-app'
import { registerRoster } from '../support/fixtures'
import { startHarness } from '../support/bot-harness'
import { simulatorContactId } from '../../bots/simulator-world'

const SHOTS = process.env.SCREENSHOT_DIR ?? join(__dirname, '..', '..', 'tmp', 'screenshots')
const PHONE = { width: 390, height: 844 }
let db: TestDb
let app: Awaited<ReturnType<typeof startApp>>
let browser: Browser
let admin: string
let rosterFile: string
const violations: string[] = []

// As a county admin types it: villages first, their townships after them, the county's chair last.
const ROSTER = [
  '姓名,角色,单位,上级单位,微信号,原单位',
  `马秀兰,执委,马庄村,双沟镇,${simulatorContactId('马秀兰')},`,
  '徐桂英,执委,徐岗村,双沟镇,,',
  '陈玉梅,执委,新集村,张家集镇,,',
  '周敏,执委,新集村,张家集镇,,',
  '张晓燕,执委,双沟镇,襄州区,,',
  '赵红,执委,张家集镇,襄州区,,襄州区',
  `刘主席,主席,襄州区,襄阳市,${simulatorContactId('刘主席')},`,
]

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  db = await openTestDb()
  const people = await registerRoster(
    db.repos,
    [
      { name: '王干部', role: 'admin', org: '襄州区', parent: '襄阳市' },
      { name: '赵红', role: 'executive', org: '襄州区', parent: '襄阳市' },
    ],
    new Date(),
    { bind: false },
  )
  admin = await db.repos.tokens.issue(
    { role: 'admin', orgId: people['王干部']!.orgId, label: '襄州区 王干部' },
    new Date(),
  )
  rosterFile = join(mkdtempSync(join(tmpdir(), 'roster-')), '襄州区执委名单.csv')
  writeFileSync(rosterFile, ROSTER.join('\r\n'))
  app = await startApp(db.repos)
  browser = await launchChromium()
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await app?.close()
  await db?.close()
}, 30_000)

async function open(): Promise<Page> {
  const page = await browser.newPage({ viewport: PHONE, locale: 'zh-CN', deviceScaleFactor: 1 })
  page.on('console', (m) => {
    if (/Content Security Policy|error/i.test(m.text())) violations.push(m.text())
  })
  page.on('pageerror', (err) => violations.push(err.message))
  await page.goto(`${app.base}/dashboard#token=${encodeURIComponent(admin)}`)
  await page.locator('#import-section').waitFor({ state: 'visible', timeout: 15_000 })
  await page.locator('#members .member').first().waitFor({ timeout: 15_000 })
  return page
}

const member = (page: Page, name: string) => page.locator('#members li.member', { hasText: name })

async function fitsThePhone(page: Page) {
  expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width)
}

it('uploads a roster typed villages first, previews it, confirms, and manages bindings, all on a phone', async () => {
  const page = await open()
  expect(await page.locator('#admin-nav a').allTextContents()).toEqual([
    '导入名单',
    '成员与绑定',
    '登录令牌',
    '操作记录',
    '没看明白的话',
  ])
  // Nothing misunderstood yet in this world: the admin's section says so.
  await page.waitForSelector('#misreads tr')
  expect(await page.locator('#misreads').textContent()).toContain('最近没有没看明白的消息')

  // A file with mistakes: every refused line and why, and no button to write it.
  await page.setInputFiles('#import-file', {
    name: '有错的名单.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      '姓名,角色,单位,上级单位\n王芳,执委,马庄村,双沟镇\n李梅,执委,双沟镇,马庄村\n陈\u200b红,执委,双沟镇,马庄村\n',
    ),
  })
  await page.click('#import-preview')
  await page.locator('#import-result .bad').waitFor({ timeout: 15_000 })
  const refused = (await page.locator('#import-result').textContent())!
  // Lines that cannot be read come first: the tree is judged once every line reads.
  expect(refused).toContain('有 1 处问题，整份文件都没有导入。')
  expect(refused).toContain('姓名里有看不见的字符')
  await page.setInputFiles('#import-file', {
    name: '有错的名单.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('姓名,角色,单位,上级单位\n王芳,执委,马庄村,双沟镇\n李梅,执委,双沟镇,马庄村\n'),
  })
  await page.click('#import-preview')
  await page.locator('#import-result', { hasText: '不能做它的上级单位' }).waitFor({ timeout: 15_000 })
  expect(await page.locator('#import-confirm').count()).toBe(0)

  // The preview: nothing written yet.
  await page.setInputFiles('#import-file', rosterFile)
  await page.click('#import-preview')
  await page.locator('#import-confirm').waitFor({ timeout: 15_000 })
  const preview = (await page.locator('#import-result').textContent())!
  expect(preview).toContain('新建单位 5 个')
  for (const unit of [
    '双沟镇（上级：襄州区）',
    '马庄村（上级：双沟镇）',
    '徐岗村（上级：双沟镇）',
    '新集村（上级：张家集镇）',
  ])
    expect(preview).toContain(unit)
  expect(preview).toContain('新增 6 人')
  expect(preview).toContain('需要您确认的改动 1 项')
  expect(preview).toContain('第 7 行：“赵红”从“襄州区”调到“张家集镇”')
  expect(await db.repos.orgs.findByName('双沟镇')).toBeUndefined()
  await fitsThePhone(page)
  await page.locator('#import-section').screenshot({ path: join(SHOTS, 'dashboard-import-390.png') })

  // One button writes it, as previewed.
  await page.click('#import-confirm')
  await page.locator('#import-result .good', { hasText: '已导入 7 行，绑定微信号 2 个。' }).waitFor({ timeout: 15_000 })
  const tree = await db.repos.orgs.tree()
  const county = (await db.repos.orgs.findByName('襄州区'))!.id
  for (const village of ['马庄村', '徐岗村', '新集村'])
    expect(tree.isWithin((await db.repos.orgs.findByName(village))!.id, county)).toBe(true)

  // The village's people: unbind the one the file bound (asked first).
  await page.locator('#members-org option', { hasText: '马庄村' }).waitFor({ state: 'attached', timeout: 15_000 })
  await page.selectOption('#members-org', '马庄村')
  await member(page, '马秀兰').locator('.bound').waitFor({ timeout: 15_000 })
  let asked = ''
  page.once('dialog', (d) => {
    asked = d.message()
    void d.accept()
  })
  await member(page, '马秀兰').locator('button[data-do=unbind]').click()
  await member(page, '马秀兰').locator('.unbound').waitFor({ timeout: 15_000 })
  expect(asked).toContain('解除“马秀兰”（马庄村）的微信绑定？')
  expect(await db.repos.members.findByContactId(simulatorContactId('马秀兰'))).toBeUndefined()

  // A binding code for one who has none, shown once; it is a real one.
  await page.selectOption('#members-org', '徐岗村')
  await member(page, '徐桂英').waitFor({ timeout: 15_000 })
  await member(page, '徐桂英').locator('button[data-do=code]').click()
  const code = (await page.locator('#bind-code .code').textContent({ timeout: 15_000 }))!
  expect(code).toMatch(/^\d{8}$/)
  expect(await page.locator('#bind-code').textContent()).toContain(`发送：绑定码 ${code}`)
  // The county's own people: the chair wrote to the bot this morning (stamped as the bot does, hourly).
  await db.repos.members.stampLastMessage(simulatorContactId('刘主席'), new Date('2026-11-20T01:05:00Z'))
  await page.selectOption('#members-org', '襄州区')
  await member(page, '刘主席').locator('text=11月20日 09:05').waitFor({ timeout: 15_000 })
  await fitsThePhone(page)
  await page.locator('#members-section').screenshot({ path: join(SHOTS, 'dashboard-members-390.png') })
  await page.selectOption('#members-org', '徐岗村')
  await member(page, '徐桂英').waitFor({ timeout: 15_000 })
  const redeemed = await db.repos.bindCodes.redeem(code, 'wx_xu_new_phone', new Date())
  expect(redeemed).toMatchObject({ memberId: (await db.repos.members.findByName('徐桂英'))[0]!.id })

  // Moved to another village of the county.
  await member(page, '徐桂英').locator('button[data-do=move]').click()
  await member(page, '徐桂英').locator('select[name=org]').selectOption('马庄村')
  await member(page, '徐桂英').locator('.move button[type=submit]').click()
  await page.locator('#members-note', { hasText: '徐岗村共 0 人' }).waitFor({ timeout: 15_000 })

  // The women representatives' list of two villages, the same way.
  await page.selectOption('#import-kind', 'representatives')
  await page.setInputFiles('#import-file', {
    name: '妇女代表.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('姓名,单位\n刘翠花,马庄村\n王桂兰,新集村\n'),
  })
  await page.click('#import-preview')
  await page.locator('#import-result', { hasText: '新加入名单 2 人' }).waitFor({ timeout: 15_000 })
  await page.click('#import-confirm')
  await page.locator('#import-result .good', { hasText: '妇女代表名单新加 2 人。' }).waitFor({ timeout: 15_000 })

  // Her audit trail, in Chinese.
  await page.reload()
  await page.locator('#audit tr', { hasText: '解除微信绑定' }).waitFor({ timeout: 15_000 })
  const audit = (await page.locator('#audit').textContent())!
  for (const label of [
    '预览执委名单导入',
    '导入执委名单',
    '导入妇女代表名单',
    '发绑定码',
    '调动成员单位',
    '查看成员名单',
  ])
    expect(audit).toContain(label)
  expect(audit).not.toMatch(/[a-z]{3,} [a-z]{3,}/) // no "bind member", "list members"
  await page.locator('#audit-section').screenshot({ path: join(SHOTS, 'dashboard-audit-390.png') })
  await fitsThePhone(page)
  await page.close()
  expect(violations).toEqual([])

  // The county chair asks in WeChat: every village of the file is in the county's figures.
  const h = await startHarness(db)
  try {
    await h.session.say({ from: '刘主席', text: '#汇总' })
    const [reply] = h.take()
    expect(reply!.to).toBe('刘主席')
    expect(reply!.text).toContain('襄州区 2026年履职汇总（含下级单位，执委 6 人）')
    expect(reply!.text).toContain('双沟镇 0.0 项 · 正常 0% · 无记录 100%（3 人）')
    expect(reply!.text).toContain('张家集镇 0.0 项 · 正常 0% · 无记录 100%（3 人）')
  } finally {
    await h.session.stop()
  }
}, 120_000)

it('shows a chair none of the admin’s sections', async () => {
  const county = (await db.repos.orgs.findByName('襄州区'))!.id
  const chair = await db.repos.tokens.issue({ role: 'chair', orgId: county, label: '襄州区 刘主席' }, new Date())
  const page = await browser.newPage({ viewport: PHONE, locale: 'zh-CN' })
  await page.goto(`${app.base}/dashboard#token=${encodeURIComponent(chair)}`)
  await page.locator('#cards .card').first().waitFor({ timeout: 15_000 })
  for (const id of ['#admin-nav', '#import-section', '#members-section', '#tokens-section'])
    expect([id, await page.locator(id).isHidden()]).toEqual([id, true])
  await page.close()
}, 60_000)
