import { WechatyBuilder } from 'wechaty'
import { types, type impls } from 'wechaty-puppet'
import type { WechatyInterface } from 'wechaty/impls'
import type { Repos } from '../src/repos/create-repos'
import type { Clock } from '../src/clock'
import type { Logger } from '../src/logger'
import { createMessageHandler, type Outcome } from '../handlers/handle-message'
import type { UserErrorCode } from '../handlers/core/user-error'
import { introduceInGroup } from '../handlers/room-join-handler'
import { decideFriendRequest } from '../handlers/friendship-handler'
import { notifyLoginRestored } from '../handlers/login-restored-handler'
import { toIncoming } from './message-adapter'
import { createWechatySender, type SentMessage } from './wechaty-sender'
import type { SendPolicy } from '../src/domain/send-policy'
import type { Sender } from '../src/incoming-message'
import type { MessageJournal } from '../src/journal/message-journal'
import type { SendLog } from '../src/services/send-log'
import { startJournalReplayer, type ReplayHealth } from './start-journal-replayer'
import { trackPresence } from './track-presence'
import { lastMessageStamper } from './stamp-last-message'

export interface BotDeps {
  puppet: impls.PuppetInterface
  repos: Repos
  clock: Clock
  log: Logger
  tz: string
  botName: string
  /** Names this bot instance in message claims; the journal keeps it across restarts. */
  instance: string
  /** This account's direct replies, counted toward its send caps. */
  replies: SendLog
  onSent?: (sent: SentMessage) => void
  onHandled?: (messageId: string, outcome: Outcome, ms: number) => void
  /** Told the code of every user error answered (metrics). */
  onUserError?: (code: UserErrorCode) => void
  /** Told the name of a WeChat event whose handling failed (metrics). */
  onEventError?: (event: string) => void
  policy: SendPolicy
  followUpHours: number
  /** The write-ahead journal: commands it holds are handled again after an outage or a crash. */
  journal?: MessageJournal
}

export interface RunningBot {
  wechaty: WechatyInterface
  /** The bot's way out, for the send queue. */
  send: Sender
  isLoggedIn(): boolean
  /** The WeChat account it is logged in as (its user id); undefined while logged out. */
  account(): string | undefined
  /** The journal replayer's state, for /healthz (undefined without a journal). */
  replayHealth(): ReplayHealth | undefined
  /** Resolves when every message received so far has been handled. */
  drain(): Promise<void>
  stop(): Promise<void>
}

/** Wires Wechaty to the handlers; the same code runs over the simulator and over real WeChat. */
export async function createBot(deps: BotDeps): Promise<RunningBot> {
  const { log } = deps
  const wechaty = WechatyBuilder.build({ name: 'fulian-bot', puppet: deps.puppet })
  const send = createWechatySender(wechaty, deps.onSent)
  const handleMessage = createMessageHandler({
    ...deps,
    send,
    now: () => deps.clock.now(),
    noteActive: lastMessageStamper(deps.repos.members, deps.clock),
  })
  const inFlight = new Set<Promise<unknown>>()
  let loggedIn = false

  const track = (work: Promise<unknown>) => {
    inFlight.add(work)
    void work.finally(() => inFlight.delete(work))
  }
  /**
   * The one boundary of every WeChat event but messages (which have theirs, see handle-message): its
   * work is waited for on stop, and a failure is one log line with the event and its details, counted.
   */
  const onEvent = (event: string, details: Record<string, unknown>, work: () => Promise<unknown>) =>
    track(
      work().catch((err) => {
        log.error('wechat event failed', { event, ...details, err })
        deps.onEventError?.(event)
      }),
    )
  trackPresence(wechaty, deps.repos.presence, deps.clock, log, onEvent)

  wechaty.on('message', (message) => {
    track(
      (async () => {
        const started = Date.now()
        try {
          const incoming = await toIncoming(message)
          if (!incoming) return
          const outcome = await handleMessage(incoming)
          deps.onHandled?.(incoming.id, outcome, Date.now() - started)
        } catch (err) {
          log.error('message adapter failed', { messageId: message.id, err })
          deps.onHandled?.(message.id, 'failed', Date.now() - started)
        }
      })(),
    )
  })

  wechaty.on('room-join', (room, invitees) =>
    onEvent('room-join', { roomId: room.id }, async () => {
      if (!invitees.some((c) => c.id === wechaty.currentUser.id)) return
      const intro = await introduceInGroup(deps.repos, room.id, deps.botName)
      if (intro) await room.say(intro)
    }),
  )

  wechaty.on('friendship', (friendship) =>
    onEvent('friendship', {}, async () => {
      if (friendship.type() !== types.Friendship.Receive) return
      const contact = friendship.contact()
      const decision = await decideFriendRequest(
        deps.repos,
        { id: contact.id, name: contact.name() },
        deps.botName,
        deps.clock.now(),
      )
      log.info('friend request', { contactId: contact.id, accept: decision.accept, told: !!decision.say })
      if (!decision.accept) return
      await friendship.accept()
      if (decision.say) await contact.say(decision.say)
    }),
  )

  let loggedOutAt: Date | undefined
  wechaty.on('login', (user) => {
    loggedIn = true
    log.info('wechat login', { userId: user.id })
    const downSince = loggedOutAt
    loggedOutAt = undefined
    if (!downSince) return
    // Back after a drop: admins hear it through the send queue, once for this reconnection.
    onEvent('login', { userId: user.id }, () => notifyLoginRestored(deps.repos, downSince, deps.clock.now()))
  })
  wechaty.on('logout', (user) => {
    loggedIn = false
    loggedOutAt = deps.clock.now()
    log.warn('wechat logout', { userId: user.id })
  })
  wechaty.on('scan', (qrcode, status) => log.info('wechat scan', { status, qrcode }))
  wechaty.on('error', (err) => log.error('wechaty error', { err }))

  await wechaty.start()
  const replayer = deps.journal
    ? startJournalReplayer(
        deps.journal,
        handleMessage,
        log,
        (id, outcome) => deps.onHandled?.(id, outcome, 0),
        () => loggedIn,
      )
    : undefined

  return {
    wechaty,
    send,
    isLoggedIn: () => loggedIn,
    account: () => (loggedIn ? wechaty.currentUser.id : undefined),
    replayHealth: () => replayer?.health(),
    async drain() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight])
    },
    async stop() {
      await replayer?.stop()
      await Promise.allSettled([...inFlight])
      await deps.repos.settle().catch((err) => log.warn('bookkeeping not written at stop', { err }))
      await wechaty.stop()
    },
  }
}
