import { openTestDb, type TestDb } from '../support/test-db'
import { createLogger, silentLogger } from '../../src/logger'
import { registerRoster } from '../support/fixtures'
import { simulatorContactId } from '../../bots/simulator-world'
import { defaultSendPolicy } from '../../src/domain/send-policy'
import { drainSimulated, sendQueueStep, targetOfRoom, type SendQueueDeps } from '../../src/services/send-queue'
import type { Sender } from '../../src/incoming-message'
import { createSendLog } from '../../src/services/send-log'

let db: TestDb
/** The bot account the worker sends as. */
const A = 'wxid_bot_a'
const policy = defaultSendPolicy('Asia/Shanghai', ['2026-10-01'])

/** The queue's neighbour: records what would have gone to WeChat. */
function recordingSender(fail = new Set<string>()) {
  const sent: { target: string; text: string; at: Date }[] = []
  let now = () => new Date(0)
  const sender: Sender = {
    async toRoom(roomId, text) {
      if (fail.has(roomId)) throw new Error('WeChat refused')
      sent.push({ target: `room:${roomId}`, text, at: now() })
    },
    async toContact(contactId, text) {
      sent.push({ target: `contact:${contactId}`, text, at: now() })
    },
  }
  return { sender, sent, setClock: (f: () => Date) => (now = f) }
}

beforeEach(async () => {
  db = await openTestDb()
})
afterEach(async () => {
  await db.close()
})

const enqueue = (keys: string[], target: (k: string) => string, notBefore: Date, extra = {}) =>
  db.repos.outbox.enqueue(
    keys.map((k) => ({ dedupeKey: k, kind: 'test', target: target(k), text: `消息 ${k}`, notBefore, ...extra })),
    notBefore,
  )

describe('the send queue', () => {
  it('sends in order within the gaps and the per-minute cap, on simulated time', async () => {
    const start = new Date('2026-11-16T10:00:00+08:00')
    await enqueue(
      Array.from({ length: 45 }, (_, i) => `k${i}`),
      (k) => targetOfRoom(k),
      start,
    )
    const rec = recordingSender()
    let clock = start
    rec.setClock(() => clock)
    const deps: SendQueueDeps = {
      repos: db.repos,
      send: rec.sender,
      policy,
      log: silentLogger,
      random: () => 0.5,
      account: A,
      replies: createSendLog(),
    }
    for (let i = 0; i < 500; i++) {
      const r = await sendQueueStep(deps, clock)
      if ('idle' in r) break
      if ('waitUntil' in r && r.waitUntil > clock) clock = r.waitUntil
    }
    expect(rec.sent.map((s) => s.text)).toEqual(Array.from({ length: 45 }, (_, i) => `消息 k${i}`))
    const times = rec.sent.map((s) => s.at.getTime())
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(4_000)
    for (let i = 20; i < times.length; i++) expect(times[i]! - times[i - 20]!).toBeGreaterThanOrEqual(60_000)
  })

  it('holds messages queued at night until 07:30', async () => {
    const night = new Date('2026-11-16T23:10:00+08:00')
    await enqueue(['n1'], () => targetOfRoom('r'), night)
    const rec = recordingSender()
    const end = await drainSimulated(
      { repos: db.repos, send: rec.sender, policy, log: silentLogger, account: A, replies: createSendLog() },
      night,
    )
    expect(rec.sent).toHaveLength(1)
    expect(end.toISOString()).toBe(new Date('2026-11-17T07:30:00+08:00').toISOString())
  })

  it('counts this account’s direct replies toward the caps, without a database row each', async () => {
    const now = new Date('2026-11-16T10:00:00+08:00')
    const replies = createSendLog()
    for (let i = 0; i < 20; i++) replies.record(targetOfRoom(`reply${i}`), new Date(now.getTime() + i))
    await enqueue(['after-replies'], () => targetOfRoom('r'), now)
    const writes = db.commands(['insert'])
    const r = await sendQueueStep(
      { repos: db.repos, send: recordingSender().sender, policy, log: silentLogger, account: A, replies },
      now,
    )
    expect(db.commands(['insert'])).toBe(writes)
    expect('waitUntil' in r && r.waitUntil.getTime() - now.getTime()).toBeGreaterThanOrEqual(60_000)
  })

  it('enqueues a dedupe key once, however often a job asks', async () => {
    const now = new Date('2026-11-16T10:00:00+08:00')
    expect(await enqueue(['same', 'same'], () => targetOfRoom('r'), now)).toBe(1)
    expect(await enqueue(['same'], () => targetOfRoom('r'), now)).toBe(0)
    expect(await db.repos.outbox.depth()).toBe(1)
  })

  it('sends each message once when two workers drain the queue at the same time', async () => {
    const start = new Date('2026-11-16T10:00:00+08:00')
    await enqueue(
      Array.from({ length: 12 }, (_, i) => `c${i}`),
      (k) => targetOfRoom(k),
      start,
    )
    const rec = recordingSender()
    const deps = { repos: db.repos, send: rec.sender, policy, log: silentLogger, account: A, replies: createSendLog() }
    await Promise.all([drainSimulated(deps, start), drainSimulated(deps, start)])
    expect(rec.sent.map((s) => s.text).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `消息 c${i}`).sort())
  })

  it('retries a failed send later and keeps it until WeChat takes it', async () => {
    const start = new Date('2026-11-16T10:00:00+08:00')
    await enqueue(['f1'], () => targetOfRoom('flaky'), start)
    const failing = recordingSender(new Set(['flaky']))
    await sendQueueStep(
      { repos: db.repos, send: failing.sender, policy, log: silentLogger, account: A, replies: createSendLog() },
      start,
    )
    expect(await db.repos.outbox.depth()).toBe(1)
    const working = recordingSender()
    await drainSimulated(
      { repos: db.repos, send: working.sender, policy, log: silentLogger, account: A, replies: createSendLog() },
      start,
    )
    expect(working.sent).toHaveLength(1)
  })
})

describe('a message no account can deliver', () => {
  it('is given up after 5 refusals and reported to the unit’s admin and the log, never dropped silently', async () => {
    const start = new Date('2026-11-16T10:00:00+08:00')
    const people = await registerRoster(db.repos, [
      { name: '李干部', role: 'admin', org: '襄阳市' },
      { name: '王干部', role: 'admin', org: '樊城区', parent: '襄阳市' },
      { name: '张三', role: 'executive', org: '东风村', parent: '樊城区' },
    ])
    await db.repos.groups.bind(
      {
        roomId: 'flaky',
        topic: '东风村执委群',
        kind: 'executive',
        orgId: people['张三']!.orgId,
        boundBy: people['王干部']!.id,
      },
      start,
    )
    await enqueue(['doomed'], () => targetOfRoom('flaky'), start, { kind: 'notice' })
    const lines: string[] = []
    const rec = recordingSender(new Set(['flaky']))
    await drainSimulated(
      {
        repos: db.repos,
        send: rec.sender,
        policy,
        log: createLogger('error', (l) => lines.push(l)),
        account: A,
        replies: createSendLog(),
      },
      start,
    )
    const rows = await db.conn.collection('outbox').find({}).sort({ createdAt: 1 }).toArray()
    expect(rows[0]).toMatchObject({ dedupeKey: 'doomed', status: 'failed', failures: 5 })
    // The nearest unit up the tree with an admin is 樊城区: 王干部 hears of it, privately.
    expect(rec.sent).toEqual([expect.objectContaining({ target: `contact:${simulatorContactId('王干部')}` })])
    expect(rec.sent[0]!.text).toContain('机器人没能把一条通知发到群「东风村执委群」：微信连续 5 次没有发出')
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ level: 'error', msg: 'queued message undeliverable', reason: 'refused', admins: 1 }),
    ])
  })
})
