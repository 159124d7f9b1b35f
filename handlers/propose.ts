import { PROPOSAL_TTL_MS, conversationOf, maskOptions, type Option } from '../src/domain/proposal'
import { maskSensitive } from '../src/domain/mask-sensitive'
import type { Member } from '../src/domain/entities'
import type { MessageContext } from './message-context'

/**
 * Asks her a question answered with a digit and keeps it for her conversation (a newer question
 * replaces it). Nothing is recorded until she answers: `1` takes the first option, `0` cancels.
 */
export async function propose(ctx: MessageContext, member: Member, question: string, options: Option[]): Promise<void> {
  await ctx.claim()
  await ctx.repos.proposals.put(conversationOf(ctx.msg.talkerId, ctx.msg.roomId), {
    key: ctx.key,
    memberId: member.id,
    // Stored and shown masked (issue 20): a pending question keeps no full phone or ID number.
    options: maskOptions(options),
    createdAt: ctx.now,
    expiresAt: new Date(ctx.now.getTime() + PROPOSAL_TTL_MS),
  })
  const choices =
    options.length === 1
      ? [`回复 1 ${options[0]!.label}，回复 0 取消`]
      : [...options.map((o, i) => `回复 ${i + 1} ${o.label}`), '回复 0 取消']
  await ctx.reply(maskSensitive([question, ...choices].join('\n')))
}
