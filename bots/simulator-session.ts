import { PuppetMock, mock } from 'wechaty-puppet-mock'
import type { types } from 'wechaty-puppet'
import type { Repos } from '../src/repos/create-repos'
import type { Clock } from '../src/clock'
import type { Logger } from '../src/logger'
import type { Outcome } from '../handlers/handle-message'
import { createBot, type RunningBot } from './create-bot'
import { createSimulatorWorld, type SimulatorWorld } from './simulator-world'
import type { SentMessage } from './wechaty-sender'
import { defaultSendPolicy, type SendPolicy } from '../src/domain/send-policy'
import { drainSimulated, type SendQueueDeps } from '../src/services/send-queue'
import type { MessageJournal } from '../src/journal/message-journal'
import { createSendLog } from '../src/services/send-log'
import { randomBytes } from 'node:crypto'

export interface NamedSentMessage {
  room: string | null
  to: string | null
  text: string
  mentions: string[]
  file: string | null
}

export interface SimulatorSession {
  bot: RunningBot
  world: SimulatorWorld
  /** Every message the bot sent, with names instead of ids, in order. */
  sent: NamedSentMessage[]
  /**
   * Sends a message as a person and waits until the bot has fully handled it (and, unless `handledOnly`,
   * until everything else in flight is done too: what a scripted conversation wants).
   */
  say(
    input: {
      from: string
      text: string
      room?: string
      id?: string
      timestamp?: number
      type?: types.Message
    },
    options?: { handledOnly?: boolean },
  ): Promise<Outcome>
  /** Sends everything queued, spacing simulated from `start` (default: the clock) instead of slept. */
  drainQueue(start?: Date): Promise<Date>
  /** What this account's send-queue worker runs with (drainSimulated takes several). */
  queue: SendQueueDeps
  stop(): Promise<void>
}

/**
 * The real bot over the simulator puppet, driven by names: what the scenario runner, the benchmarks and
 * the in-process tests use. Timestamps come from the clock, one millisecond apart per message.
 */
export async function startSimulatorSession(deps: {
  repos: Repos
  clock: Clock
  log: Logger
  tz: string
  botName: string
  /** The bot instance's name in claims (default: the journal's, else a fresh one). */
  instance?: string
  /** The bot's WeChat account id (default: one derived from its name). */
  account?: string
  onSent?: (sent: NamedSentMessage) => void
  policy?: SendPolicy
  followUpHours?: number
  journal?: MessageJournal
  /** People who are the bot's friends before it logs in (as long-time users are). */
  friends?: readonly string[]
}): Promise<SimulatorSession> {
  const policy = deps.policy ?? defaultSendPolicy(deps.tz)
  const mocker = new mock.Mocker()
  const puppet = new PuppetMock({ mocker })
  const world = createSimulatorWorld(mocker, deps.botName, deps.account)
  const sent: NamedSentMessage[] = []
  const waiters = new Map<string, (outcome: Outcome) => void>()
  let tick = 0

  const onSent = (s: SentMessage) => {
    const named: NamedSentMessage = {
      room: s.roomId ? world.nameOf(s.roomId) : null,
      to: s.contactId ? world.nameOf(s.contactId) : null,
      text: s.text,
      mentions: s.mentionContactIds.map(world.nameOf),
      file: s.file,
    }
    sent.push(named)
    deps.onSent?.(named)
  }
  const replies = createSendLog()
  const bot = await createBot({
    ...deps,
    puppet,
    instance: deps.instance ?? deps.journal?.instance ?? `simulator:${randomBytes(4).toString('hex')}`,
    replies,
    onSent,
    policy,
    followUpHours: deps.followUpHours ?? 24,
    onHandled: (id, outcome) => waiters.get(id)?.(outcome),
  })
  for (const name of deps.friends ?? []) world.contact(name)
  await new Promise<void>((resolve) => {
    bot.wechaty.once('login', () => resolve())
    world.login()
  })
  const queue: SendQueueDeps = {
    repos: deps.repos,
    account: world.botId,
    send: bot.send,
    replies,
    policy,
    log: deps.log,
  }

  return {
    bot,
    world,
    sent,
    async say(input, options = {}) {
      const timestamp = input.timestamp ?? deps.clock.now().getTime() + tick++
      let messageId = ''
      const outcome = new Promise<Outcome>((resolve) => {
        messageId = world.say({ ...input, timestamp })
        waiters.set(messageId, resolve)
      })
      const result = await outcome
      waiters.delete(messageId)
      if (!options.handledOnly) await bot.drain()
      return result
    },
    queue,
    drainQueue: (start) => drainSimulated(queue, start ?? deps.clock.now()),
    stop: () => bot.stop(),
  }
}
