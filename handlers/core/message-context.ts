import { createHash } from 'node:crypto'
import { maskSensitive } from '../../src/domain/mask-sensitive'
import type { Repos } from '../../src/repos/create-repos'
import type { Member } from '../../src/domain/entities'
import type { IncomingMessage, Sender } from '../../src/incoming-message'
import type { Intent, GroupKind } from '../../src/parser/command-types'
import type { CommandBook } from '../../src/parser/command-book'
import type { LocalDate } from '../../src/domain/zoned-time'
import type { Logger } from '../../src/logger'
import type { SendPolicy } from '../../src/domain/send-policy'
import type { SendLog } from '../../src/services/send-log'
import type { MessageJournal } from '../../src/journal/message-journal'
import { toLocal } from '../../src/domain/zoned-time'
import { targetOfContact, targetOfRoom } from '../../src/services/send-queue'
import { AlreadyHandled, type UserErrorCode } from './user-error'
import { replyPurpose } from '../../src/domain/reply-budget'

/** The repositories a handler may use; tests pass in-memory ones. */
export type HandlerRepos = Pick<
  Repos,
  | 'orgs'
  | 'members'
  | 'standings'
  | 'groups'
  | 'needs'
  | 'progress'
  | 'claims'
  | 'notices'
  | 'outbox'
  | 'presence'
  | 'questions'
  | 'bindCodes'
  | 'audit'
  | 'representatives'
  | 'misreads'
>

export type Place =
  { type: 'private' } | { type: 'group'; roomId: string; kind: GroupKind | null; orgId: string | null; topic: string }

/** What happened to one message, for tests, metrics and the scenario runner. */
export type Outcome = 'ignored' | 'duplicate' | 'handled' | 'userError' | 'failed' | 'deferred'

/** Everything the message path needs from the outside; one instance per bot process. */
export interface MessageDeps {
  repos: HandlerRepos
  now(): Date
  tz: string
  botName: string
  /** Names this bot instance in claims; kept with its journal, so it survives a restart. */
  instance: string
  send: Sender
  replies: SendLog
  log: Logger
  policy: SendPolicy
  followUpHours: number
  journal?: MessageJournal
  /**
   * Notes that this WeChat id wrote to the bot (the admin's member list), for a message that wrote
   * nothing of hers: a record or a question notes it in her year, in the same write.
   */
  noteActive?: (contactId: string) => void
  /** Told the code of every user error the boundary answers (metrics count them). */
  onUserError?: (code: UserErrorCode) => void
  /** The `#` commands it reads (#帮助 and typo suggestions list the same): the bot's own unless a test adds one. */
  commands?: CommandBook
  /** How many messages are handled at once (the rest wait their turn, journaled); default 8. */
  concurrency?: number
  /** How long to wait before trying a message again when the database could not do it (default in handle-message). */
  retryDelaysMs?: readonly number[]
}

/** What a handler may ask of the routes: send a context down its intent's route, or only check its guards. */
export interface IntentRouter {
  route(ctx: MessageContext): Promise<void>
  /** Runs the route's guards only: throws the refusal the intent itself would get here. */
  allows(ctx: MessageContext): Promise<void>
}

/** Everything a handler may use; it never sees the Wechaty bot. */
export interface MessageContext<I extends Intent = Intent> {
  readonly msg: IncomingMessage
  readonly intent: I
  /** From the message's content: the same for a redelivery and for a second bot account in the group. */
  readonly key: string
  readonly now: Date
  readonly today: LocalDate
  readonly deps: MessageDeps
  readonly repos: HandlerRepos
  readonly log: Logger
  /** Filled in by the first middleware (see routes.ts). */
  place: Place
  sender: Member | undefined
  /** Set by a middleware that decides the bot stays silent. */
  outcome: Outcome | undefined
  /** The waiting question the next record takes away in the same write (see actions.runActions). */
  consume: string | undefined
  /**
   * Claims the message for this instance unless a record already did; throws AlreadyHandled if another
   * did. `value` is kept with the claim (what an undo undid), and the value of this instance's earlier
   * attempt is returned on a replay, so a replay does exactly what the first attempt set out to do.
   */
  claim(value?: string): Promise<string | null>
  /** A record is the message's claim: created, or ours from before a crash, or else AlreadyHandled. */
  claimRecord(result: { created: boolean; by: string }): void
  /** The id of the message's n-th record (1-based). */
  recordId(n?: number): string
  /** Answers her (mentioning her in a group), after claiming the message if nothing has yet. */
  reply(text: string): Promise<void>
  /**
   * The same message read as another intent (a corrected typo, what a sentence asks, a constituent's
   * request): its own route and guards apply to it through `router`; it shares this message's claim, and
   * `note` goes before its first answer.
   */
  withIntent(intent: Intent, note?: string): MessageContext
  /** The routes this message is going through (set by the router): how `withIntent` contexts are routed. */
  router: IntentRouter | undefined
  /**
   * The context for line n of a message of several commands: its own key, so each line is claimed and
   * recorded once, and its answers collected into `lines` instead of sent.
   */
  child(intent: Intent, n: number, lines: string[]): MessageContext
}

/**
 * Same sender, conversation, second and text: the same message, whichever account or delivery brought it.
 * Of the masked text, as the journal keeps it, so a replay from the journal has the same key.
 */
export function messageKey(msg: IncomingMessage): string {
  return createHash('sha256')
    .update([msg.talkerId, msg.roomId ?? '', msg.timestamp, msg.kind, maskSensitive(msg.text)].join('\u0000'))
    .digest('base64url')
}

/**
 * Message times from `clock`, strictly increasing within this process, so that "her newest record" is
 * well defined even for two messages in one millisecond (or under a test's frozen clock).
 */
export function monotonic(clock: () => Date): () => Date {
  let last = 0
  return () => {
    last = Math.max(clock().getTime(), last + 1)
    return new Date(last)
  }
}

export function createMessageContext(
  deps: MessageDeps,
  msg: IncomingMessage,
  intent: Intent,
  options: {
    replay?: boolean
    key?: string
    now?: Date
    collect?: string[]
    /** Called when a record or a question of hers is this message's claim (it wrote her year). */
    onRecorded?: () => void
    /** Shared with the contexts made from this one by `withIntent`: one message, one claim. */
    claim?: { done: boolean }
    /** Put before the first answer (a note on how her words were read). */
    prefix?: string
  } = {},
): MessageContext {
  const now = options.now ?? deps.now()
  const key = options.key ?? messageKey(msg)
  const state = options.claim ?? { done: false }
  let prefix = options.prefix ?? ''
  const accept = (created: boolean, by: string) => {
    // A replay finishes this instance's own earlier attempt; anything else already claimed is not ours.
    if (created || (options.replay && by === deps.instance)) state.done = true
    else throw new AlreadyHandled()
  }
  const ctx: MessageContext = {
    msg,
    intent,
    key,
    now,
    today: toLocal(now, deps.tz),
    deps,
    repos: deps.repos,
    log: deps.log,
    place: msg.roomId
      ? { type: 'group', roomId: msg.roomId, kind: null, orgId: null, topic: msg.roomTopic ?? '' }
      : { type: 'private' },
    sender: undefined,
    outcome: undefined,
    consume: undefined,
    router: undefined,
    async claim(value) {
      if (state.done) return value ?? null
      const result = await deps.repos.claims.claim(`msg:${key}`, deps.instance, now, value ?? null)
      if (result.won) {
        state.done = true
        return value ?? null
      }
      accept(false, result.by)
      return result.value
    },
    claimRecord: (result) => {
      accept(result.created, result.by)
      options.onRecorded?.()
    },
    recordId: (n = 1) => (n === 1 ? key : `${key}#${n}`),
    async reply(said) {
      const text = prefix + said
      prefix = ''
      if (options.collect) return void options.collect.push(text)
      await ctx.claim()
      // Strangers and binding requests spend budgets of their own (domain/reply-budget); past them: silence.
      const purpose = replyPurpose(!!ctx.sender, ctx.intent.type)
      if (!deps.replies.allowReply(purpose, msg.talkerId, msg.roomId ?? null, now)) return
      // Noted before it goes: a replay after a crash never answers her twice (see message-journal).
      await deps.journal?.replied(msg.id)
      if (msg.roomId) await deps.send.toRoom(msg.roomId, text, [msg.talkerId])
      else await deps.send.toContact(msg.talkerId, text)
      deps.replies.record(msg.roomId ? targetOfRoom(msg.roomId) : targetOfContact(msg.talkerId), now, purpose)
    },
    withIntent(next, note) {
      const same = createMessageContext(deps, msg, next, {
        ...options,
        key,
        now,
        claim: state,
        prefix: prefix + (note ?? ''),
      })
      same.place = ctx.place
      same.sender = ctx.sender
      same.router = ctx.router
      return same
    },
    child(childIntent, n, lines) {
      const sub = createMessageContext(deps, msg, childIntent, {
        ...options,
        key: `${key}~${n}`,
        now,
        collect: lines,
      })
      sub.place = ctx.place
      sub.sender = ctx.sender
      sub.router = ctx.router
      return sub
    },
  }
  return ctx
}
