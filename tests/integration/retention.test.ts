/** The clean-up job: working rows past their periods go, recent ones and records stay. */
import { openTestDb, type TestDb } from '../support/test-db'
import { recordDuties, registerRoster } from '../support/fixtures'
import { silentLogger } from '../../src/logger'
import { retentionCleanupJob } from '../../jobs/retention-cleanup'
import { loadConfig } from '../../src/config'
import type { JobContext } from '../../jobs/job'

const NOW = new Date('2026-11-16T03:40:00+08:00')
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000)
const WRITES = ['insert', 'update', 'delete', 'findAndModify']
let db: TestDb

const ctx = (auditRetentionDays = loadConfig({}).AUDIT_RETENTION_DAYS): JobContext => ({
  repos: db.repos,
  now: NOW,
  tz: 'Asia/Shanghai',
  log: silentLogger,
  force: false,
  followUpHours: 24,
  auditRetentionDays,
})
const ids = async (collection: string) =>
  (await db.conn.collection(collection).find({}).toArray()).map((d) => String(d.dedupeKey ?? d.action ?? d._id)).sort()

beforeEach(async () => {
  db = await openTestDb()
})
afterEach(async () => {
  await db.close()
})

async function seed() {
  const { 张三: zhang, 李干部: li } = await registerRoster(db.repos, [
    { name: '李干部', role: 'admin', org: '襄阳市' },
    { name: '张三', role: 'executive', org: '樊城区', parent: '襄阳市' },
  ])
  // Claims: 30 days.
  await db.repos.claims.tryClaim('msg:old', daysAgo(31))
  await db.repos.claims.tryClaim('stranger-told:old', daysAgo(200))
  await db.repos.claims.tryClaim('msg:recent', daysAgo(29))
  // The queue: sent rows 30 days, failed 90; a waiting message stays however old.
  await db.repos.outbox.enqueue(
    ['sent-old', 'sent-recent', 'failed-old', 'failed-recent', 'waiting-old'].map((k) => ({
      dedupeKey: k,
      kind: 'test',
      target: 'room:r',
      account: 'bot',
      text: k,
      notBefore: daysAgo(400),
    })),
    daysAgo(400),
  )
  // Rows come out of the queue in the order they were queued.
  for (const [key, at, sent] of [
    ['sent-old', daysAgo(31), true],
    ['sent-recent', daysAgo(29), true],
    ['failed-old', daysAgo(91), false],
    ['failed-recent', daysAgo(89), false],
  ] as const) {
    const item = (await db.repos.outbox.nextCandidate(NOW, 'bot'))!
    expect(item.dedupeKey).toBe(key)
    await db.repos.outbox.claim(item, at)
    if (sent) await db.repos.outbox.markSent(item.id, at, 'bot')
    else await db.repos.outbox.markUnreachable(item.id, at)
  }
  // Job marks: 60 days.
  await db.repos.jobMarks.markDone('weekly-progress:r:2026-W37', daysAgo(61))
  await db.repos.jobMarks.markDone('weekly-progress:r:2026-W39', daysAgo(59))
  // Questions waiting for her digit: a day after they lapse (asked in three conversations of hers).
  const question = (conversation: string, expiresAt: Date) => ({
    key: conversation,
    conversation,
    from: 'wx-zhang',
    by: 'test',
    text: '记下吗？',
    options: [],
    createdAt: new Date(expiresAt.getTime() - 6 * 3_600_000),
    expiresAt,
  })
  // Newest first: asking drops what had lapsed at the time of asking.
  await db.repos.questions.ask(zhang!, 2026, question('waiting', new Date(NOW.getTime() + 3_600_000)))
  await db.repos.questions.ask(zhang!, 2026, question('lapsed-just-now', daysAgo(0.5)))
  await db.repos.questions.ask(zhang!, 2026, question('lapsed-long-ago', daysAgo(2)))
  // Binding codes never redeemed: a day after they expire (they are good for 24 hours).
  await db.repos.bindCodes.issue(zhang!.id, li!.id, daysAgo(3))
  await db.repos.bindCodes.issue(zhang!.id, li!.id, daysAgo(0.5))
  // The audit log: AUDIT_RETENTION_DAYS (365 by default).
  await db.repos.audit.record({
    at: daysAgo(366),
    who: 'admin',
    role: 'admin',
    action: 'read needs',
    detail: 'old',
    orgId: null,
  })
  await db.repos.audit.record({
    at: daysAgo(300),
    who: 'admin',
    role: 'admin',
    action: 'read progress',
    detail: 'recent',
    orgId: null,
  })
  // Records: never deleted, however old.
  await recordDuties(
    db.repos,
    zhang!,
    [{ kind: 'representatives', subject: '刘翠花', date: '2025-01-05' }],
    daysAgo(700),
  )
  await db.repos.notices.create({
    orgId: li!.orgId,
    audience: 'executive',
    content: '去年的通知',
    createdBy: li!.id,
    createdAt: daysAgo(700),
    sourceMessageId: 'old-notice',
    roomIds: ['r'],
    executiveIds: [zhang!.id],
    followUpAt: daysAgo(699),
  })
}

describe('the retention clean-up', () => {
  it('deletes working rows past their periods and keeps recent ones and every record', async () => {
    await seed()
    const records = {
      ledger_events: await db.conn.collection('ledger_events').countDocuments(),
      notices: await db.conn.collection('notices').countDocuments(),
    }
    await retentionCleanupJob.run(ctx())
    // Of the send claims, only the one taken 29 days ago (for sent-recent) is left.
    const claims = await ids('claims')
    expect(claims.filter((k) => !k.startsWith('send:'))).toEqual(['msg:recent'])
    expect(claims.filter((k) => k.startsWith('send:'))).toHaveLength(1)
    expect(await ids('outbox')).toEqual(['failed-recent', 'sent-recent', 'waiting-old'])
    expect(await ids('job_marks')).toEqual(['weekly-progress:r:2026-W39'])
    const [year] = await db.conn
      .collection('ledgers')
      .find({ 'pending.0': { $exists: true } })
      .toArray()
    expect((year!.pending as { key: string }[]).map((q) => q.key).sort()).toEqual(['lapsed-just-now', 'waiting'])
    expect((await db.conn.collection('bind_codes').find({}).toArray()).map((c) => c.at)).toEqual([daysAgo(0.5)])
    expect(await ids('audit_log')).toEqual(['read progress']) // the recent one
    expect(records).toEqual({ ledger_events: 1, notices: 1 })
    expect({
      ledger_events: await db.conn.collection('ledger_events').countDocuments(),
      notices: await db.conn.collection('notices').countDocuments(),
    }).toEqual(records)
  })

  it('writes nothing when nothing is due', async () => {
    await seed()
    await retentionCleanupJob.run(ctx())
    const writes = db.commands(WRITES)
    await retentionCleanupJob.run(ctx())
    expect(db.commands(WRITES)).toBe(writes)
  })

  it('keeps the audit log for AUDIT_RETENTION_DAYS', async () => {
    await seed()
    await retentionCleanupJob.run(ctx(200))
    expect(await ids('audit_log')).toEqual([])
    expect(() => loadConfig({ AUDIT_RETENTION_DAYS: '7' })).toThrow(/AUDIT_RETENTION_DAYS: must be at least 30 days/)
  })

  it('runs once a day, at night', () => {
    expect(retentionCleanupJob.poll).toBe('40 3 * * *')
  })
})
