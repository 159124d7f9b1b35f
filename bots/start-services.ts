import { join } from 'node:path'
import { openJournal } from '../src/journal/message-journal'
import { createSendLog } from '../src/services/send-log'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { ConfigError, sendPolicyOf, type Config } from '../src/config'
import { isLoopback } from '../src/http/is-loopback'
import type { Logger } from '../src/logger'
import type { Clock } from '../src/clock'
import type { Repos } from '../src/repos/create-repos'
import { createApp } from '../src/http/create-app'
import { createMetrics } from '../src/http/metrics'
import { JOBS } from '../jobs'
import { createPuppet } from './create-puppet'
import { createBot, type RunningBot } from './create-bot'
import { createSimulatorWorld } from './simulator-world'
import { simulatorStore } from './simulator-store'
import { startQueueWorker } from './start-queue-worker'
import { startImportWorker } from './start-import-worker'
import { createSimulatorWeb, seedDemoFederation } from './simulator-web'
import { startScheduler } from './start-scheduler'
import { warmReader } from '../src/parser/warm-reader'

export interface RunningServices {
  bot: RunningBot
  server: Server
  port: number
  stop(): Promise<void>
}

/**
 * Everything `npm start` runs on top of a database: the bot (puppet service or simulator with its chat
 * page), the HTTP server, the send-queue worker and the scheduler. Tests start it on port 0.
 */
export async function startServices(deps: {
  config: Config
  repos: Repos
  clock: Clock
  log: Logger
}): Promise<RunningServices> {
  const { config, repos, clock, log } = deps
  // Whoever reaches the simulator reads the roster and every chat and speaks as anyone.
  if (!config.WECHATY_PUPPET_SERVICE_TOKEN && !isLoopback(config.HTTP_HOST) && !config.SIMULATOR_TOKEN) {
    throw new ConfigError(
      'SIMULATOR_TOKEN',
      `is not set, and HTTP_HOST=${config.HTTP_HOST} would open the built-in simulator (the roster, every chat, speaking as anyone) to other machines. Set SIMULATOR_TOKEN to a secret of at least 16 characters, or leave HTTP_HOST at 127.0.0.1`,
    )
  }
  if (config.ADMIN_TOKEN) await repos.tokens.bootstrap(config.ADMIN_TOKEN, clock.now())
  const metrics = createMetrics()
  const policy = sendPolicyOf(config)
  const choice = createPuppet(config)
  const kept = choice.kind === 'simulator' ? simulatorStore(repos.simulator, log) : undefined
  const world =
    choice.kind === 'simulator'
      ? createSimulatorWorld(choice.mocker, config.BOT_NAME, undefined, kept?.store)
      : undefined
  const web = world ? createSimulatorWeb({ repos, world, botName: config.BOT_NAME }) : undefined
  const warmStarted = performance.now()
  warmReader(config.BOT_NAME)
  log.info('sentence reader warmed', { ms: Math.round(performance.now() - warmStarted) })
  const journal = await openJournal(join(config.DATA_DIR, 'journal', 'inbox.jsonl'))
  const replies = createSendLog()
  const bot = await createBot({
    puppet: choice.puppet,
    repos,
    clock,
    log,
    tz: config.BOT_TIMEZONE,
    botName: config.BOT_NAME,
    instance: journal.instance,
    replies,
    policy,
    followUpHours: config.NOTICE_FOLLOW_UP_HOURS,
    onSent: web?.onSent,
    journal,
    onUserError: (code) => metrics.countUserError(code),
    onEventError: (event) => metrics.countEventError(event),
    onHandled: (_id, outcome, ms) => {
      metrics.countMessage(outcome)
      if (outcome === 'handled' || outcome === 'userError') metrics.observeCommandMs(ms)
    },
  })
  if (world) {
    // The rooms and friends of the last run, before login: the bot lists them then, as real WeChat would.
    world.restore(await repos.simulator.load())
    world.login()
    if (await seedDemoFederation(repos, world, clock.now())) log.info('simulator: seeded a demo federation')
  }

  const app = createApp({
    repos,
    clock,
    tz: config.BOT_TIMEZONE,
    wechatLoggedIn: bot.isLoggedIn,
    journalHealth: bot.replayHealth,
    log,
    metrics,
    simulator: web?.api,
    trustProxy: config.TRUST_PROXY,
    simulatorToken: config.SIMULATOR_TOKEN,
  })
  const server: Server = app.listen(config.PORT, config.HTTP_HOST)
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject))
  const port = (server.address() as AddressInfo).port
  const shown = isLoopback(config.HTTP_HOST)
    ? 'localhost'
    : config.HTTP_HOST.includes(':')
      ? `[${config.HTTP_HOST}]`
      : config.HTTP_HOST
  log.info('http listening', {
    host: config.HTTP_HOST,
    port,
    ...(world ? { simulator: `http://${shown}:${port}/simulator` } : {}),
  })
  const imports = startImportWorker({ repos, clock, log })
  const queue = startQueueWorker({ repos, account: bot.account, send: bot.send, replies, policy, log }, clock)
  const scheduler = startScheduler(
    JOBS,
    config.BOT_TIMEZONE,
    () => ({
      repos,
      now: clock.now(),
      tz: config.BOT_TIMEZONE,
      log,
      force: false,
      followUpHours: config.NOTICE_FOLLOW_UP_HOURS,
      auditRetentionDays: config.AUDIT_RETENTION_DAYS,
    }),
    log,
    (job, ran) => metrics.countJobRun(job, ran),
  )

  return {
    bot,
    server,
    port,
    async stop() {
      scheduler.stop()
      await queue.stop()
      await imports.stop()
      await new Promise((r) => server.close(r))
      await bot.stop().catch((err) => log.error('bot stop failed', { err }))
      await kept?.flush()
      await journal.close()
    },
  }
}
