import type { Repos } from '../src/repos/create-repos'
import type { Clock } from '../src/clock'
import type { Logger } from '../src/logger'
import type { IncomingMessage, Sender } from '../src/incoming-message'
import type { Command } from '../src/parser/command-types'
import { parseCommand, withMissingHash } from '../src/parser/parse-command'
import { toLocal } from '../src/domain/zoned-time'
import { type HandlerContext, type Place, UserError } from './handler-context'
import { dispatchCommand } from './dispatch-command'
import { resolveSender } from './resolve-sender'
import { resolvePlace } from './resolve-place'
import { messageFingerprint } from './message-fingerprint'
import { MESSAGES } from './messages'
import type { SendPolicy } from '../src/domain/send-policy'
import type { MessageJournal } from '../src/journal/message-journal'
import { isDatabaseUnavailable } from '../src/repos/is-database-unavailable'
import { targetOfContact, targetOfRoom } from '../src/services/send-queue'

export interface MessageHandlerDeps {
  repos: Repos
  clock: Clock
  tz: string
  botName: string
  /** Names this process in inbox leases. */
  owner: string
  send: Sender
  log: Logger
  policy: SendPolicy
  followUpHours: number
  /** Write-ahead journal of commands (npm start keeps it under DATA_DIR); without it an outage gets an apology. */
  journal?: MessageJournal
}

/** What happened to one message, for tests, metrics and the scenario runner. */
export type Outcome = 'ignored' | 'duplicate' | 'handled' | 'userError' | 'failed' | 'deferred'

/**
 * The one path every incoming message takes, whichever puppet delivered it: parse, claim, identify,
 * dispatch, reply. Nothing thrown here escapes: a user error gets its sentence, anything else an
 * apology and a log line with the message id.
 */
export function createMessageHandler(deps: MessageHandlerDeps) {
  const { repos, clock, log } = deps

  /** Messages this process is handling right now: a replay or a second delivery waits its turn. */
  const active = new Set<string>()

  return async function handleMessage(msg: IncomingMessage, options: { replay?: boolean } = {}): Promise<Outcome> {
    if (active.has(msg.id)) return 'duplicate'
    active.add(msg.id)
    try {
      return await handleOnce(msg, options)
    } finally {
      active.delete(msg.id)
    }
  }

  async function handleOnce(msg: IncomingMessage, options: { replay?: boolean }): Promise<Outcome> {
    const started = Date.now()
    const toMe = !msg.roomId || msg.mentionsSelf
    let parsed: ReturnType<typeof parseCommand>
    if (msg.kind !== 'text') {
      if (!toMe) return 'ignored'
    } else {
      parsed = parseCommand(msg.text, { botName: deps.botName, requireHash: !toMe })
      if (!parsed && msg.roomId) return 'ignored'
    }
    // Replies go out at once, but count toward the send caps like everything else the account sends.
    const reply = async (text: string) => {
      if (msg.roomId) await deps.send.toRoom(msg.roomId, text, [msg.talkerId])
      else await deps.send.toContact(msg.talkerId, text)
      await deps.journal?.replied(msg.id)
      const target = msg.roomId ? targetOfRoom(msg.roomId) : targetOfContact(msg.talkerId)
      await repos.outbox
        .recordSent(target, 'reply', clock.now())
        .catch((err) => log.warn('reply not recorded', { err }))
    }

    // Write-ahead: once journaled, a database outage or a crash cannot lose the command.
    const journaled = !!deps.journal && (options.replay || (await deps.journal.add(msg)))
    let key: string | undefined
    try {
      const now = clock.now()
      const claim = await repos.inbox.claim(
        { messageId: msg.id, fingerprint: messageFingerprint(msg), owner: deps.owner, reclaimOwn: options.replay },
        now,
      )
      if (!claim.claimed) {
        log.info('message skipped: already handled', { messageId: msg.id, reason: claim.reason })
        // Still in progress elsewhere: stays journaled until it is done, then the replay drops it.
        if (claim.reason === 'done') await deps.journal?.done(msg.id)
        return 'duplicate'
      }
      key = claim.key
      // Answered before the outage or crash: only the bookkeeping is left to do.
      const outcome = deps.journal?.wasReplied(msg.id) ? 'handled' : await run(msg, parsed, key, now, reply)
      await repos.inbox.finish(key, clock.now())
      await deps.journal?.done(msg.id)
      log.info('message handled', {
        messageId: msg.id,
        command: commandName(parsed),
        outcome,
        ms: Date.now() - started,
        ...(options.replay ? { replay: true } : {}),
      })
      return outcome
    } catch (err) {
      if (journaled && (isDatabaseUnavailable(err) || !(await repos.ping()))) {
        log.warn('database unavailable: message kept in the journal for later', { messageId: msg.id })
        return 'deferred'
      }
      log.error('message failed', { messageId: msg.id, command: commandName(parsed), err })
      if (key) await repos.inbox.release(key).catch(() => undefined)
      await deps.journal?.done(msg.id)
      await reply(MESSAGES.apology).catch((e) => log.error('apology not sent', { messageId: msg.id, err: e }))
      return 'failed'
    }
  }

  async function run(
    msg: IncomingMessage,
    parsed: ReturnType<typeof parseCommand>,
    key: string,
    now: Date,
    reply: (text: string) => Promise<void>,
  ): Promise<Outcome> {
    if (msg.kind !== 'text') {
      await reply(MESSAGES.textOnly)
      return 'handled'
    }
    if (!parsed) {
      const line = withMissingHash(msg.text, deps.botName)
      await reply(line ? MESSAGES.addHash(line) : MESSAGES.privateHint(deps.botName))
      return 'handled'
    }
    const place = await resolvePlace(repos, msg)
    if (!answersHere(place, parsed.ok ? parsed.command : undefined)) return 'ignored'
    if (!parsed.ok) {
      await reply(`${parsed.error.message}\n用法：${parsed.error.usage}`)
      return 'userError'
    }
    try {
      const sender = await resolveSender(repos, msg)
      const ctx: HandlerContext = {
        msg,
        key,
        sender,
        place,
        now,
        today: toLocal(now, deps.tz),
        tz: deps.tz,
        botName: deps.botName,
        repos,
        reply,
        log,
        policy: deps.policy,
        followUpHours: deps.followUpHours,
      }
      await dispatchCommand(ctx, parsed.command)
      return 'handled'
    } catch (err) {
      if (!(err instanceof UserError)) throw err
      await reply(err.userMessage)
      return 'userError'
    }
  }
}

/** In a group nobody has bound (and whose name says nothing), the bot stays quiet but for binding and help. */
function answersHere(place: Place, command: Command | undefined): boolean {
  if (place.type === 'private' || place.kind) return true
  return command?.type === 'bind' || command?.type === 'help'
}

function commandName(parsed: ReturnType<typeof parseCommand>): string | undefined {
  if (!parsed) return undefined
  return parsed.ok ? parsed.command.type : `error:${parsed.error.code}`
}
