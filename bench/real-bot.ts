import { manualClock } from '../src/clock'
import { silentLogger } from '../src/logger'
import { startSimulatorSession } from '../bots/simulator-session'
import { openBenchDb } from './bench-db'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openJournal } from '../src/journal/message-journal'

/**
 * The real bot over the simulator on a fresh bench database, with `executives` registered as 执委0…,
 * and with its write-ahead journal on local disk as `npm start` runs it.
 */
export async function startRealBot(label: string, executives: number) {
  const db = await openBenchDb(label)
  const org = await db.repos.orgs.ensure('襄阳市')
  for (let i = 0; i < executives; i++) {
    await db.repos.members.upsertByName({ name: `执委${i}`, role: 'executive', orgId: org.id }, new Date())
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-journal-'))
  const journal = await openJournal(join(dataDir, 'inbox.jsonl'))
  const session = await startSimulatorSession({
    journal,
    repos: db.repos,
    clock: manualClock(new Date('2026-11-16T10:00:00+08:00')),
    log: silentLogger,
    tz: 'Asia/Shanghai',
    botName: '妇联助手',
  })
  return {
    server: db.server,
    db,
    session,
    async stop() {
      await session.stop()
      await journal.close()
      rmSync(dataDir, { recursive: true, force: true })
      await db.close()
    },
  }
}
