/**
 * Issue 12's "done when", on a five-level federation (province → city → district → township → village)
 * in the real database: a unit shows the same figures in the dashboard's API, #汇总, the review workbook
 * and the weekly post, and a person gets the same grade in every export.
 */
import ExcelJS from 'exceljs'
import { openTestDb, type TestDb } from '../support/test-db'
import { startApiServer } from '../support/api-server'
import { startHarness, type Harness } from '../support/bot-harness'
import { PEOPLE, seedFiveLevel } from '../support/five-level-tree'
import { parseCsv } from '../../src/domain/parse-csv'
import { silentLogger } from '../../src/logger'
import { findJob } from '../../jobs'

const ADMIN = 'leader-views-admin-token-01'
const NOW = '2026-11-23T09:30:00+08:00'
let db: TestDb
let server: Awaited<ReturnType<typeof startApiServer>>
let h: Harness
let districtChair: string

type Figures = {
  org: string
  counted: number
  averageDone: number
  onTrack: number
  onTrackShare: number
  nothingYet: number
  nothingYetShare: number
  rank: number | null
  ranked: number
}
type Summary = { unit: Figures; units: Figures[] }
type Row = { name: string; org: string; grade: string; done: number }

async function api<T>(path: string, token = ADMIN): Promise<T> {
  const res = await fetch(server.base + path, { headers: { authorization: `Bearer ${token}` } })
  expect(res.status).toBe(200)
  return (res.headers.get('content-type')?.includes('json') ? res.json() : Buffer.from(await res.arrayBuffer())) as T
}

beforeAll(async () => {
  db = await openTestDb()
  await db.repos.tokens.bootstrap(ADMIN, new Date())
  const people = await seedFiveLevel(db.repos)
  const org = async (name: string) => (await db.repos.orgs.findByName(name))!
  // Grading rules at two levels: 樊城区's is nearest for its people, the province's for everyone else.
  await db.repos.orgs.setSetting((await org('湖北省')).id, 'review', { excellent: 7, pass: 5, basic: 3 })
  await db.repos.orgs.setSetting((await org('樊城区')).id, 'review', { excellent: 6, pass: 4, basic: 2 })
  for (const unit of ['湖北省', '樊城区', '新农村'])
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
  districtChair = await db.repos.tokens.issue(
    { role: 'chair', orgId: (await org('樊城区')).id, label: '樊城区主席' },
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

async function summaryText(unit: string): Promise<string> {
  await h.session.say({ from: '省主席', text: `#汇总 ${unit}` })
  await h.session.drainQueue()
  await h.session.bot.drain()
  return h.take().at(-1)!.text
}

async function weeklyPosts(): Promise<Map<string, { text: string; bytes: number }>> {
  await findJob('weekly-progress')!.run({
    repos: db.repos,
    now: new Date(NOW),
    tz: 'Asia/Shanghai',
    log: silentLogger,
    force: true,
    followUpHours: 24,
    auditRetentionDays: 365,
  })
  const docs = await db.conn.collection('outbox').find({ kind: 'weekly-progress' }).toArray()
  return new Map(
    docs.map((d) => [
      String(d.target).replace('room:room-', ''),
      { text: d.text as string, bytes: d.fileData.length() },
    ]),
  )
}

async function workbook(query = ''): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(await api<ArrayBuffer>(`/api/v1/review/2026.xlsx${query}`))
  return wb
}

const rowsOf = (sheet: ExcelJS.Worksheet) => {
  const rows: unknown[][] = []
  sheet.eachRow((r) => rows.push((r.values as unknown[]).slice(1)))
  return rows
}

const avg = (f: Figures) => f.averageDone.toFixed(1)
const pct = (share: number) => `${Math.round(share * 100)}%`

describe('one unit, the same figures everywhere', () => {
  it('shows 樊城区 alike in the API (for the admin and its own chair), #汇总, the workbook and the weekly post', async () => {
    const whole = await api<Summary>('/api/v1/summary?year=2026')
    // The summary holds a unit and its direct children: 樊城区 is one of its city's.
    const city = await api<Summary>(`/api/v1/summary?year=2026&org=${encodeURIComponent('襄阳市')}`)
    const fancheng = city.units.find((u) => u.org === '樊城区')!
    // 11 executives in its subtree (its own 2, its townships' and villages' 9), not its 2 direct members.
    expect(fancheng).toMatchObject({ counted: 11, onTrack: 4, nothingYet: 1, rank: 2, ranked: 2 })
    expect(avg(fancheng)).toBe('3.8')
    const own = await api<Summary>('/api/v1/summary?year=2026', districtChair)
    // The same figures; only its place in the tree is relative to the reader's scope.
    expect({ ...own.unit, rank: 2, ranked: 2, depth: 1 }).toEqual(fancheng)
    const towns = own.units.filter((u) => u.org === '太平店镇' || u.org === '牛首镇')
    expect(towns.map((t) => `${t.rank}.${t.org}:${avg(t)}`)).toEqual(['2.牛首镇:3.3', '1.太平店镇:3.7'])

    const text = await summaryText('樊城区')
    expect(text).toContain(`（含下级单位，执委 ${fancheng.counted} 人）`)
    expect(text).toContain(
      `平均完成 ${avg(fancheng)} 项；进度正常 ${fancheng.onTrack} 人（${pct(fancheng.onTrackShare)}）`,
    )
    expect(text).toContain(`今年还没有记录 ${fancheng.nothingYet} 人（${pct(fancheng.nothingYetShare)}）`)
    for (const t of towns) expect(text).toContain(`${t.rank}. ${t.org} ${avg(t)} 项 · 正常 ${pct(t.onTrackShare)}`)

    const summarySheet = rowsOf((await workbook()).getWorksheet('汇总')!)
    const row = summarySheet.find((r) => r[0] === '樊城区')!
    expect(row.slice(1, 8)).toEqual([
      fancheng.counted,
      2,
      fancheng.averageDone,
      fancheng.onTrack,
      Number((fancheng.onTrackShare * 100).toFixed(1)),
      fancheng.nothingYet,
      Number((fancheng.nothingYetShare * 100).toFixed(1)),
    ])
    expect(row.at(-1)).toBe('2/2')
    // Subtotals down the tree: the province's row holds everyone, the city's its districts' and its own.
    expect(summarySheet.find((r) => r[0] === '湖北省')![1]).toBe(whole.unit.counted)
    expect(summarySheet.find((r) => r[0] === '襄阳市')![1]).toBe(whole.units.find((u) => u.org === '襄阳市')!.counted)

    const post = (await weeklyPosts()).get('樊城区')!.text
    expect(post).toContain(`含下级单位共执委 ${fancheng.counted} 人，平均完成 ${avg(fancheng)}/8 项`)
    expect(post).toContain(
      `✅ 进度正常 ${fancheng.onTrack} 人（${pct(fancheng.onTrackShare)}），今年还没有记录 ${fancheng.nothingYet} 人（${pct(fancheng.nothingYetShare)}）`,
    )
    expect(post).toContain('🏅 下级单位排名（平均完成项数）：1. 太平店镇 3.7、2. 牛首镇 3.3')
  })

  it('shows the province and a village the same way, each at its own level', async () => {
    const whole = await api<Summary>('/api/v1/summary?year=2026')
    expect(whole.unit).toMatchObject({ org: '湖北省', counted: 20 })
    // The province's summary holds its cities only: its figures do not grow with the units below.
    expect(whole.units.map((u) => u.org)).toEqual(['湖北省', '十堰市', '襄阳市'])
    const village = (await api<Summary>(`/api/v1/summary?year=2026&org=${encodeURIComponent('新农村')}`)).unit
    const posts = await weeklyPosts()
    expect(posts.get('湖北省')!.text).toContain(
      `含下级单位共执委 ${whole.unit.counted} 人，平均完成 ${avg(whole.unit)}/8 项`,
    )
    expect(posts.get('新农村')!.text).toContain(`执委 ${village.counted} 人，平均完成 ${avg(village)}/8 项`)
    expect(posts.get('新农村')!.text).toContain('⚠️ 进度落后 2 人：赵敏、李梅')
    const text = await summaryText('湖北省')
    expect(text).toContain(`（含下级单位，执委 ${whole.unit.counted} 人）`)
    expect(text).toContain('1. 襄阳市 3.9 项')
    expect(text).toContain('2. 十堰市 3.3 项')
    // Admins are never counted, chairs not by default.
    expect(text).not.toMatch(/省主席|市主席|省管理员/)
  })

  it('reads the same number of database commands for #汇总 of a province as of a village', async () => {
    await summaryText('新农村') // the org tree and the roster are read once and cached
    // Each #汇总 after a pause past the standings' freshness (1 s) reads what was written since: one read.
    const pause = () => new Promise((resolve) => setTimeout(resolve, 1_100))
    await pause()
    const before = db.commands(['find', 'aggregate'])
    await summaryText('新农村')
    const village = db.commands(['find', 'aggregate']) - before
    await pause()
    await summaryText('湖北省')
    expect(db.commands(['find', 'aggregate']) - before - village).toBe(village)
  })
})

describe('one grade per person, whichever export asks', () => {
  it('grades 陈红 by 樊城区’s rule in every export and view, and everyone alike across them', async () => {
    const grades = new Map<string, Set<string>>()
    const note = (name: string, grade: string) => grades.set(name, (grades.get(name) ?? new Set()).add(grade))
    for (const query of ['', '&org=湖北省', '&org=樊城区', '&org=太平店镇', '&org=新农村'])
      for (const r of await api<Row[]>(`/api/v1/progress?year=2026${query}`)) note(r.name, r.grade)
    for (const r of await api<Row[]>('/api/v1/progress?year=2026', districtChair)) note(r.name, r.grade)
    for (const query of ['', '?org=樊城区', '?org=新农村']) {
      const wb = await workbook(query)
      for (const sheet of wb.worksheets.filter((s) => s.name !== '汇总'))
        for (const r of rowsOf(sheet).slice(2)) note(String(r[0]), String(r[1])) // title, headers; grade by the name
      const csv = parseCsv((await api<Buffer>(`/api/v1/review/2026.csv${query}`)).toString('utf8').slice(1))
      for (const r of csv.slice(1)) note(r[0]!, r.at(-1)!)
    }
    expect([...grades.get('陈红')!]).toEqual(['优秀']) // 6 items: 合格 by default, 优秀 by 樊城区's 6/4/2
    expect([...grades.get('区执委乙')!]).toEqual(['基本合格']) // 2 items under 樊城区's rule
    expect([...grades.get('襄城执委乙')!]).toEqual(['合格']) // 6 items under the province's 7/5/3
    for (const [name, seen] of grades) expect([name, seen.size]).toEqual([name, 1])
    const counted = PEOPLE.filter((p) => p.role === 'executive').map((p) => p.name)
    expect([...grades.keys()].sort()).toEqual(counted.sort())
  })
})
