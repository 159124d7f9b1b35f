import { readMessage } from '../src/nl/read-message'
import { hasChecklist } from '../src/domain/entities'
import { conversationOf } from '../src/domain/proposal'
import { maskSensitive } from '../src/domain/mask-sensitive'
import { MESSAGE_LIMITS } from '../src/domain/vocabulary'
import type { Handler, IntentContext } from './core/composer'
import { knownNames } from './core/known-names'
import { pickHint, proposalOf } from './core/reading-proposal'
import { proposePrivately } from './core/propose'
import { readInsideAdded } from './core/added-sentence'

/** At most one such question an hour for each executive, unless she answered the last one. */
export const GROUP_QUESTION_GAP_MS = 60 * 60_000

/**
 * A report posted in an executives' group without @ ("今天走访了代表刘翠花…[强]"), typed or by voice: if
 * a registered executive wrote it and it reads as something she did, she is asked in private chat
 * whether to record it. Nothing is ever said in the group: chatter, questions, receipts, notices passed
 * on and anything the reader is unsure of stay unanswered. She can turn it off for herself
 * (#设置 群里自动记 关) and an admin for a group (#设置 本群自动记 关).
 */
export const handleGroupReport: Handler<'groupReport'> = async (ctx) => {
  if (!(await mayAsk(ctx))) {
    ctx.outcome = 'ignored'
    return
  }
  const member = ctx.sender!
  const reading = readMessage(ctx.intent.text, {
    today: ctx.today,
    known: await knownNames(ctx, member.id),
    botName: ctx.deps.botName,
    strict: true,
  })
  if (reading.type !== 'records' || reading.items.length > MESSAGE_LIMITS.items) {
    ctx.outcome = 'ignored'
    return
  }
  const subjects = reading.items.map((i) => ('subject' in i ? i.subject : ''))
  if (await readInsideAdded(ctx, member, ctx.intent.text, subjects)) {
    ctx.outcome = 'ignored'
    return
  }
  const { lines, note, options } = await proposalOf(ctx, member, reading, false)
  const said = maskSensitive(ctx.intent.text.replace(/\s+/g, ' ').trim())
  const quoted = said.length > 40 ? `${said.slice(0, 40)}…` : said
  const question = `您在群里${ctx.intent.heard ? '语音' : ''}说的“${quoted}”要记下吗？我理解为${note}：\n${lines.join('\n')}`
  await proposePrivately(ctx, member, question, options, pickHint(reading.items.length))
}

/** A registered executive with a checklist, in a bound executives' group, with nothing turned off, not asked lately. */
async function mayAsk(ctx: IntentContext<'groupReport'>): Promise<boolean> {
  const member = ctx.sender
  const place = ctx.place
  if (!member || !hasChecklist(member) || member.groupAutoRecordOff) return false
  if (place.type !== 'group' || place.kind !== 'executive' || !place.orgId) return false
  if ((await ctx.repos.groups.findByRoomId(place.roomId))?.autoRecordOff) return false
  const waiting = await ctx.repos.questions.waiting(
    member.id,
    [ctx.today.year],
    conversationOf(ctx.msg.talkerId, undefined),
    ctx.now,
  )
  const mine = `${ctx.msg.talkerId}@`
  return !waiting.some(
    (q) => q.from.startsWith(mine) && ctx.now.getTime() - new Date(q.createdAt).getTime() < GROUP_QUESTION_GAP_MS,
  )
}
