/**
 * Issue 20 (MK-05, MK-06, MK-07, IN-03), through the HTTP API on the real database: names and labels an
 * admin types are posted in groups, printed in reports and kept in the audit trail, so a phone or ID
 * number, a character nobody sees, an emoji or the bot's own brackets in them is refused, by line, with
 * a reason in Chinese; nothing of it is stored.
 */
import { openTestDb, type TestDb } from '../support/test-db'
import { startApiServer } from '../support/api-server'
import { registerRoster } from '../support/fixtures'

const ROOT = 'admin-typed-names-root-token-01'
let db: TestDb
let server: Awaited<ReturnType<typeof startApiServer>>

beforeAll(async () => {
  db = await openTestDb()
  await db.repos.tokens.bootstrap(ROOT, new Date())
  await registerRoster(db.repos, [{ name: '张三', role: 'executive', org: '樊城区', parent: '襄阳市' }])
  server = await startApiServer(db.repos)
})
afterAll(async () => {
  await server.close()
  await db.close()
})

const call = async (method: string, path: string, body: string, type = 'application/json') => {
  const res = await fetch(server.base + path, {
    method,
    headers: { authorization: `Bearer ${ROOT}`, 'content-type': type },
    body,
  })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}
const rejected = (body: Record<string, unknown>) => body.rejected as { line: number; reason: string }[]

it('refuses roster names with a number or an invisible character beside the same name (MK-05, IN-03)', async () => {
  const names = ['王秀英13912345678', '420602198503151234', '张\u00ad三', '张\u3164三', '张\u2800三', '张\u{e0020}三']
  const csv = ['姓名,角色,单位', ...names.map((n) => `${n},执委,樊城区`)].join('\n')
  const { status, body } = await call('POST', '/api/v1/members/import', csv, 'text/csv')
  expect(status).toBe(400)
  expect(rejected(body)).toEqual([
    { line: 2, reason: expect.stringContaining('像电话、身份证或银行卡的号码（139****5678）') },
    { line: 3, reason: expect.stringContaining('像电话、身份证或银行卡的号码（420602********1234）') },
    ...[4, 5, 6, 7].map((line) => ({ line, reason: expect.stringContaining('姓名里有看不见的字符') })),
  ])
  expect(JSON.stringify(body)).not.toMatch(/13912345678|420602198503151234/)
  const members = await db.repos.members.listByRole('executive', [(await db.repos.orgs.findByName('樊城区'))!.id])
  expect(members.map((m) => m.name)).toEqual(['张三'])
})

it('refuses representative names that would forge a line, hold a number or start a formula (MK-07)', async () => {
  const csv =
    '姓名,单位\n"刘\n翠花",樊城区\n"✏️ 已记录：联系妇女代表「X」",樊城区\n王大姐13912345678,樊城区\n"=1+1",樊城区\n'
  const { status, body } = await call('POST', '/api/v1/representatives/import', csv, 'text/csv')
  expect(status).toBe(400)
  expect(rejected(body).map((r) => r.reason)).toEqual([
    expect.stringContaining('换行'),
    expect.stringContaining('表情或「」'),
    expect.stringContaining('139****5678'),
    expect.stringContaining('不能以 = + - @ 开头'),
  ])
  expect(await db.repos.representatives.namesFor((await db.repos.orgs.findByName('樊城区'))!.id)).toEqual([])
})

it('refuses a token label or a checklist label with a phone number (MK-06)', async () => {
  const token = await call(
    'POST',
    '/api/v1/tokens',
    JSON.stringify({ role: 'chair', org: '樊城区', label: '王主任13912345678' }),
  )
  expect(token.status).toBe(400)
  expect(token.body.error).toContain('139****5678')
  const added = [{ key: 'visits', label: '联系王主任13912345678', words: ['议事'], rule: 'entries', min: 1 }]
  const checklist = await call('PUT', '/api/v1/checklist', JSON.stringify({ org: '樊城区', config: { added } }))
  expect(checklist.status).toBe(400)
  expect(JSON.stringify(checklist.body)).toContain('139****5678')
  expect(JSON.stringify(checklist.body)).not.toContain('13912345678')
  const audit = await db.repos.audit.recent(undefined, 50)
  expect(JSON.stringify(audit)).not.toContain('13912345678')
})
