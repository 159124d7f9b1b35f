/**
 * A bot process for the SIGKILL test: "burst" delivers commands to itself until it is killed;
 * "replay" starts on the same journal and database, finishes what is pending, and exits.
 */
import { appendFileSync } from 'node:fs'
import { join } from 'node:path'
import { connectDatabase } from '../../src/repos/connect'
import { createRepos } from '../../src/repos/create-repos'
import { openJournal } from '../../src/journal/message-journal'
import { systemClock } from '../../src/clock'
import { createLogger, type LogLevel } from '../../src/logger'
import { startSimulatorSession } from '../../bots/simulator-session'
import { quietWechatyLogs } from '../../bots/quiet-wechaty-logs'
import { registerRoster } from './fixtures'

async function main() {
  const [mode, dataDir, dbName, countText] = process.argv.slice(2) as [string, string, string, string]
  quietWechatyLogs('silent')
  const conn = await connectDatabase(process.env.MONGODB_URI!, dbName)
  const repos = createRepos(conn)
  await repos.init()
  await registerRoster(
    repos,
    Array.from({ length: 20 }, (_, i) => ({ name: `执委${i}`, role: 'executive' as const, org: '襄阳市' })),
  )
  const journal = await openJournal(join(dataDir, 'journal', 'inbox.jsonl'))
  const session = await startSimulatorSession({
    repos,
    clock: systemClock, // leases of the killed process must run out in real time
    log: createLogger((process.env.CRASH_LOG ?? 'error') as LogLevel),
    tz: 'Asia/Shanghai',
    botName: '妇联助手',
    journal,
    // Written synchronously, so what this process answered survives its SIGKILL.
    onSent: (m) => appendFileSync(join(dataDir, 'answers.log'), `${mode}\t${m.text.replace(/\n/g, ' ')}\n`),
  })
  if (mode === 'burst') {
    process.stdout.write('ready\n')
    for (let i = 0; i < Number(countText); i++) {
      session.world.say({
        room: '襄阳市执委工作交流群',
        from: `执委${i % 20}`,
        text: `#公益 活动${i}`,
        timestamp: Date.now() + i,
        id: `kill-${i}`,
      })
      process.stdout.write(`said ${i + 1}\n`)
      await new Promise((r) => setTimeout(r, 10))
    }
    await new Promise(() => undefined) // wait to be killed
  }
  // The restarted process sees the same WeChat: the group and its members exist before replies go out.
  session.world.room('襄阳市执委工作交流群')
  for (let i = 0; i < 20; i++) session.world.contact(`执委${i}`)
  while (journal.pending().length > 0) await new Promise((r) => setTimeout(r, 200))
  await session.bot.drain()
  process.stdout.write('replayed\n')
  await session.stop()
  await journal.close()
  await conn.close()
  process.exit(0)
}

main().catch((err) => {
  process.stderr.write(String(err?.stack ?? err) + '\n')
  process.exit(1)
})
