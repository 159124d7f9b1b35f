/**
 * A process dies between any two of a message's writes (its connection is cut right after the k-th
 * write, for every k): a new process on the same journal and database finishes it, and her records and
 * counts are exact without a recount, with one answer.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Connection } from 'mongoose'
import { connectDatabase } from '../../src/repos/connect'
import { createRepos } from '../../src/repos/create-repos'
import { openJournal } from '../../src/journal/message-journal'
import { manualClock } from '../../src/clock'
import { silentLogger } from '../../src/logger'
import { startSimulatorSession } from '../../bots/simulator-session'
import { quietWechatyLogs } from '../../bots/quiet-wechaty-logs'
import { countLedger } from '../../src/domain/ledger'
import { recountProgress } from '../../src/services/recount-progress'
import { openTestDb, type TestDb } from '../support/test-db'
import { registerRoster } from '../support/fixtures'

const WRITES = new Set(['insert', 'update', 'delete', 'findAndModify'])
const AT = new Date('2026-11-20T10:00:00+08:00')

/** A bot process whose connection is cut right after its `cutAfter`-th write from the moment `arm` is called. */
async function startProcess(db: TestDb, journalPath: string, account: string) {
  const conn: Connection = await connectDatabase(db.uri, db.dbName, { monitorCommands: true })
  let writes = 0
  let cutAfter = Infinity
  conn.getClient().on('commandSucceeded', (e) => {
    if (WRITES.has(e.commandName) && ++writes === cutAfter) void conn.destroy(true)
  })
  const repos = createRepos(conn)
  const journal = await openJournal(journalPath)
  const session = await startSimulatorSession({
    repos,
    clock: manualClock(AT),
    log: silentLogger,
    tz: 'Asia/Shanghai',
    botName: '妇联助手',
    journal,
    account,
    instance: journal.instance,
    friends: ['张三'],
  })
  return {
    session,
    journal,
    arm(k: number) {
      writes = 0
      cutAfter = k
    },
    async stop() {
      await session.stop()
      await journal.close()
      await conn.close().catch(() => undefined)
    },
  }
}

const FLOWS: [string, string[], (items: { kind: string; subject?: string; status?: string }[]) => boolean][] = [
  ['a #联系', ['#联系 刘翠花'], (items) => items.some((i) => i.kind === 'representatives' && i.subject === '刘翠花')],
  ['a sentence and her 1', ['今天上午去看了王秀兰大姐', '1'], (items) => items.some((i) => i.subject === '王秀兰')],
  ['a need', ['#需求 李大姐想学家政'], (items) => items.some((i) => i.kind === 'need' && i.status === 'open')],
]

let db: TestDb
beforeAll(() => quietWechatyLogs('silent'))
beforeEach(async () => {
  db = await openTestDb()
  await registerRoster(db.repos, [{ name: '张三', role: 'executive', org: '白庙村', parent: '樊城区' }])
})
afterEach(async () => {
  await db.close()
})

describe.each(FLOWS)('%s, cut after each of its writes', (_name, texts, recorded) => {
  it('is finished by the next process: recorded once, counted exactly, answered once', async () => {
    const finishedBy: string[] = []
    for (let k = 1; k <= 6; k++) {
      await db.conn.collection('ledger_events').deleteMany({})
      await db.conn.collection('ledgers').deleteMany({})
      await db.conn.collection('needs').deleteMany({})
      const path = join(mkdtempSync(join(tmpdir(), 'crash-between-')), 'inbox.jsonl')
      const first = await startProcess(db, path, `bot-${k}`)
      for (const text of texts.slice(0, -1)) await first.session.say({ from: '张三', text })
      const sentBefore = first.session.sent.length
      first.arm(k)
      await first.session.say({ from: '张三', text: texts.at(-1)! })
      const answeredFirst = first.session.sent.length - sentBefore
      await first.stop()
      // The next process on the same journal and database.
      const next = await startProcess(db, path, `bot-${k}`)
      while (next.journal.pending().length > 0) await new Promise((r) => setTimeout(r, 100))
      await next.session.bot.drain()
      const answers = answeredFirst + next.session.sent.length
      await next.stop()

      const zhang = (await db.repos.members.listWithChecklist())[0]!
      const items = await createRepos(db.conn).progress.ledger(zhang.id, 2026)
      expect({ k, recorded: recorded(items) }).toEqual({ k, recorded: true })
      const events = await db.conn.collection('ledger_events').countDocuments()
      expect({ k, events }).toEqual({ k, events: items.length })
      const stored = await db.conn.collection('ledgers').findOne({ _id: `${zhang.id}:2026` as never })
      expect(stored?.counts).toEqual(countLedger(items))
      expect(await recountProgress(db.repos, [2026])).toMatchObject({ repaired: 0 })
      expect({ k, answers }).toEqual({ k, answers: 1 })
      finishedBy.push(answeredFirst ? 'first' : 'next')
    }
    // The cut fell inside the message for the first writes (the next process answered), and after it
    // for the last ones: the test saw both.
    expect(finishedBy[0]).toBe('next')
    expect(finishedBy).toContain('first')
  }, 120_000)
})
