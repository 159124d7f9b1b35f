/**
 * Two bot accounts (two simulated WeChat accounts, each with its own repositories and connection) on one
 * database: each queued message goes out once, through an account that is in the room or has the friend,
 * under that account's own caps; one that no account can deliver is reported to the unit's admin.
 */
import type { Connection } from 'mongoose'
import { openTestDb, type TestDb } from '../support/test-db'
import { registerRoster } from '../support/fixtures'
import { manualClock } from '../../src/clock'
import { silentLogger } from '../../src/logger'
import { connectDatabase } from '../../src/repos/connect'
import { createRepos, type Repos } from '../../src/repos/create-repos'
import { defaultSendPolicy } from '../../src/domain/send-policy'
import { drainSimulated } from '../../src/services/send-queue'
import { targetOfRoom } from '../../src/domain/send-target'
import { startSimulatorSession, type SimulatorSession } from '../../bots/simulator-session'
import { quietWechatyLogs } from '../../bots/quiet-wechaty-logs'
import { weeklyProgressJob } from '../../jobs/weekly-progress'
import { diaryReminderJob } from '../../jobs/diary-reminder'

const [A, B] = ['wxid_bot_a', 'wxid_bot_b']
const ROOMS = ['执委一群', '执委二群', '执委三群', '执委四群', '执委五群', '执委六群']
/** A is in groups 1–4, B in 3–6; A has executives 1–5 as friends, B 4–8; both have the admin. */
const ROOMS_OF = { [A]: ROOMS.slice(0, 4), [B]: ROOMS.slice(2) }
const EXECUTIVES = Array.from({ length: 8 }, (_, i) => `执委${i + 1}`)
const FRIENDS_OF = { [A]: EXECUTIVES.slice(0, 5), [B]: EXECUTIVES.slice(3) }
const START = new Date('2026-11-16T10:00:00+08:00')
const policy = { ...defaultSendPolicy('Asia/Shanghai'), perMinute: 5 }

let db: TestDb
let connB: Connection
let reposB: Repos
const clock = manualClock(START)
const sessions: Record<string, SimulatorSession> = {}
let tick = 0

/** One message as WeChat delivers it to every account that is there: same sender, time and text. */
async function say(input: { from: string; text: string; room?: string }, accounts: readonly string[]) {
  const timestamp = START.getTime() + tick++
  await Promise.all(accounts.map((a) => sessions[a]!.say({ ...input, timestamp })))
}
const accountsIn = (room: string) => [A, B].filter((a) => ROOMS_OF[a]!.includes(room))
const friendsOf = (name: string) => [A, B].filter((a) => FRIENDS_OF[a]!.includes(name))
const job = (repos: Repos) => ({
  repos,
  now: START,
  tz: 'Asia/Shanghai',
  log: silentLogger,
  force: true,
  followUpHours: 24,
  auditRetentionDays: 365,
})
const outboxRows = () => db.conn.collection('outbox').find({}).toArray()

beforeEach(async () => {
  quietWechatyLogs('silent')
  tick = 0
  db = await openTestDb()
  connB = await connectDatabase(db.uri, db.dbName)
  reposB = createRepos(connB)
  await registerRoster(db.repos, [
    { name: '李干部', role: 'admin', org: '襄阳市' },
    ...EXECUTIVES.map((name) => ({ name, role: 'executive' as const, org: '樊城区', parent: '襄阳市' })),
  ])
  for (const [account, repos] of [
    [A, db.repos],
    [B, reposB],
  ] as const)
    sessions[account] = await startSimulatorSession({
      repos,
      clock,
      log: silentLogger,
      tz: 'Asia/Shanghai',
      botName: '妇联助手',
      account,
      instance: `instance-${account}`,
      policy,
    })
  // The admin binds every group; each account in a group sees her message there, and so learns the room.
  for (const room of ROOMS) await say({ room, from: '李干部', text: '#绑定 执委群' }, accountsIn(room))
  await say({ from: '李干部', text: '#帮助' }, [A, B])
  for (const name of EXECUTIVES) await say({ from: name, text: '#帮助' }, friendsOf(name))
  // What each account met is written with its next batch of bookkeeping (a minute later in life).
  await Promise.all([db.repos.settle(), reposB.settle()])
  for (const s of Object.values(sessions)) s.sent.length = 0
})

afterEach(async () => {
  for (const s of Object.values(sessions)) await s.stop()
  await connB.close()
  await db.close()
})

describe('two bot accounts on one database', () => {
  it('delivers every queued message once, each through an account that reaches its target', async () => {
    // A group bound while the bot was in it, which no account is in any more: nobody can post there.
    const gone = 'sim_gone_group@chatroom'
    const admin = (await db.repos.members.listByRole('admin'))[0]!
    await db.repos.groups.bind(
      { roomId: gone, topic: '已退出的执委群', kind: 'executive', orgId: admin.orgId, boundBy: admin.id },
      START,
    )
    await say({ room: ROOMS[0]!, from: '李干部', text: '#通知 执委群 周五下午三点开会' }, accountsIn(ROOMS[0]!))
    expect(sessions[A]!.sent.pop()!.text).toContain('已安排第 1 号通知发往 7 个执委群')
    await Promise.all([weeklyProgressJob.run(job(db.repos)), weeklyProgressJob.run(job(reposB))])
    await Promise.all([diaryReminderJob.run(job(db.repos)), diaryReminderJob.run(job(reposB))])

    const queued = await outboxRows()
    // 7 notices and 7 weekly posts (six groups and the one left), 8 diary reminders.
    expect(queued).toHaveLength(22)
    await drainSimulated([sessions[A]!.queue, sessions[B]!.queue], START)

    const rows = await outboxRows()
    const sent = rows.filter((r) => r.status === 'sent')
    const failed = rows.filter((r) => r.status === 'failed')
    expect(rows.filter((r) => r.status === 'pending' || r.status === 'sending')).toEqual([])
    // Every message to a group two accounts share, or to a friend of both, went out once.
    const delivered = [...sessions[A]!.sent, ...sessions[B]!.sent].filter((m) => !m.text.startsWith('⚠️'))
    const keys = delivered.map((m) => `${m.room ?? m.to}|${m.text}`)
    expect(new Set(keys).size).toBe(keys.length)
    expect(delivered).toHaveLength(20)
    // Each account posted only where it is.
    for (const account of [A, B])
      for (const m of sessions[account]!.sent) {
        if (m.room) expect(ROOMS_OF[account]).toContain(m.room)
        else if (m.to !== '李干部') expect(FRIENDS_OF[account]).toContain(m.to)
      }
    // The two posts for the group nobody is in were given up, and the admin was told of each, privately.
    expect(failed.map((r) => [r.kind, r.target])).toEqual(
      expect.arrayContaining([
        ['notice', targetOfRoom(gone)],
        ['weekly-progress', targetOfRoom(gone)],
      ]),
    )
    expect(failed).toHaveLength(2)
    const reports = [...sessions[A]!.sent, ...sessions[B]!.sent].filter((m) => m.text.startsWith('⚠️'))
    expect(reports.map((r) => r.to)).toEqual(['李干部', '李干部'])
    expect(reports[0]!.text).toContain('发到群「已退出的执委群」')
    expect(sent).toHaveLength(22)
    // Caps are per account: neither sent more than 5 in any minute, together they did.
    const times = (account: string | null) =>
      sent
        .filter((r) => account === null || r.sentBy === account)
        .map((r) => (r.sentAt as Date).getTime())
        .sort((x, y) => x - y)
    const busiestMinute = (ts: number[]) =>
      Math.max(...ts.map((t) => ts.filter((u) => u >= t && u < t + 60_000).length))
    expect(busiestMinute(times(A))).toBeLessThanOrEqual(5)
    expect(busiestMinute(times(B))).toBeLessThanOrEqual(5)
    expect(busiestMinute(times(null))).toBeGreaterThan(5)
    // The figures in the README: 22 sends, 10 by A and 12 by B, at most 5 a minute each, 10 together.
    expect([times(A).length, times(B).length, busiestMinute(times(null))]).toEqual([10, 12, 10])
  }, 120_000)

  it('hands a message to the other account when WeChat says this one is not in the room, counting no failure', async () => {
    // A believes it is in group 6 (it was, until it was removed while offline).
    const room = sessions[B]!.world.room(ROOMS[5]!)
    await db.repos.presence.see(A, targetOfRoom(room), START)
    await db.repos.outbox.enqueue(
      [
        {
          dedupeKey: 'stale',
          kind: 'notice',
          target: targetOfRoom(room),
          account: A,
          text: '通知：周五开会',
          notBefore: START,
        },
      ],
      START,
    )
    await drainSimulated(sessions[A]!.queue, START)
    const [handed] = await outboxRows()
    expect(handed).toMatchObject({ status: 'pending', account: B, triedBy: [A], failures: 0 })
    expect((await db.repos.presence.accountsAt([targetOfRoom(room)])).get(targetOfRoom(room))).toEqual([B])
    await drainSimulated([sessions[A]!.queue, sessions[B]!.queue], START)
    expect(sessions[B]!.sent).toEqual([expect.objectContaining({ room: ROOMS[5], text: '通知：周五开会' })])
    expect(sessions[A]!.sent).toEqual([])
    expect((await outboxRows())[0]).toMatchObject({ status: 'sent', sentBy: B })
  }, 60_000)

  it('routes a message queued before any account was known to the one that knows the room now', async () => {
    const room = sessions[B]!.world.room(ROOMS[4]!)
    await db.repos.outbox.enqueue(
      [
        {
          dedupeKey: 'early',
          kind: 'notice',
          target: targetOfRoom(room),
          account: null,
          text: '通知：早到的',
          notBefore: START,
        },
      ],
      START,
    )
    await drainSimulated([sessions[A]!.queue, sessions[B]!.queue], START)
    expect(sessions[B]!.sent.map((m) => m.text)).toEqual(['通知：早到的'])
    expect(sessions[A]!.sent).toEqual([])
  }, 60_000)
})

describe('what an account learns about where it is', () => {
  it('lists its rooms and friends at login, and forgets a room it leaves', async () => {
    const world = sessions[A]!.world
    const room = world.room('登录前就在的群')
    const friend = world.contact('老朋友')
    await world.logout()
    await new Promise<void>((resolve) => {
      sessions[A]!.bot.wechaty.once('login', () => resolve())
      world.login()
    })
    await sessions[A]!.bot.drain()
    const at = await db.repos.presence.accountsAt([targetOfRoom(room), `contact:${friend}`])
    expect(at.get(targetOfRoom(room))).toEqual([A])
    expect(at.get(`contact:${friend}`)).toEqual([A])

    const left = new Promise<void>((resolve) => sessions[A]!.bot.wechaty.once('room-leave', () => resolve()))
    world.removeBot('登录前就在的群', '李干部')
    await left
    await sessions[A]!.bot.drain()
    expect((await db.repos.presence.accountsAt([targetOfRoom(room)])).size).toBe(0)
  }, 60_000)
})
