/**
 * The standings are a cache of the ledgers; their rule (standings-repo): a record shows at once in the
 * process that wrote it, and in any other process in every view begun a second after it was confirmed.
 * Two processes here are two sets of repositories on their own connections to the same database.
 */
import { openTestDb, type TestDb } from '../support/test-db'
import { registerRoster, recordDuties } from '../support/fixtures'
import { startApiServer } from '../support/api-server'
import { createRepos, type Repos } from '../../src/repos/create-repos'
import { connectDatabase } from '../../src/repos/connect'
import { unitReport } from '../../src/services/unit-report'
import { weeklyProgressJob } from '../../jobs/weekly-progress'
import { silentLogger } from '../../src/logger'
import type { Connection } from 'mongoose'

const TOKEN = 'standings-freshness-admin-token'
const today = { year: 2026, month: 11, day: 23 }
const NOW = new Date('2026-11-23T09:30:00+08:00')
let db: TestDb
let conn: Connection
let b: Repos
let village: string

const averageIn = async (repos: Repos) => (await unitReport(repos, village, 2026, today)).unit(village)!.averageDone
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

beforeAll(async () => {
  db = await openTestDb()
  await db.repos.tokens.bootstrap(TOKEN, new Date())
  await registerRoster(db.repos, [
    { name: '王芳', role: 'executive', org: '白庙村', parent: '双沟镇' },
    { name: '李娜', role: 'executive', org: '白庙村', parent: '双沟镇' },
  ])
  village = (await db.repos.orgs.findByName('白庙村'))!.id
  conn = await connectDatabase(db.uri, db.dbName)
  b = createRepos(conn) // process B: caches of its own
}, 30_000)
afterAll(async () => {
  await conn?.close()
  await db?.close()
})

describe('a record confirmed in process A', () => {
  it('shows at once in A, and in B’s #汇总 figures, API and weekly post within 2 s', async () => {
    expect(await averageIn(b)).toBe(0) // B has read everything once
    expect(await averageIn(db.repos)).toBe(0)
    const wang = (await db.repos.members.findByName('王芳'))[0]!
    await recordDuties(db.repos, wang, [{ kind: 'poorFamily', subject: '刘家' }])
    const confirmed = Date.now()
    expect(await averageIn(db.repos)).toBe(0.5) // A wrote it: no wait, no read

    await wait(Math.max(0, confirmed + 1_050 - Date.now()))
    expect(await averageIn(b)).toBe(0.5)
    const api = await startApiServer(b)
    try {
      const res = await fetch(`${api.base}/api/v1/summary?year=2026&org=${encodeURIComponent('白庙村')}`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      })
      expect(((await res.json()) as { unit: { averageDone: number } }).unit.averageDone).toBe(0.5)
    } finally {
      await api.close()
    }
    await b.groups.bind(
      { roomId: 'room-baimiao', topic: '白庙村执委群', kind: 'executive', orgId: village, boundBy: wang.id },
      NOW,
    )
    const ctx = { repos: b, now: NOW, tz: 'Asia/Shanghai', log: silentLogger, force: true }
    expect(await weeklyProgressJob.run({ ...ctx, followUpHours: 24, auditRetentionDays: 365 })).toBeGreaterThan(0)
    const post = await db.conn.collection('outbox').findOne({ kind: 'weekly-progress', target: 'room:room-baimiao' })
    expect(post!.text).toContain('平均完成 0.5/8 项')
  })

  it('counts someone A registered since B read its roster, once she has a record', async () => {
    await averageIn(b)
    const [zhao] = Object.values(
      await registerRoster(db.repos, [{ name: '赵敏', role: 'executive', org: '白庙村', parent: '双沟镇' }]),
    )
    await recordDuties(db.repos, zhao!, [{ kind: 'report', subject: '调研' }])
    await wait(1_050)
    const report = await unitReport(b, village, 2026, today)
    expect(report.unit(village)!.counted).toBe(3)
    expect(report.people.map((p) => p.name)).toContain('赵敏')
  })
})
