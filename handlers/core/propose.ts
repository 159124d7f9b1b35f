import {
  PROPOSAL_TTL_MS,
  answerLines,
  conversationOf,
  maskOptions,
  type Option,
  type PendingQuestion,
} from '../../src/domain/proposal'
import { maskSensitive } from '../../src/domain/mask-sensitive'
import type { Member } from '../../src/domain/entities'
import type { MessageContext } from './message-context'
import { tell } from './tell'

/**
 * Asks her a question answered with a digit and keeps it in her year (see repos/question-repo): the
 * question is this message's claim. Nothing is recorded until she answers: `1` takes the first option,
 * `0` cancels. Her own earlier question here is replaced (she said it again); when questions raised by
 * others also wait here, this one is numbered ("回复 2-1") so her digit cannot land on another.
 */
export async function propose(
  ctx: MessageContext,
  member: Member,
  question: string,
  options: Option[],
  hint?: string,
): Promise<void> {
  const where = { conversation: conversationOf(ctx.msg.talkerId, ctx.msg.roomId), from: ctx.msg.talkerId }
  await ctx.reply(await ask(ctx, member, question, options, hint, where))
}

/**
 * The same question asked in her private chat about something she wrote in a group (a report posted
 * without @): nothing about it is said in the group. It is kept under her private conversation, raised
 * "from" the group (`${her id}@${room}`), so her own private questions and this one never replace each
 * other, and her "1" in private chat answers it. Sent through the send queue, once per message.
 */
export async function proposePrivately(
  ctx: MessageContext,
  member: Member,
  question: string,
  options: Option[],
  hint?: string,
): Promise<void> {
  const where = {
    conversation: conversationOf(ctx.msg.talkerId, undefined),
    from: groupOrigin(ctx.msg.talkerId, ctx.msg.roomId),
  }
  const text = await ask(ctx, member, question, options, hint, where)
  await tell(ctx, ctx.msg.talkerId, `private-question:${ctx.key}`, text)
}

/** Keeps the question in her year as this message's claim, and words it with its answers, masked. */
async function ask(
  ctx: MessageContext,
  member: Member,
  question: string,
  options: Option[],
  hint: string | undefined,
  where: { conversation: string; from: string },
): Promise<string> {
  const text = maskSensitive(question)
  const asked = await ctx.repos.questions.ask(member, ctx.today.year, {
    key: ctx.key,
    ...where,
    by: ctx.deps.instance,
    text,
    // Stored and shown masked: a waiting question keeps no full phone or ID number.
    options: maskOptions(options),
    createdAt: ctx.now,
    expiresAt: new Date(ctx.now.getTime() + PROPOSAL_TTL_MS),
  })
  ctx.claimRecord({ created: asked.created, by: asked.by })
  const alone = asked.open.length === 1
  const others = alone ? [] : [`（另有 ${asked.open.length - 1} 个问题在等您回复，这是第 ${asked.question.n} 个）`]
  const lines = [
    text,
    ...answerLines(options, asked.question.n, alone),
    ...(hint ? [hint] : []),
    ...others,
    ...replacedLines(asked.replaced),
  ]
  return maskSensitive(lines.join('\n'))
}

/**
 * Her earlier question here, replaced by this one, is said to be gone (ID-12): she may have meant to
 * answer it, and a record she thinks is kept must not vanish without a word.
 */
function replacedLines(replaced: readonly PendingQuestion[]): string[] {
  return replaced.map((q) => {
    const what = q.text.split('\n').find((line) => line.trim() && !/^我理解为/.test(line)) ?? q.text
    const short = what.length > 24 ? `${what.slice(0, 24)}…` : what
    return `（上一个问题“${short.trim()}”不再等回复；要记它，请再发一次。）`
  })
}

/** Who raised a question asked privately about a group message: her, in that group. */
export const groupOrigin = (talkerId: string, roomId: string | undefined) => `${talkerId}@${roomId ?? ''}`
