import { openTestDb, type TestDb } from '../support/test-db'
import { registerRoster } from '../support/fixtures'
import { unboundReportJob } from '../../jobs/unbound-report'
import { silentLogger } from '../../src/logger'
import { weeklyProgressJob } from '../../jobs/weekly-progress'
import { diaryReminderJob } from '../../jobs/diary-reminder'
import { createJobRunner } from '../../jobs/run-job'
import type { JobContext } from '../../jobs/job'

const ROOMS = ['r1@chatroom', 'r2@chatroom', 'r3@chatroom', 'r4@chatroom']
const WRITES = ['insert', 'update', 'delete', 'findAndModify']
let db: TestDb

/** Four executives' groups in two districts, and two executives who have written to the bot. */
beforeEach(async () => {
  db = await openTestDb()
  const people = await registerRoster(
    db.repos,
    [
      { name: '李干部', role: 'admin', org: '襄阳市' },
      { name: '张三', role: 'executive', org: '樊城区', parent: '襄阳市' },
      { name: '刘四', role: 'executive', org: '襄城区', parent: '襄阳市' },
    ],
    undefined,
    { bind: false },
  )
  for (const [i, roomId] of ROOMS.entries()) {
    const org = i % 2 ? people['刘四']!.orgId : people['张三']!.orgId
    await db.repos.groups.bind(
      { roomId, topic: `群${i}`, kind: 'executive', orgId: org, boundBy: people['李干部']!.id },
      new Date(),
    )
  }
  await db.repos.members.bindContact(people['张三']!.id, 'wx_zs', new Date())
  await db.repos.members.bindContact(people['刘四']!.id, 'wx_ls', new Date())
})
afterEach(async () => {
  await db.close()
})

const ctx = (now: string, force = false): JobContext => ({
  repos: db.repos,
  now: new Date(now),
  tz: 'Asia/Shanghai',
  log: silentLogger,
  force,
  followUpHours: 24,
  auditRetentionDays: 365,
})
const weeklyItems = () => db.conn.collection('outbox').find({ kind: 'weekly-progress' }).toArray()

describe('weekly progress, exactly once per group and week', () => {
  it('waits for each unit’s time: nothing before Monday 09:00', async () => {
    expect(await weeklyProgressJob.run(ctx('2026-11-23T08:55:00+08:00'))).toBe(0)
    expect(await weeklyItems()).toHaveLength(0)
  })

  it('posts once per group when two processes run the same tick', async () => {
    const [a, b] = [createJobRunner(), createJobRunner()]
    const tick = ctx('2026-11-23T09:00:00+08:00')
    const outcomes = await Promise.all([a(weeklyProgressJob, tick), b(weeklyProgressJob, tick)])
    expect(outcomes.map((o) => o.enqueued).reduce((x, y) => x + y)).toBe(4)
    // The batch is composed by one of them only (the other finds it claimed).
    expect(outcomes.map((o) => o.enqueued).sort()).toEqual([0, 4])
    const items = await weeklyItems()
    expect(items.map((i) => i.target).sort()).toEqual(ROOMS.map((r) => `room:${r}`).sort())
    expect(items[0]!.fileName).toBe('progress.png')
  })

  it('writes nothing on later ticks of the same week, or when the clock jumps back within it', async () => {
    expect(await weeklyProgressJob.run(ctx('2026-11-23T09:00:00+08:00'))).toBe(4)
    const writes = db.commands(WRITES)
    for (const at of ['2026-11-23T09:05:00+08:00', '2026-11-25T14:00:00+08:00', '2026-11-23T09:01:00+08:00'])
      expect(await weeklyProgressJob.run(ctx(at))).toBe(0)
    expect(db.commands(WRITES)).toBe(writes)
    expect(await weeklyItems()).toHaveLength(4)
  })

  it('completes the week of a process that died half-way, without repeating what it did', async () => {
    const tick = ctx('2026-11-30T09:00:00+08:00')
    // Process A enqueued one group's post and died before the others and before its marks.
    await db.repos.outbox.enqueue(
      [
        {
          dedupeKey: `weekly-progress:${ROOMS[0]}:2026-W49`,
          kind: 'weekly-progress',
          target: `room:${ROOMS[0]}`,
          text: 'A 的周报',
          notBefore: tick.now,
        },
      ],
      tick.now,
    )
    expect(await weeklyProgressJob.run(ctx('2026-11-30T09:05:00+08:00'))).toBe(3)
    const week49 = await weeklyItems()
    expect(week49).toHaveLength(4)
    expect(week49.find((i) => i.target === `room:${ROOMS[0]}`)!.text).toBe('A 的周报')
  })
})

describe('diary reminders', () => {
  it('reminds privately only those with no entry this week, once', async () => {
    const zs = (await db.repos.members.findByContactId('wx_zs'))!
    await db.repos.progress.record(
      zs,
      2026,
      {
        key: 'd1',
        by: 'test',
        messageId: 'd1',
        change: { add: { id: 'd1', kind: 'diary', date: '2026-11-17', at: 1 } },
      },
      new Date(),
    )
    const friday = ctx('2026-11-20T18:00:00+08:00')
    expect(await diaryReminderJob.run(ctx('2026-11-20T17:00:00+08:00'))).toBe(0)
    expect(await diaryReminderJob.run(friday)).toBe(1)
    const writes = db.commands(WRITES)
    expect(await diaryReminderJob.run(ctx('2026-11-20T18:05:00+08:00'))).toBe(0)
    expect(db.commands(WRITES)).toBe(writes)
    const [reminder] = await db.conn.collection('outbox').find({ kind: 'diary-reminder' }).toArray()
    expect(reminder).toMatchObject({ target: 'contact:wx_ls', respectRestDays: true })
    expect(reminder!.text).toContain('刘四您好，本周（11月16日—11月22日）还没有写妇情日记')
  })
})

describe('who cannot be reached', () => {
  it('tells each admin once a week, privately, how many of her members have no WeChat id bound', async () => {
    const admin = (await db.repos.members.findByName('李干部'))[0]!
    await db.repos.members.bindContact(admin.id, 'wx_admin', new Date())
    await registerRoster(db.repos, [{ name: '王五', role: 'executive', org: '樊城区', parent: '襄阳市' }], undefined, {
      bind: false,
    })
    expect(await unboundReportJob.run(ctx('2026-11-23T08:55:00+08:00'))).toBe(0)
    expect(await unboundReportJob.run(ctx('2026-11-23T09:00:00+08:00'))).toBe(1)
    const writes = db.commands(WRITES)
    expect(await unboundReportJob.run(ctx('2026-11-23T09:05:00+08:00'))).toBe(0)
    expect(db.commands(WRITES)).toBe(writes)
    const items = await db.conn.collection('outbox').find({ kind: 'unbound-report' }).toArray()
    expect(items.map((i) => [i.target, i.text])).toEqual([
      ['contact:wx_admin', '襄阳市及下级还有 1 人没绑定微信，收不到日记提醒和通知跟进。发送 #未绑定 查看名单。'],
    ])
  })
})
