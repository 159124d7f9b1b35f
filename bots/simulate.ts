/**
 * npm run simulate -- --script FILE [--summary] [--keep]
 * Plays a scripted conversation through the real bot; standard output carries only JSON lines
 * (CONTRACT.md §2), everything else goes to standard error.
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { loadConfig, sendPolicyOf } from '../src/config'
import { manualClock } from '../src/clock'
import { createLogger } from '../src/logger'
import { startDatabase } from '../src/db/start-database'
import { connectDatabase } from '../src/repos/connect'
import { createRepos } from '../src/repos/create-repos'
import { findJob } from '../jobs'
import { parseScenario, ScenarioError } from './scenario/parse-scenario'
import { runScenario, scenarioSummary } from './scenario/run-scenario'
import { quietWechatyLogs } from './quiet-wechaty-logs'

async function main(): Promise<number> {
  const out = (value: unknown) => process.stdout.write(JSON.stringify(value) + '\n')
  // Libraries that print with console.log must not mix into the JSON lines.
  console.log = console.error
  const { values } = parseArgs({
    options: { script: { type: 'string' }, summary: { type: 'boolean' }, keep: { type: 'boolean' } },
  })
  if (!values.script) {
    process.stderr.write('usage: npm run simulate -- --script FILE [--summary] [--keep]\n')
    return 2
  }
  let lines
  try {
    lines = parseScenario(readFileSync(values.script, 'utf8'), (name) => !!findJob(name))
  } catch (err) {
    if (err instanceof ScenarioError) {
      process.stderr.write(`simulate: malformed script ${values.script}, ${err.message}\n`)
      return 2
    }
    throw err
  }
  const config = loadConfig()
  quietWechatyLogs(config.WECHATY_LOG)
  const log = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL)
  const db = await startDatabase(config, log)
  const conn = await connectDatabase(db.uri, config.SIMULATE_DATABASE)
  try {
    if (!values.keep) await conn.dropDatabase()
    const repos = createRepos(conn)
    await repos.init()
    const deps = {
      repos,
      clock: manualClock(),
      log,
      tz: config.BOT_TIMEZONE,
      botName: config.BOT_NAME,
      policy: sendPolicyOf(config),
      followUpHours: config.NOTICE_FOLLOW_UP_HOURS,
      auditRetentionDays: config.AUDIT_RETENTION_DAYS,
    }
    await runScenario(lines, deps, out)
    if (values.summary) out({ summary: await scenarioSummary(deps) })
  } finally {
    await conn.close()
    await db.stop()
  }
  return 0
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`simulate: ${err instanceof Error ? err.message : String(err)}\n`)
    process.exit(1)
  },
)
