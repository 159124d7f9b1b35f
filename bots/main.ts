/**
 * npm start: the bot (real WeChat with a puppet service token, otherwise the simulator), the HTTP server
 * and the scheduled jobs, on MONGODB_URI or an embedded MongoDB.
 */
import { hostname } from 'node:os'
import { randomBytes } from 'node:crypto'
import type { Server } from 'node:http'
import { loadConfig, ConfigError, sendPolicyOf } from '../src/config'
import { createLogger } from '../src/logger'
import { systemClock } from '../src/clock'
import { startDatabase, DatabaseUnavailableError } from '../src/db/start-database'
import { connectDatabase } from '../src/repos/connect'
import { createRepos } from '../src/repos/create-repos'
import { createApp } from '../src/http/create-app'
import { JOBS } from '../jobs'
import { createPuppet } from './create-puppet'
import { createBot } from './create-bot'
import { createSimulatorWorld } from './simulator-world'
import { startQueueWorker } from './start-queue-worker'
import { startScheduler } from './start-scheduler'
import { quietWechatyLogs } from './quiet-wechaty-logs'

async function main(): Promise<void> {
  const config = loadConfig()
  const log = createLogger(config.LOG_LEVEL)
  quietWechatyLogs()
  process.on('unhandledRejection', (err) => log.error('unhandled rejection', { err }))

  const db = await startDatabase(config, log)
  const conn = await connectDatabase(db.uri)
  conn.on('disconnected', () => log.warn('database disconnected'))
  conn.on('reconnected', () => log.info('database reconnected'))
  const repos = createRepos(conn)
  await repos.init()

  const choice = createPuppet(config)
  const owner = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`
  const bot = await createBot({
    puppet: choice.puppet,
    repos,
    clock: systemClock,
    log,
    tz: config.BOT_TIMEZONE,
    botName: config.BOT_NAME,
    owner,
    policy: sendPolicyOf(config),
    followUpHours: config.NOTICE_FOLLOW_UP_HOURS,
  })
  if (choice.kind === 'simulator') {
    createSimulatorWorld(choice.mocker, config.BOT_NAME).login()
    log.info('running with the built-in simulator (no WECHATY_PUPPET_SERVICE_TOKEN set)')
  }

  const app = createApp({ ping: repos.ping, wechatLoggedIn: bot.isLoggedIn, log })
  const server: Server = app.listen(config.PORT, () => log.info('http listening', { port: config.PORT }))
  const queue = startQueueWorker({ repos, send: bot.send, policy: sendPolicyOf(config), log }, systemClock)
  const scheduler = startScheduler(
    JOBS,
    config.BOT_TIMEZONE,
    () => ({
      repos,
      now: systemClock.now(),
      tz: config.BOT_TIMEZONE,
      log,
      force: false,
      followUpHours: config.NOTICE_FOLLOW_UP_HOURS,
    }),
    owner,
    log,
  )

  let stopping = false
  const shutdown = async (signal: string) => {
    if (stopping) return
    stopping = true
    log.info('shutting down', { signal })
    scheduler.stop()
    await queue.stop()
    server.close()
    await bot.stop().catch((err) => log.error('bot stop failed', { err }))
    await conn.close()
    await db.stop()
    process.exit(0)
  }
  process.on('SIGINT', () => void shutdown('SIGINT'))
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
}

main().catch((err) => {
  if (err instanceof ConfigError || err instanceof DatabaseUnavailableError) {
    process.stderr.write(`${err.message}\n`)
  } else {
    process.stderr.write(`start-up failed: ${err instanceof Error ? err.stack : String(err)}\n`)
  }
  process.exit(1)
})
