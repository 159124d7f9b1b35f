/**
 * What the admin's dashboard calls: a roster import previewed, then confirmed against the plan she saw;
 * a form's upload; the member list with when each last wrote; moving someone; the audit trail in Chinese.
 */
import { openTestDb, type TestDb } from '../support/test-db'
import { startApiServer } from '../support/api-server'
import { registerRoster } from '../support/fixtures'
import { lastMessageStamper } from '../../bots/stamp-last-message'
import { manualClock } from '../../src/clock'

const ROOT = 'member-admin-root-token-01'
let db: TestDb
let server: Awaited<ReturnType<typeof startApiServer>>
let county: string

type Result = {
  imported: number
  rejected: { line: number; reason: string }[]
  changes: { line: number; change: string }[]
  needsConfirmation?: boolean
  stale?: boolean
  plan?: string
  preview?: {
    newUnits: { name: string; parent: string | null }[]
    newPeople: { name: string; org: string }[]
    unchanged: number
    wechatIds: number
  }
}

beforeAll(async () => {
  db = await openTestDb()
  await db.repos.tokens.bootstrap(ROOT, new Date())
  const people = await registerRoster(db.repos, [
    { name: '县管理员', role: 'admin', org: '襄州区', parent: '襄阳市' },
    { name: '市执委', role: 'executive', org: '襄阳市' },
  ])
  const now = new Date()
  county = await db.repos.tokens.issue({ role: 'admin', orgId: people['县管理员']!.orgId, label: '襄州区管理员' }, now)
  server = await startApiServer(db.repos)
})
afterAll(async () => {
  await server.close()
  await db.close()
})

const HEADER = '姓名,角色,单位,上级单位,微信号,原单位'
const csv = (rows: string[]) => [HEADER, ...rows].join('\n')

async function upload(rows: string[], query = '', token = county): Promise<{ status: number; body: Result }> {
  const res = await fetch(`${server.base}/api/v1/members/import${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    body: csv(rows),
  })
  return { status: res.status, body: (await res.json()) as Result }
}

const api = (path: string, init: RequestInit = {}, token = county) =>
  fetch(server.base + path, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } })

const VILLAGES_FIRST = [
  '马村委,执委,马庄村,双沟镇,wx_ma,',
  '徐村委,执委,徐岗村,双沟镇,,',
  '张镇委,执委,双沟镇,襄州区,,',
  '县主席,主席,襄州区,,wx_chair,',
]

describe('a roster with villages before their township', () => {
  it('is previewed without a write, then written as previewed, under the county', async () => {
    const preview = await upload(VILLAGES_FIRST, '?preview=1')
    expect(preview.status).toBe(200)
    expect(preview.body.preview).toEqual({
      newUnits: [
        { name: '双沟镇', parent: '襄州区' },
        { name: '马庄村', parent: '双沟镇' },
        { name: '徐岗村', parent: '双沟镇' },
      ],
      newPeople: expect.arrayContaining([expect.objectContaining({ name: '马村委', org: '马庄村' })]),
      unchanged: 0,
      wechatIds: 2,
    })
    expect(preview.body.preview!.newPeople).toHaveLength(4)
    expect(await db.repos.orgs.findByName('双沟镇')).toBeUndefined()

    const done = await upload(VILLAGES_FIRST, `?confirm=1&plan=${preview.body.plan}`)
    expect(done).toMatchObject({ status: 200, body: { imported: 4, rejected: [] } })
    const tree = await db.repos.orgs.tree()
    const countyId = (await db.repos.orgs.findByName('襄州区'))!.id
    for (const village of ['马庄村', '徐岗村'])
      expect(tree.chain((await db.repos.orgs.findByName(village))!.id).map((u) => u.name)).toEqual([
        village,
        '双沟镇',
        '襄州区',
        '襄阳市',
      ])
    expect(tree.isWithin((await db.repos.orgs.findByName('双沟镇'))!.id, countyId)).toBe(true)
  })

  it('refuses a confirmation whose plan changed since the preview, and writes nothing', async () => {
    const rows = ['新人甲,执委,新村甲,双沟镇,,']
    const preview = await upload(rows, '?preview=1')
    await upload(['新人乙,执委,新村甲,双沟镇,,']) // another admin's import lands in between
    const late = await upload(rows, `?confirm=1&plan=${preview.body.plan}`)
    expect(late.status).toBe(409)
    expect(late.body).toMatchObject({ stale: true, imported: 0 })
    expect(await db.repos.members.findByName('新人甲')).toEqual([])
  })
})

describe('a roster that would move the admin’s units under a unit it creates', () => {
  it('is a 400 naming the line, with nothing written (no half-done import)', async () => {
    const rows = ['甲,执委,新镇丙,双沟镇,,', '乙,执委,双沟镇,新镇丙,,']
    for (const query of ['', '?confirm=1']) {
      const { status, body } = await upload(rows, query)
      expect(status).toBe(400)
      expect(body.rejected.map((r) => r.line)).toContain(3)
      expect(body.rejected.find((r) => r.line === 3)!.reason).toContain('不能做它的上级单位')
    }
    expect(await db.repos.orgs.findByName('新镇丙')).toBeUndefined()
    expect(await db.repos.members.findByName('甲')).toEqual([])
    // Moving her own county under anything is refused too, and nobody may loop the city.
    const own = await upload(['乙,执委,襄州区,双沟镇,,'])
    expect(own.body.rejected[0]!.reason).toContain('不能')
    const loop = await upload(['甲,执委,新区,襄阳市,,', '乙,执委,襄阳市,新区,,'], '?confirm=1', ROOT)
    expect(loop.status).toBe(400)
    expect(await db.repos.orgs.findByName('新区')).toBeUndefined()
  })
})

it('reads a roster sent as a form’s file (multipart), as a browser or curl -F sends it', async () => {
  const form = new FormData()
  form.append('file', new Blob([csv(['表单人,执委,双沟镇,,,'])], { type: 'text/csv' }), '名单.csv')
  const res = await api('/api/v1/members/import', { method: 'POST', body: form })
  expect(await res.json()).toMatchObject({ imported: 1, rejected: [] })
})

it('refuses names with line breaks or invisible characters, in Chinese, by line', async () => {
  const { status, body } = await upload(['王\u200b芳,执委,双沟镇,,,', '"李\n梅",执委,双沟镇,,,'])
  expect(status).toBe(400)
  expect(body.rejected).toEqual([
    { line: 2, reason: expect.stringContaining('姓名里有看不见的字符') },
    { line: 3, reason: expect.stringContaining('姓名里有换行') },
  ])
  const token = await api(
    '/api/v1/tokens',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'chair', org: '双沟镇', label: '张\u202e主席' }),
    },
    county,
  )
  expect(token.status).toBe(400)
  expect(((await token.json()) as { error: string }).error).toContain('持有人里有看不见的字符')
})

describe('members', () => {
  type Row = { id: string; name: string; org: string; wechatBound: boolean; lastMessageAt: string | null }
  const list = async (org: string) =>
    (await (await api(`/api/v1/members?org=${encodeURIComponent(org)}`)).json()) as Row[]

  it('lists a unit’s people with when each last wrote to the bot, stamped once an hour', async () => {
    const clock = manualClock(new Date('2026-11-16T01:00:00Z'))
    const stamp = lastMessageStamper(db.repos.members, clock)
    stamp('wx_ma')
    clock.set(new Date('2026-11-16T01:30:00Z'))
    stamp('wx_ma') // within the hour: no write
    await db.repos.settle()
    const rows = await list('马庄村')
    expect(rows).toEqual([
      expect.objectContaining({ name: '马村委', wechatBound: true, lastMessageAt: '2026-11-16T01:00:00.000Z' }),
    ])
    expect((await list('徐岗村'))[0]).toMatchObject({ wechatBound: false, lastMessageAt: null })
  })

  it('moves someone to another unit of the admin’s, audited, and nowhere else', async () => {
    const [xu] = await list('徐岗村')
    const move = (org: string, token = county) =>
      api(
        `/api/v1/members/${xu!.id}/move`,
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ org }) },
        token,
      )
    expect((await move('襄阳市')).status).toBe(403) // above her county
    expect((await move('马庄村')).status).toBe(200)
    expect((await list('马庄村')).map((r) => r.name).sort()).toEqual(['徐村委', '马村委'])
    // Someone of the same name already there: refused, and said why.
    await upload(['徐村委,执委,徐岗村,,,'])
    const [second] = await list('徐岗村')
    const clash = await api(
      `/api/v1/members/${second!.id}/move`,
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ org: '马庄村' }) },
      county,
    )
    expect(clash.status).toBe(409)
    expect(((await clash.json()) as { error: string }).error).toBe('马庄村已经有一位徐村委，不能再调入同名的人。')
  })

  it('shows the audit trail with every action in Chinese', async () => {
    const entries = (await (await api('/api/v1/audit')).json()) as { action: string; label: string }[]
    const labels = new Map(entries.map((e) => [e.action, e.label]))
    expect(labels.get('preview roster')).toBe('预览执委名单导入')
    expect(labels.get('import roster')).toBe('导入执委名单')
    expect(labels.get('list members')).toBe('查看成员名单')
    expect(labels.get('move member')).toBe('调动成员单位')
    for (const e of entries) expect(e.label).toMatch(/^[\u4e00-\u9fff]+$/)
  })
})

it('previews a representatives list: per unit, how many names and how many new', async () => {
  const send = (query: string) =>
    api(`/api/v1/representatives/import${query}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: '姓名,单位\n刘翠花,马庄村\n陈桂英,马庄村\n刘翠花,双沟镇\n',
    })
  await api('/api/v1/representatives/import', {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: '姓名,单位\n刘翠花,马庄村\n',
  })
  expect(await (await send('?preview=1')).json()).toEqual({
    imported: 0,
    rejected: [],
    preview: [
      { org: '马庄村', names: 2, added: 1 },
      { org: '双沟镇', names: 1, added: 1 },
    ],
  })
  expect(await (await send('')).json()).toEqual({ imported: 2, rejected: [] })
})

describe('admins of one unit (issue 20)', () => {
  beforeAll(async () => {
    const root = await upload(['县管理员乙,管理员,襄州区,襄阳市,wx_adm_b', '市里某人,执委,襄阳市,,wx_secret'], '', ROOT)
    expect(root.status).toBe(200)
  })

  it('asks before an import binds a further WeChat id to a peer admin (HT-14)', async () => {
    const asked = await upload(['县管理员乙,管理员,襄州区,襄阳市,wx_adm_b_extra'])
    expect(asked.status).toBe(409)
    expect(asked.body).toMatchObject({ needsConfirmation: true, changes: [{ line: 2 }] })
    expect(asked.body.changes[0]!.change).toContain('给“县管理员乙”（襄州区，管理员）加绑一个微信号')
    expect(await db.repos.members.findByContactId('wx_adm_b_extra')).toBeUndefined()
    const confirmed = await upload(['县管理员乙,管理员,襄州区,襄阳市,wx_adm_b_extra'], '?confirm=1')
    expect(confirmed).toMatchObject({ status: 200, body: { bound: 1 } })
  })

  it('refuses a WeChat id bound outside her units without naming who holds it (HT-13)', async () => {
    const refused = await upload(['探测者,执委,马庄村,双沟镇,wx_secret'])
    expect(refused.status).toBe(400)
    expect(refused.body.rejected).toEqual([{ line: 2, reason: '微信号已绑定给您管辖范围以外的人' }])
    expect(JSON.stringify(refused.body)).not.toContain('市里某人')
  })

  it('gives a bind code for a peer admin only to an admin above (ID-09)', async () => {
    const [peer] = await db.repos.members.findByName('县管理员乙')
    const ask = (token: string) => api(`/api/v1/members/${peer!.id}/bind-code`, { method: 'POST' }, token)
    expect((await ask(county)).status).toBe(403)
    expect((await ask(ROOT)).status).toBe(201)
    const [executive] = await db.repos.members.findByName('马村委')
    const forExecutive = await api(`/api/v1/members/${executive!.id}/bind-code`, { method: 'POST' })
    expect(forExecutive.status).toBe(201)
  })
})
