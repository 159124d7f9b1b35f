import { openTestDb, type TestDb } from '../support/test-db'
import { registerRoster } from '../support/fixtures'
import { silentLogger } from '../../src/logger'
import { weeklyProgressJob } from '../../jobs/weekly-progress'
import { diaryReminderJob } from '../../jobs/diary-reminder'
import { runJob } from '../../jobs/run-job'
import type { JobContext } from '../../jobs/job'

let db: TestDb
const rooms = ['r1@chatroom', 'r2@chatroom', 'r3@chatroom', 'r4@chatroom']

beforeAll(async () => {
  db = await openTestDb()
  const people = await registerRoster(db.repos, [
    { name: '李干部', role: 'admin', org: '襄阳市' },
    { name: '张三', role: 'executive', org: '樊城区', parent: '襄阳市' },
    { name: '刘四', role: 'executive', org: '襄城区', parent: '襄阳市' },
  ])
  for (const [i, roomId] of rooms.entries()) {
    const org = i % 2 ? people['刘四']!.orgId : people['张三']!.orgId
    await db.repos.groups.bind(
      { roomId, topic: `群${i}`, kind: 'executive', orgId: org, boundBy: people['李干部']!.id },
      new Date(),
    )
  }
  await db.repos.members.identify('张三', 'wx_zs')
  await db.repos.members.identify('刘四', 'wx_ls')
})
afterAll(async () => {
  await db.close()
})

const ctx = (now: string, force = false): JobContext => ({
  repos: db.repos,
  now: new Date(now),
  tz: 'Asia/Shanghai',
  log: silentLogger,
  force,
  followUpHours: 24,
})
const weeklyItems = () => db.conn.collection('outbox').find({ kind: 'weekly-progress' }).toArray()

describe('weekly progress, exactly once per group and week', () => {
  it('waits for each unit’s time: nothing before Monday 09:00', async () => {
    expect(await weeklyProgressJob.run(ctx('2026-11-23T08:55:00+08:00'))).toBe(0)
  })

  it('posts once per group when two schedulers fire the same tick', async () => {
    const outcomes = await Promise.all([
      runJob(weeklyProgressJob, ctx('2026-11-23T09:00:00+08:00'), 'process-a'),
      runJob(weeklyProgressJob, ctx('2026-11-23T09:00:00+08:00'), 'process-b'),
    ])
    expect(outcomes.filter((o) => o.ran)).toHaveLength(1)
    const items = await weeklyItems()
    expect(items.map((i) => i.target).sort()).toEqual(rooms.map((r) => `room:${r}`).sort())
    expect(items[0]!.fileName).toBe('progress.png')
  })

  it('adds nothing on later ticks of the same week, or when the clock jumps back within it', async () => {
    expect(await weeklyProgressJob.run(ctx('2026-11-23T09:05:00+08:00'))).toBe(0)
    expect(await weeklyProgressJob.run(ctx('2026-11-25T14:00:00+08:00'))).toBe(0)
    expect(await weeklyProgressJob.run(ctx('2026-11-23T09:01:00+08:00'))).toBe(0)
    expect(await weeklyItems()).toHaveLength(4)
  })

  it('finishes a run whose process died half-way, without repeating what it did', async () => {
    // Process A claimed next week's tick, enqueued one group's post, then died.
    const tick = ctx('2026-11-30T09:00:00+08:00')
    await db.repos.jobRuns.claim(
      { job: 'weekly-progress', period: '2026-11-30T09:00', owner: 'dead' },
      tick.now,
      60_000,
    )
    await db.repos.outbox.enqueue(
      [
        {
          dedupeKey: `weekly-progress:${rooms[0]}:2026-W49`,
          kind: 'weekly-progress',
          target: `room:${rooms[0]}`,
          text: 'A 的周报',
          notBefore: tick.now,
        },
      ],
      tick.now,
    )
    expect(await runJob(weeklyProgressJob, tick, 'process-b')).toEqual({ ran: false, reason: 'inProgress' })
    // The next tick (a new period) completes the week: three more posts, none for the group A served.
    const result = await runJob(weeklyProgressJob, ctx('2026-11-30T09:05:00+08:00'), 'process-b')
    expect(result).toEqual({ ran: true, enqueued: 3 })
    const week49 = (await weeklyItems()).filter((i) => String(i.dedupeKey).endsWith('2026-W49'))
    expect(week49).toHaveLength(4)
    expect(week49.find((i) => i.target === `room:${rooms[0]}`)!.text).toBe('A 的周报')
  })

  it('takes over the same period once the dead run’s lease has expired', async () => {
    const tick = ctx('2026-12-07T09:00:00+08:00')
    await db.repos.jobRuns.claim({ job: 'weekly-progress', period: '2026-12-07T09:00', owner: 'dead' }, tick.now, 1_000)
    expect(await runJob(weeklyProgressJob, tick, 'b')).toEqual({ ran: false, reason: 'inProgress' })
    const later = new Date(tick.now.getTime() + 5_000)
    const outcomes = await Promise.all(
      ['b', 'c', 'd'].map((owner) =>
        db.repos.jobRuns.claim({ job: 'weekly-progress', period: '2026-12-07T09:00', owner }, later, 60_000),
      ),
    )
    expect(outcomes.filter((o) => o.claimed)).toHaveLength(1)
  })
})

describe('diary reminders', () => {
  it('reminds privately only those with no entry this week, once', async () => {
    const zs = (await db.repos.members.findByContactId('wx_zs'))!
    await db.repos.diaries.insert({
      memberId: zs.id,
      year: 2026,
      date: '2026-11-17',
      createdAt: new Date(),
      sourceMessageId: 'd1',
      content: '日记',
    })
    const friday = ctx('2026-11-20T18:00:00+08:00')
    expect(await diaryReminderJob.run(ctx('2026-11-20T17:00:00+08:00'))).toBe(0)
    expect(await diaryReminderJob.run(friday)).toBe(1)
    expect(await diaryReminderJob.run(friday)).toBe(0)
    const [reminder] = await db.conn.collection('outbox').find({ kind: 'diary-reminder' }).toArray()
    expect(reminder).toMatchObject({ target: 'contact:wx_ls', respectRestDays: true })
    expect(reminder!.text).toContain('刘四您好，本周（11月16日—11月22日）还没有写妇情日记')
  })
})
