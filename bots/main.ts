/**
 * npm start: the bot (real WeChat with a puppet service token, otherwise the simulator), the HTTP server
 * and the scheduled jobs, on MONGODB_URI or an embedded MongoDB.
 */
import { existsSync } from 'node:fs'
import { loadConfig, ConfigError } from '../src/config'
import { createLogger } from '../src/logger'
import { systemClock } from '../src/clock'
import { startDatabase, DatabaseUnavailableError } from '../src/db/start-database'
import { connectDatabase } from '../src/repos/connect'
import { createRepos } from '../src/repos/create-repos'
import { startServices } from './start-services'
import { JournalInUseError } from '../src/journal/message-journal'
import { quietWechatyLogs } from './quiet-wechaty-logs'

/** `.env` in the directory npm start runs in, when there is one; variables already set win over it. */
function readDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path)
}

async function main(): Promise<void> {
  readDotEnv()
  const config = loadConfig()
  const log = createLogger(config.LOG_LEVEL)
  quietWechatyLogs(config.WECHATY_LOG)
  process.on('unhandledRejection', (err) => log.error('unhandled rejection', { err }))

  const db = await startDatabase(config, log)
  const conn = await connectDatabase(db.uri)
  conn.on('disconnected', () => log.warn('database disconnected'))
  conn.on('reconnected', () => log.info('database reconnected'))
  const repos = createRepos(conn, {
    onBackgroundError: (err) => log.warn('bookkeeping batch not written; the next message writes it again', { err }),
  })
  await repos.init()
  const services = await startServices({ config, repos, clock: systemClock, log })
  if (!config.WECHATY_PUPPET_SERVICE_TOKEN)
    log.info('running with the built-in simulator (no WECHATY_PUPPET_SERVICE_TOKEN set)')

  let stopping = false
  const shutdown = async (signal: string) => {
    if (stopping) return
    stopping = true
    log.info('shutting down', { signal })
    await services.stop()
    await conn.close()
    await db.stop()
    process.exit(0)
  }
  process.on('SIGINT', () => void shutdown('SIGINT'))
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
}

main().catch((err) => {
  if (err instanceof ConfigError || err instanceof DatabaseUnavailableError || err instanceof JournalInUseError) {
    process.stderr.write(`${err.message}\n`)
  } else {
    process.stderr.write(`start-up failed: ${err instanceof Error ? err.stack : String(err)}\n`)
  }
  process.exit(1)
})
