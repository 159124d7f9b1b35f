/**
 * The database goes away for 12 s (over twice the driver’s 5 s server selection timeout) in the middle of
 * a burst of duty commands and comes back, killed or stopped in an orderly way: the bot reconnects, every
 * command is stored exactly once and every sender gets exactly one answer, from the write-ahead journal.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Connection } from 'mongoose'
import { connectDatabase } from '../../src/repos/connect'
import { createRepos, type Repos } from '../../src/repos/create-repos'
import { openJournal, type MessageJournal } from '../../src/journal/message-journal'
import { manualClock } from '../../src/clock'
import { silentLogger } from '../../src/logger'
import { startSimulatorSession, type SimulatorSession } from '../../bots/simulator-session'
import { quietWechatyLogs } from '../../bots/quiet-wechaty-logs'
import { startRestartableDb, type RestartableDb } from '../support/restartable-db'
import { registerRoster } from '../support/fixtures'
import { recountProgress } from '../../src/services/recount-progress'

const BURST = 500
const OUTAGE_MS = 12_000
const GROUP = '襄阳市执委工作交流群'

async function until(what: string, check: () => Promise<boolean>, ms: number) {
  const end = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`)
    await new Promise((r) => setTimeout(r, 500))
  }
}

describe.each(['SIGKILL', 'SIGTERM'] as const)('a database stopped with %s during a burst', (signal) => {
  let server: RestartableDb
  let conn: Connection
  let repos: Repos
  let journal: MessageJournal
  let session: SimulatorSession

  beforeAll(async () => {
    quietWechatyLogs('silent')
    server = await startRestartableDb()
    conn = await connectDatabase(server.uri, 'outage')
    repos = createRepos(conn)
    await repos.init()
    await registerRoster(
      repos,
      Array.from({ length: 50 }, (_, i) => ({ name: `执委${i}`, role: 'executive' as const, org: '襄阳市' })),
    )
    journal = await openJournal(join(mkdtempSync(join(tmpdir(), 'journal-')), 'inbox.jsonl'))
    session = await startSimulatorSession({
      repos,
      clock: manualClock(new Date('2026-11-16T10:00:00+08:00')),
      log: silentLogger,
      tz: 'Asia/Shanghai',
      botName: '妇联助手',
      journal,
    })
  }, 60_000)

  afterAll(async () => {
    await session?.stop()
    await journal?.close()
    await conn?.close()
    await server?.close()
  }, 60_000)

  const say = (i: number) =>
    session.say({ room: GROUP, from: `执委${i % 50}`, text: `#公益 活动${i}`, id: `burst-${i}` })

  it('reconnects, stores every command exactly once and answers every sender exactly once', async () => {
    const first = Math.floor(BURST / 5)
    for (let i = 0; i < first; i += 25) await Promise.all(Array.from({ length: 25 }, (_, k) => say(i + k)))

    await server.stop(signal)
    const down = Date.now()
    const duringOutage = Promise.all(Array.from({ length: BURST - first }, (_, k) => say(first + k)))
    await new Promise((r) => setTimeout(r, Math.max(0, OUTAGE_MS - (Date.now() - down))))
    await server.start()
    const outcomes = await duringOutage
    expect(outcomes.filter((o) => o === 'failed')).toEqual([])

    await until('the journal to empty', async () => journal.pending().length === 0, 240_000)
    await session.bot.drain()
    const logs = await conn
      .collection('ledger_events')
      .find({}, { projection: { messageId: 1 } })
      .toArray()
    expect(new Set(logs.map((l) => l.messageId)).size).toBe(BURST)
    expect(logs).toHaveLength(BURST)
    // One answer per command: none missing, none twice.
    const answered = new Map<string, number>()
    for (const m of session.sent) {
      const n = /已记录：参与公益服务「活动(\d+)」/.exec(m.text)?.[1]
      if (n) answered.set(n, (answered.get(n) ?? 0) + 1)
    }
    expect(answered.size).toBe(BURST)
    expect([...answered].filter(([, times]) => times > 1)).toEqual([])
    expect(session.sent.filter((m) => m.text.includes('抱歉'))).toEqual([])
    // And her counts are what the events say, without a recount.
    expect(await recountProgress(repos, [2026])).toMatchObject({ repaired: 0 })
  }, 400_000)
})
