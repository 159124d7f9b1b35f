import { manualClock } from '../src/clock'
import { silentLogger } from '../src/logger'
import { startSimulatorSession } from '../bots/simulator-session'
import { openBenchDb } from './bench-db'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openJournal } from '../src/journal/message-journal'

/** The executives' group every benchmark writes in; bound, as in a running federation. */
export const BENCH_GROUP = '执委工作交流群'

/**
 * The real bot over the simulator on a fresh bench database, with `executives` registered as 执委0…
 * and the group bound, and with its write-ahead journal on local disk as `npm start` runs it.
 */
export async function startRealBot(label: string, executives: number, options: { count?: boolean } = {}) {
  const db = await openBenchDb(label, options)
  const org = await db.repos.orgs.ensure('襄阳市')
  let admin = ''
  for (let i = 0; i < executives; i++) {
    const m = await db.repos.members.upsertByName({ name: `执委${i}`, role: 'executive', orgId: org.id }, new Date())
    admin ||= m.id
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
  const roomId = session.world.room(BENCH_GROUP)
  await db.repos.groups.bind(
    { roomId, topic: BENCH_GROUP, kind: 'executive', orgId: org.id, boundBy: admin },
    new Date(),
  )
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
