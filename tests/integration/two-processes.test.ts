/**
 * Two bot processes on one database (two WeChat accounts, each with its own connection and caches): what
 * she records through one is in the other's #进度, #汇总, API, weekly post and diary reminder within 2 s
 * (her own #进度 at once; leaders' figures are kept in memory and refreshed by the rule in standings-repo) —
 * including the sequence that used to keep an old count in the second process for good: log through A,
 * ask through B, log again through A.
 */
import type { Connection } from 'mongoose'
import { connectDatabase } from '../../src/repos/connect'
import { createRepos, type Repos } from '../../src/repos/create-repos'
import { manualClock } from '../../src/clock'
import { silentLogger } from '../../src/logger'
import { startSimulatorSession, type SimulatorSession } from '../../bots/simulator-session'
import { quietWechatyLogs } from '../../bots/quiet-wechaty-logs'
import { findJob } from '../../jobs'
import { openTestDb, type TestDb } from '../support/test-db'
import { registerRoster } from '../support/fixtures'
import { startApiServer } from '../support/api-server'

const GROUP = '白庙村执委工作交流群'
const AT = new Date('2026-11-20T10:00:00+08:00') // a Friday: the diary reminder is due
let db: TestDb
let connB: Connection
let reposB: Repos
let a: SimulatorSession
let b: SimulatorSession

beforeEach(async () => {
  quietWechatyLogs('silent')
  db = await openTestDb()
  connB = await connectDatabase(db.uri, db.dbName)
  reposB = createRepos(connB)
  const people = await registerRoster(db.repos, [
    { name: '许主席', role: 'chair', org: '白庙村', parent: '樊城区' },
    { name: '张三', role: 'executive', org: '白庙村', parent: '樊城区' },
    { name: '李四', role: 'executive', org: '白庙村', parent: '樊城区' },
  ])
  const clock = manualClock(AT)
  const start = (repos: Repos, account: string) =>
    startSimulatorSession({
      repos,
      clock,
      log: silentLogger,
      tz: 'Asia/Shanghai',
      botName: '妇联助手',
      account,
      instance: `instance-${account}`,
      friends: ['许主席', '张三', '李四'],
    })
  a = await start(db.repos, 'bot-a')
  b = await start(reposB, 'bot-b')
  await db.repos.groups.bind(
    {
      roomId: a.world.room(GROUP),
      topic: GROUP,
      kind: 'executive',
      orgId: people['张三']!.orgId,
      boundBy: people['许主席']!.id,
    },
    AT,
  )
  // Both processes have looked at her year before anything is recorded (so B holds a copy that goes stale).
  await b.say({ from: '张三', text: '#进度' })
  await a.say({ from: '张三', text: '#进度' })
})

afterEach(async () => {
  await a?.stop()
  await b?.stop()
  await connB?.close()
  await db?.close()
})

const last = (s: SimulatorSession) => s.sent.at(-1)!.text

/** Runs a scheduled job now, in process B. */
async function runJobInB(name: string): Promise<void> {
  await findJob(name)!.run({
    repos: reposB,
    now: AT,
    tz: 'Asia/Shanghai',
    log: silentLogger,
    force: true,
    followUpHours: 24,
    auditRetentionDays: 365,
  })
}

/** Asks through `s` until the answer contains `expected`, for at most 2 s after the first ask. */
async function within2s(s: SimulatorSession, from: string, text: string, expected: string): Promise<string> {
  const began = Date.now()
  for (;;) {
    await s.say({ from, text })
    const answer = last(s)
    if (answer.includes(expected) || Date.now() - began > 2_000) return answer
    await new Promise((r) => setTimeout(r, 100))
  }
}

describe('a record through one process, read through another', () => {
  it('is in the other’s #进度 at once, through log, ask, log', async () => {
    await a.say({ from: '张三', text: '#联系 刘翠花' })
    expect(last(a)).toContain('联系妇女代表 1/5–7')
    await b.say({ from: '张三', text: '#进度' })
    expect(last(b)).toContain('联系妇女代表 1/5–7')
    await a.say({ from: '张三', text: '#联系 李梅' })
    await b.say({ from: '张三', text: '#进度' })
    expect(last(b)).toContain('联系妇女代表 2/5–7')
    // And B's own record builds on A's: nothing of A's is lost, counts stay exact.
    await b.say({ from: '张三', text: '#联系 王秀兰' })
    expect(last(b)).toContain('联系妇女代表 3/5–7')
    await a.say({ from: '张三', text: '#进度' })
    expect(last(a)).toContain('联系妇女代表 3/5–7')
  })

  it('is in the other’s #汇总, API and weekly post within 2 s', async () => {
    await a.say({ from: '张三', text: '#联系 刘翠花' })
    expect(await within2s(b, '许主席', '#汇总', '今年还没有记录 1 人')).toContain('今年还没有记录 1 人')
    await a.say({ from: '张三', text: '#公益 义诊' })
    expect(await within2s(b, '许主席', '#汇总', '参与公益服务 1/2 人完成')).toContain('参与公益服务 1/2 人完成')
    const token = 'two-processes-admin-token-01'
    await reposB.tokens.bootstrap(token, AT)
    const server = await startApiServer(reposB)
    try {
      const res = await fetch(`${server.base}/api/v1/progress?year=2026&org=${encodeURIComponent('白庙村')}`, {
        headers: { authorization: `Bearer ${token}` },
      })
      const rows = (await res.json()) as { name: string; representatives: number; publicService: number }[]
      expect(rows.find((r) => r.name === '张三')).toMatchObject({ representatives: 1, publicService: 1 })
    } finally {
      await server.close()
    }
    await runJobInB('weekly-progress')
    const post = await connB.collection('outbox').findOne({ kind: 'weekly-progress' })
    expect(post?.text).toMatch(/张三[^\n]*2\/8|进度正常/)
  })

  it('keeps the diary reminder from the executive who wrote her diary through the other process', async () => {
    await a.say({ from: '张三', text: '#日记 走访三户，两户孩子放学无人接' })
    await runJobInB('diary-reminder')
    const reminded = await connB.collection('outbox').find({ kind: 'diary-reminder' }).toArray()
    expect(reminded.map((r) => r.text as string).filter((t) => t.startsWith('张三'))).toEqual([])
    expect(reminded.map((r) => r.text as string).filter((t) => t.startsWith('李四'))).toHaveLength(1)
  })
})
