/**
 * Issue 14's "done when", in the real database through the real bot and the HTTP API: a county sets
 * 联系妇女代表 to 3–5 and adds 参加议事会 (target 4); a village executive below it logs #议事 and sees the
 * same figures in #进度, the weekly post, #汇总, the progress API, the workbook and her grade, while an
 * executive of a sibling county keeps the default eight items.
 */
import ExcelJS from 'exceljs'
import { openTestDb, type TestDb } from '../support/test-db'
import { startApiServer } from '../support/api-server'
import { startHarness, type Harness } from '../support/bot-harness'
import { registerRoster } from '../support/fixtures'
import { silentLogger } from '../../src/logger'
import { findJob } from '../../jobs'

const ADMIN = 'unit-checklist-admin-token-01'
const NOW = '2026-11-23T09:30:00+08:00'
let db: TestDb
let server: Awaited<ReturnType<typeof startApiServer>>
let h: Harness
let districtAdmin: string

const XIANGZHOU = {
  targets: { representatives: { min: 3, max: 5 } },
  added: [{ key: 'meetings', label: '参加议事会', words: ['议事'], rule: 'entries', min: 4 }],
}

async function call<T = Record<string, unknown>>(
  method: string,
  path: string,
  body?: unknown,
  token = ADMIN,
): Promise<{ status: number; data: T }> {
  const res = await fetch(server.base + path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })
  const type = res.headers.get('content-type') ?? ''
  const data = type.includes('json')
    ? await res.json()
    : type.includes('text')
      ? await res.text()
      : Buffer.from(await res.arrayBuffer())
  return { status: res.status, data: data as T }
}

async function say(from: string, text: string, room?: string): Promise<string> {
  await h.session.say({ from, text, room })
  await h.session.drainQueue()
  await h.session.bot.drain()
  return h
    .take()
    .map((m) => m.text)
    .join('\n')
}

beforeAll(async () => {
  db = await openTestDb()
  await db.repos.tokens.bootstrap(ADMIN, new Date())
  for (const county of ['襄州区', '樊城区']) await db.repos.orgs.ensure(county, '湖北省')
  const people = await registerRoster(db.repos, [
    { name: '省管理员', role: 'admin', org: '湖北省' },
    { name: '省主席', role: 'chair', org: '湖北省' },
    { name: '王兰', role: 'executive', org: '新集村', parent: '襄州区' },
    { name: '李芳', role: 'executive', org: '白庙村', parent: '樊城区' },
  ])
  const org = async (name: string) => (await db.repos.orgs.findByName(name))!
  for (const unit of ['新集村', '白庙村'])
    await db.repos.groups.bind(
      {
        roomId: `room-${unit}`,
        topic: `${unit}执委群`,
        kind: 'executive',
        orgId: (await org(unit)).id,
        boundBy: people['省管理员']!.id,
      },
      new Date(NOW),
    )
  districtAdmin = await db.repos.tokens.issue(
    { role: 'admin', orgId: (await org('樊城区')).id, label: '樊城区管理员' },
    new Date(),
  )
  server = await startApiServer(db.repos)
  h = await startHarness(db, { at: NOW })
}, 60_000)
afterAll(async () => {
  await h?.session.stop()
  await server?.close()
  await db?.close()
})

describe('a county’s own checklist, honoured everywhere', () => {
  it('is set through the API by an admin in scope, and refused out of scope or with a clashing word', async () => {
    expect((await call('PUT', '/api/v1/checklist', { org: '襄州区', config: XIANGZHOU }, districtAdmin)).status).toBe(
      403,
    )
    const clash = await call('PUT', '/api/v1/checklist', {
      org: '襄州区',
      config: { added: [{ ...XIANGZHOU.added[0], words: ['联系'] }] },
    })
    expect(clash).toMatchObject({ status: 400 })
    expect(JSON.stringify(clash.data)).toContain('命令词“联系”已被机器人自己的命令占用')
    const saved = await call<{ items: unknown[] }>('PUT', '/api/v1/checklist', { org: '襄州区', config: XIANGZHOU })
    expect(saved.status).toBe(200)
    expect(saved.data.items).toHaveLength(9)
    const village = await call<{ items: Record<string, unknown>[] }>('GET', '/api/v1/checklist?org=新集村')
    expect(village.data).toMatchObject({ org: '新集村', setBy: '襄州区' })
    expect(village.data.items[0]).toMatchObject({ key: 'representatives', min: 3, max: 5 })
    expect((await call('GET', '/api/v1/checklist?org=白庙村')).data).toMatchObject({ setBy: null, config: null })
  })

  it('counts #议事 for a village executive below it: 参加议事会 1/4, and 联系妇女代表 …/3–5 in #进度', async () => {
    expect(await say('王兰', '#议事 村妇联议事会')).toContain('⬜ 参加议事会 1/4')
    for (const text of ['#议事 镇妇联议事会 11月2日', '#议事 村民议事会 10月9日', '#议事 联席会议 9月1日'])
      await say('王兰', text)
    for (const name of ['刘翠花', '张桂兰', '马丽']) await say('王兰', `#联系 ${name}`)
    for (const text of [
      '#帮扶 李大姐家',
      '#报告 留守儿童调研',
      '#建议 村里建儿童之家',
      '#解决 帮李大姐申请低保',
      '#网群 新集村巾帼群',
    ])
      await say('王兰', text)
    const progress = await say('王兰', '#进度')
    expect(progress).toContain('✅ 联系妇女代表 3/3–5')
    expect(progress).toContain('✅ 参加议事会 4/4')
    expect(progress).toContain('已完成 7/9 项')
  })

  it('keeps the default eight for an executive of the sibling county', async () => {
    for (const name of ['刘翠花', '张桂兰', '马丽']) await say('李芳', `#联系 ${name}`)
    for (const text of ['#帮扶 李大姐家', '#报告 留守儿童调研', '#建议 村里建儿童之家', '#解决 帮李大姐申请低保'])
      await say('李芳', text)
    expect(await say('李芳', '#议事 村妇联议事会')).not.toContain('已记录')
    const progress = await say('李芳', '#进度')
    expect(progress).toContain('⬜ 联系妇女代表 3/5–7')
    expect(progress).not.toContain('参加议事会')
    expect(progress).toContain('已完成 4/8 项')
  })

  it('gives the same figures and grade in the progress API, the workbook and the CSV', async () => {
    const rows = (await call<unknown>('GET', '/api/v1/progress?year=2026')).data as {
      name: string
      done: number
      total: number
      grade: string
      items: { key: string; count: number; min: number; max: number | null }[]
    }[]
    const wang = rows.find((r) => r.name === '王兰')!
    const li = rows.find((r) => r.name === '李芳')!
    // Seven of her nine items done: 合格 by the default rule kept in its shares for nine items (9, 7, 5);
    // four of the default eight for the sibling: 基本合格 (8, 6, 4).
    expect(wang).toMatchObject({ done: 7, total: 9, grade: '合格' })
    expect(wang.items.find((i) => i.key === 'meetings')).toMatchObject({ count: 4, min: 4 })
    expect(wang.items.find((i) => i.key === 'representatives')).toMatchObject({ count: 3, min: 3, max: 5 })
    expect(li).toMatchObject({ done: 4, total: 8, grade: '基本合格' })

    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await call<ArrayBuffer>('GET', '/api/v1/review/2026.xlsx')).data)
    const sheetRows = (name: string) => {
      const out: unknown[][] = []
      wb.getWorksheet(name)!.eachRow((r) => out.push((r.values as unknown[]).slice(1)))
      return out
    }
    const [, head, row] = sheetRows('新集村') // title line, headers, her row
    expect(head).toContain('参加议事会')
    expect(row![head!.indexOf('参加议事会')]).toBe(4)
    expect(row![head!.indexOf('完成项数')]).toBe(7)
    expect(row![head!.indexOf('考核等级')]).toBe('合格')
    const [, siblingHead, siblingRow] = sheetRows('白庙村')
    expect(siblingHead).not.toContain('参加议事会')
    expect(siblingRow![siblingHead!.indexOf('考核等级')]).toBe('基本合格')

    const csv = (await call<string>('GET', '/api/v1/review/2026.csv')).data
    const lines = csv
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n')
    const columns = lines[0]!.split(',')
    const cells = (name: string) => lines.find((l) => l.startsWith(name + ','))!.split(',')
    expect(cells('王兰')[columns.indexOf('参加议事会')]).toBe('4')
    // Her sibling's checklist has no such item: blank, not 0.
    expect(cells('李芳')[columns.indexOf('参加议事会')]).toBe('')
  })

  it('shows the same in #汇总 and the weekly post of each village', async () => {
    const summary = await say('省主席', '#汇总 襄州区')
    expect(summary).toContain('· 参加议事会 1/1 人完成（100%）')
    expect(summary).toContain('· 联系妇女代表 1/1 人完成（100%）')
    // Over the province, 参加议事会 is out of the one person whose checklist has it.
    const province = await say('省主席', '#汇总 湖北省')
    expect(province).toContain('· 参加议事会 1/1 人完成（100%）')
    expect(province).toContain('· 联系妇女代表 1/2 人完成（50%）')

    await findJob('weekly-progress')!.run({
      repos: db.repos,
      now: new Date(NOW),
      tz: 'Asia/Shanghai',
      log: silentLogger,
      force: true,
      followUpHours: 24,
      auditRetentionDays: 365,
    })
    const posts = await db.conn.collection('outbox').find({ kind: 'weekly-progress' }).toArray()
    const post = (unit: string) => posts.find((d) => d.target === `room:room-${unit}`)!.text as string
    expect(post('新集村')).toContain('平均完成 7.0/9 项')
    expect(post('白庙村')).toContain('平均完成 4.0/8 项')
  })

  it('goes back to the inherited checklist with config null, every record kept', async () => {
    expect((await call('PUT', '/api/v1/checklist', { org: '襄州区', config: null })).status).toBe(200)
    expect((await call('GET', '/api/v1/checklist?org=新集村')).data).toMatchObject({ setBy: null })
    const progress = await say('王兰', '#进度')
    expect(progress).toContain('⬜ 联系妇女代表 3/5–7')
    expect(progress).toContain('已完成 5/8 项')
    // Her meetings are still stored, and count again if the county sets the item again.
    await call('PUT', '/api/v1/checklist', { org: '襄州区', config: XIANGZHOU })
    expect(await say('王兰', '#进度')).toContain('✅ 参加议事会 4/4')
  })
})
