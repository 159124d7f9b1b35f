import type { IncomingMessage } from '../src/incoming-message'
import { readIntent } from '../src/parser/read-intent'
import type { Intent } from '../src/parser/command-types'
import { createAdmission } from '../src/services/admission'
import { isDatabaseUnavailable } from '../src/repos/is-database-unavailable'
import {
  createMessageContext,
  monotonic,
  type MessageContext,
  type MessageDeps,
  type Outcome,
} from './core/message-context'
import { createRoutes } from './routes'
import type { Router } from './core/composer'
import { AlreadyHandled, UserError } from './core/user-error'
import { MESSAGES } from './core/messages'
import { maskSensitive } from '../src/domain/mask-sensitive'

export type { Outcome } from './core/message-context'

/**
 * The one path every incoming message takes, whichever puppet delivered it:
 *  1. read what it asks (pure; group chatter not for the bot stops here),
 *  2. skip it if this process is handling it right now,
 *  3. on a replay, finish only the bookkeeping if it was answered before a crash,
 *  4. write it ahead to the journal, so an outage or a crash cannot lose it,
 *  5. build its context (its key, the clock, the repositories),
 *  6. find where and who (cached by key), 7. route it through its guards to its handler,
 *  8. which claims it (its record, or a claim row) and answers,
 *  9. while one boundary turns every failure into the right answer, and
 * 10. the journal lets it go unless the database was away (then it is kept for later).
 */
export function createMessageHandler(input: MessageDeps, routes: Router = createRoutes()) {
  const deps = { ...input, now: monotonic(input.now) }
  const active = new Set<string>()
  // Journaled first, then handled a few at a time (see admission): a burst waits in order, safe on disk.
  const admission = createAdmission(input.concurrency ?? 8)
  // A notice's text as she wrote it, while only its masked copy is journaled: for a replay in this process.
  const asWritten = new Map<string, string>()

  async function handleMessage(incoming: IncomingMessage, options: { replay?: boolean } = {}): Promise<Outcome> {
    const text = options.replay ? asWritten.get(incoming.id) : undefined
    const msg = text === undefined ? incoming : { ...incoming, text }
    const started = Date.now()
    const intent = readIntent(
      // Voice input drops the @: a group message that starts with the bot's name is for it too.
      {
        text: msg.text,
        kind: msg.kind,
        toBot: !msg.roomId || msg.mentionsSelf || calledByName(msg.text, deps.botName),
        inGroup: !!msg.roomId,
      },
      deps.botName,
      deps.commands,
    )
    if (!intent) return 'ignored'
    // Being handled here right now: a redelivery (or the replayer) leaves it to the first.
    if (active.has(msg.id)) return 'duplicate'
    active.add(msg.id)
    try {
      const journaled =
        options.replay || (await writeAhead(deps, msg, intent.type === 'notice' ? asWritten : undefined))
      return await admission.run(() => handleNow(msg, intent, journaled, options, started))
    } finally {
      active.delete(msg.id)
    }
  }

  async function handleNow(
    msg: IncomingMessage,
    intent: Intent,
    journaled: boolean,
    options: { replay?: boolean },
    started: number,
  ): Promise<Outcome> {
    // Answered before a crash, an outage or a failed attempt: redo what may be unfinished, silently.
    let answered = options.replay === true && !!deps.journal?.wasReplied(msg.id)
    const send: MessageDeps['send'] = {
      toRoom: (...args) => ((answered = true), deps.send.toRoom(...args)),
      toContact: (...args) => ((answered = true), deps.send.toContact(...args)),
    }
    let outcome: Outcome | 'unavailable'
    let wroteHers = false
    for (let attempt = 1; ; attempt++) {
      // A second attempt, like a replay, finishes what this instance's first one claimed.
      const ctx = createMessageContext({ ...deps, send: answered ? SILENT : send }, msg, intent, {
        replay: options.replay || attempt > 1,
        onRecorded: () => (wroteHers = true),
      })
      outcome = await boundary(
        ctx,
        () => answered,
        () => routes.handle(ctx),
      )
      if (outcome !== 'unavailable') break
      const delays = deps.retryDelaysMs ?? RETRY_DELAYS_MS
      if (attempt <= delays.length) {
        await new Promise((r) => setTimeout(r, delays[attempt - 1]))
        continue
      }
      // Still away: a journaled message waits for the replayer; without the journal she hears it failed.
      if (journaled) {
        ctx.log.warn('database unavailable: message kept in the journal for later', { messageId: msg.id })
        outcome = 'deferred'
      } else {
        ctx.log.error('database unavailable and no journal: message failed', { messageId: msg.id })
        if (!answered) await apologize(ctx)
        outcome = 'failed'
      }
      break
    }
    if (outcome !== 'deferred') {
      asWritten.delete(msg.id)
      letGo(deps, msg.id)
    }
    if ((outcome === 'handled' || outcome === 'userError') && !wroteHers) deps.noteActive?.(msg.talkerId)
    deps.log.info('message handled', {
      messageId: msg.id,
      intent: intent.type === 'parseError' ? `parseError:${intent.error.code}` : intent.type,
      outcome,
      ms: Date.now() - started,
      ...(options.replay ? { replay: true } : {}),
    })
    return outcome
  }

  return Object.assign(handleMessage, {
    /** Whether this message is being handled here now (the replayer leaves it alone). */
    isHandling: (id: string) => active.has(id),
  })
}

/** A busy or restarting database is tried again in place, a moment later, before the journal keeps it. */
const RETRY_DELAYS_MS = [100, 400, 1_500]

const SILENT: MessageDeps['send'] = { toRoom: async () => undefined, toContact: async () => undefined }

/** Done: its record and her counts are stored, so the journal lets it go. */
function letGo(deps: MessageDeps, id: string): void {
  try {
    deps.journal?.done(id)
  } catch (err) {
    deps.log.error('journal: could not let a message go', { messageId: id, err })
  }
}

/**
 * False when there is no journal, or it is full or failing: the message is then handled without that net.
 * The journal keeps only masked text, whoever wrote it. An admin's notice is sent with its numbers as she
 * wrote them (an office phone), so its text is held in memory (`keep`) until the message is let go: a
 * replay after a database outage sends what she wrote; after a crash only the masked copy is left, and
 * the notice goes out masked, which errs on the side of privacy. The message key is of the masked text,
 * so a replay of the journaled copy is the same message.
 */
async function writeAhead(deps: MessageDeps, msg: IncomingMessage, keep?: Map<string, string>): Promise<boolean> {
  if (!deps.journal) return false
  try {
    const text = maskSensitive(msg.text)
    if (keep && text !== msg.text) keep.set(msg.id, msg.text)
    return await deps.journal.add({ ...msg, text })
  } catch (err) {
    deps.log.error('journal write failed; handling the message without it', { messageId: msg.id, err })
    return false
  }
}

/**
 * The one error boundary: a user's mistake gets its sentence, another delivery of a handled message
 * gets silence, a database that cannot do it just now is tried again (see above), and anything else gets
 * the apology (unless she was answered already) and one log line with the message id.
 */
async function boundary(
  ctx: MessageContext,
  answered: () => boolean,
  work: () => Promise<void>,
): Promise<Outcome | 'unavailable'> {
  try {
    try {
      await work()
      return ctx.outcome ?? 'handled'
    } catch (err) {
      if (!(err instanceof UserError)) throw err
      ctx.log.info('user error', { messageId: ctx.msg.id, intent: ctx.intent.type, code: err.code })
      ctx.deps.onUserError?.(err.code)
      await ctx.reply(err.userMessage)
      return 'userError'
    }
  } catch (err) {
    if (err instanceof AlreadyHandled) return 'duplicate'
    if (isDatabaseUnavailable(err)) return 'unavailable'
    ctx.log.error('message failed', { messageId: ctx.msg.id, intent: ctx.intent.type, err })
    if (!answered()) await apologize(ctx)
    return 'failed'
  }
}

/** Sent without a claim: the claim itself may be what failed. */
async function apologize(ctx: MessageContext): Promise<void> {
  const { msg, deps } = ctx
  try {
    if (msg.roomId) await deps.send.toRoom(msg.roomId, MESSAGES.apology, [msg.talkerId])
    else await deps.send.toContact(msg.talkerId, MESSAGES.apology)
  } catch (err) {
    ctx.log.error('apology not sent', { messageId: msg.id, err })
  }
}

/**
 * "妇联助手，帮我记…", "妇联助手今天上午去看了刘翠花" (voice input drops the @) speak to the bot;
 * "妇联助手这个东西好用不", "妇联助手是干啥的" speak about it.
 */
function calledByName(text: string, botName: string): boolean {
  const t = text.trimStart()
  if (!t.startsWith(botName)) return false
  const rest = t.slice(botName.length)
  return /^[\s,，:：]/.test(rest) || !/^(?:这|那|是|的|好用|挺|真|太|咋|怎|能不能|会不会|有没有|靠谱|还)/.test(rest)
}
