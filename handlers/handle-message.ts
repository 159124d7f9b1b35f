import type { IncomingMessage } from '../src/incoming-message'
import { readIntent } from '../src/parser/read-intent'
import { isDatabaseUnavailable } from '../src/repos/is-database-unavailable'
import { createMessageContext, monotonic, type MessageContext, type MessageDeps, type Outcome } from './message-context'
import { createRoutes } from './routes'
import { AlreadyHandled, UserError } from './user-error'
import { MESSAGES } from './messages'
import { maskSensitive } from '../src/domain/mask-sensitive'

export type { Outcome } from './message-context'

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
export function createMessageHandler(input: MessageDeps) {
  const deps = { ...input, now: monotonic(input.now) }
  const routes = createRoutes()
  const active = new Set<string>()
  // A notice's text as she wrote it, while only its masked copy is journaled: for a replay in this process.
  const asWritten = new Map<string, string>()

  return async function handleMessage(input: IncomingMessage, options: { replay?: boolean } = {}): Promise<Outcome> {
    const text = options.replay ? asWritten.get(input.id) : undefined
    const msg = text === undefined ? input : { ...input, text }
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
    )
    if (!intent) return 'ignored'
    // Being handled here, or handled and waiting for its counts to be saved: a redelivery or a replay waits.
    if (active.has(msg.id)) return 'duplicate'
    active.add(msg.id)
    try {
      const journaled =
        options.replay || (await writeAhead(deps, msg, intent.type === 'notice' ? asWritten : undefined))
      // Answered before a crash or an outage: redo what may be unfinished, without answering again.
      const silent = options.replay && !!deps.journal?.wasReplied(msg.id)
      const ctx = createMessageContext(silent ? { ...deps, send: SILENT } : deps, msg, intent, options)
      const outcome = await boundary(ctx, journaled, () => routes.handle(ctx))
      if (outcome !== 'deferred') {
        asWritten.delete(msg.id)
        await letGo(deps, msg.id)
      }
      deps.log.info('message handled', {
        messageId: msg.id,
        intent: intent.type === 'parseError' ? `parseError:${intent.error.code}` : intent.type,
        outcome,
        ms: Date.now() - started,
        ...(options.replay ? { replay: true } : {}),
      })
      return outcome
    } finally {
      active.delete(msg.id)
    }
  }
}

const SILENT: MessageDeps['send'] = { toRoom: async () => undefined, toContact: async () => undefined }

/** Done: its record and her counts are stored, so the journal lets it go. */
async function letGo(deps: MessageDeps, id: string): Promise<void> {
  try {
    await deps.journal?.done(id)
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
 * gets silence, an unavailable database keeps a journaled message for later, and anything else gets
 * the apology and one log line with the message id.
 */
async function boundary(ctx: MessageContext, journaled: boolean, work: () => Promise<void>): Promise<Outcome> {
  try {
    try {
      await work()
      return ctx.outcome ?? 'handled'
    } catch (err) {
      if (!(err instanceof UserError)) throw err
      await ctx.reply(err.userMessage)
      return 'userError'
    }
  } catch (err) {
    if (err instanceof AlreadyHandled) return 'duplicate'
    if (journaled && isDatabaseUnavailable(err)) {
      ctx.log.warn('database unavailable: message kept in the journal for later', { messageId: ctx.msg.id })
      return 'deferred'
    }
    ctx.log.error('message failed', { messageId: ctx.msg.id, intent: ctx.intent.type, err })
    await apologize(ctx)
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
