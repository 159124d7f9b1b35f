/**
 * What the bot did not understand is kept for learning: masked, without a digit, listed for admins of
 * the unit's subtree only, exported as corpus lines, and deleted by the clean-up job after its period.
 */
import { openTestDb, type TestDb } from '../support/test-db'
import { startApiServer } from '../support/api-server'
import { registerRoster } from '../support/fixtures'
import { createHandlerHarness } from '../support/handler-harness'
import { retentionCleanupJob } from '../../jobs/retention-cleanup'
import { silentLogger } from '../../src/logger'
import { MISREAD_RETENTION_DAYS } from '../../src/domain/misread'
import { misreadLines } from '../corpus/misread-lines'

const ADMIN = 'admin-token-for-tests-0002'
let db: TestDb
let server: Awaited<ReturnType<typeof startApiServer>>

beforeAll(async () => {
  db = await openTestDb()
  await db.repos.tokens.bootstrap(ADMIN, new Date())
  server = await startApiServer(db.repos)
})
afterAll(async () => {
  await server.close()
  await db.close()
})

const call = (path: string, token: string) =>
  fetch(server.base + path, { headers: { authorization: `Bearer ${token}` } })

it('keeps a “没看明白” message masked, lists it for admins in scope only, exports it, and lets it go after its period', async () => {
  const people = await registerRoster(db.repos, [
    { name: '李干部', role: 'admin', org: '樊城区', parent: '襄阳市' },
    { name: '周干部', role: 'admin', org: '襄城区', parent: '襄阳市' },
    { name: '王主席', role: 'chair', org: '樊城区', parent: '襄阳市' },
    { name: '张三', role: 'executive', org: '白庙村', parent: '樊城区' },
  ])
  const h = createHandlerHarness({ at: '2026-11-23T10:00:00+08:00', repos: db.repos })
  await h.repos.members.bindContact(people['张三']!.id, h.contactId('张三'), new Date())
  const msg = h.message({ from: '张三', text: '村东头13812345678那家的事弄得差不多了，门牌3号' })
  await h.handle(msg)
  expect(h.take()[0]!.text).toContain('没看明白')
  await h.handle(msg) // delivered again: kept once

  const tokenOf = async (name: string, role: 'admin' | 'chair') =>
    db.repos.tokens.issue({ role, orgId: people[name]!.orgId, label: name }, new Date())
  const res = await call('/api/v1/misreads', await tokenOf('李干部', 'admin'))
  expect(res.status).toBe(200)
  const list = (await res.json()) as { text: string; org: string; where: string; reading: string }[]
  expect(list).toHaveLength(1)
  expect(list[0]).toMatchObject({ org: '白庙村', where: 'private', reading: '没读出做了什么（没看明白）' })
  expect(list[0]!.text).not.toMatch(/[0-9０-９]/)
  expect(list[0]!.text).toContain('村东头')
  expect(await (await call('/api/v1/misreads', await tokenOf('周干部', 'admin'))).json()).toEqual([])
  expect((await call('/api/v1/misreads', await tokenOf('王主席', 'chair'))).status).toBe(403)

  const [line] = misreadLines(await db.repos.misreads.recent())
  expect(line).toMatchObject({ id: 'misread-001', category: 'misread', where: 'private', expect: { noRecord: true } })
  expect(line!.text).not.toMatch(/\d/)

  const job = (days: number) =>
    retentionCleanupJob.run({
      repos: db.repos,
      now: new Date(Date.parse('2026-11-23T10:00:00+08:00') + days * 86_400_000),
      tz: 'Asia/Shanghai',
      log: silentLogger,
      force: true,
      followUpHours: 24,
      auditRetentionDays: 365,
    })
  await job(MISREAD_RETENTION_DAYS - 1)
  expect(await db.repos.misreads.recent()).toHaveLength(1)
  await job(MISREAD_RETENTION_DAYS + 1)
  expect(await db.repos.misreads.recent()).toHaveLength(0)
})
