import { conversationOf } from '../src/domain/proposal'
import type { Handler } from './composer'
import { senderOf } from './guards'
import { runActions, tell } from './actions'
import { acknowledge } from './notice-handler'

/**
 * A lone digit: her answer to the question waiting in this conversation. 0 cancels, n takes option n.
 * With no question waiting, "1" is a receipt of the newest notice (how people answer notices in a group).
 */
export const handleAnswer: Handler<'answer'> = async (ctx) => {
  const conversation = conversationOf(ctx.msg.talkerId, ctx.msg.roomId)
  const waiting = ctx.sender ? await ctx.repos.proposals.get(conversation, ctx.now) : undefined
  const { digit } = ctx.intent
  if (!waiting) {
    if (digit === 1 && (await acknowledge(ctx, undefined, true))) return
    if (ctx.place.type === 'private') await ctx.reply('现在没有需要回复数字的问题。')
    else ctx.outcome = 'ignored'
    return
  }
  const member = senderOf(ctx)
  if (digit === 0) {
    await ctx.claim()
    await ctx.repos.proposals.remove(conversation, waiting.key)
    const binding = waiting.options[0]?.actions.find((a) => a.do === 'bind')
    if (binding?.do === 'bind') {
      await tell(
        ctx,
        binding.contactId,
        `bind-refused:${waiting.key}`,
        `管理员没有确认您是${binding.who}。如有误会，请直接联系本级妇联管理员。`,
      )
      await ctx.reply('好的，没有绑定。')
    } else await ctx.reply('好的，已取消，什么也没记。')
    return
  }
  const option = waiting.options[digit - 1]
  if (!option) {
    await ctx.reply(`请回复 ${waiting.options.map((_o, i) => i + 1).join('、')} 或 0。`)
    return
  }
  const lines = await runActions(ctx, member, waiting.key, option.actions)
  await ctx.repos.proposals.remove(conversation, waiting.key)
  await ctx.reply(lines.join('\n'))
}
