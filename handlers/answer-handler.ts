import type { PendingQuestion } from '../src/domain/proposal'
import { conversationOf } from '../src/domain/proposal'
import { toLocal } from '../src/domain/zoned-time'
import type { Handler } from './core/composer'
import type { MessageContext } from './core/message-context'
import { senderOf } from './core/guards'
import { runActions } from './core/actions'
import { tell } from './core/tell'
import { acknowledge } from './ack-handler'

/**
 * A lone digit (or "2-1"): her answer to a question waiting in this conversation. 0 cancels, n takes
 * option n. One question waiting: the digit is for it. Several: "2-1" says which, and a bare digit is
 * met with the list, never guessed. With no question waiting, "1" is a receipt of the newest notice (how
 * people answer notices in a group).
 */
export const handleAnswer: Handler<'answer'> = async (ctx) => {
  const { digit, question } = ctx.intent
  const open = ctx.sender ? await waitingHere(ctx, ctx.sender.id) : []
  if (open.length === 0) {
    if (digit === 1 && question === undefined && (await acknowledge(ctx, undefined, true))) return
    if (ctx.place.type === 'private') await ctx.reply('现在没有需要回复数字的问题。')
    else ctx.outcome = 'ignored'
    return
  }
  const waiting = question !== undefined ? open.find((q) => q.n === question) : open.length === 1 ? open[0] : undefined
  if (!waiting) return ctx.reply(whichQuestion(open, question))
  const member = senderOf(ctx)
  const year = toLocal(new Date(waiting.createdAt), ctx.deps.tz).year
  if (digit === 0) {
    await ctx.claim()
    await ctx.repos.questions.dismiss(member, year, waiting.key)
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
    const code = (d: number) => (open.length === 1 ? `${d}` : `${waiting.n}-${d}`)
    await ctx.reply(`请回复 ${waiting.options.map((_o, i) => code(i + 1)).join('、')} 或 ${code(0)}。`)
    return
  }
  const lines = await runActions(ctx, member, waiting.key, option.actions, { year, key: waiting.key })
  await ctx.reply(lines.join('\n'))
}

/** The questions waiting in this conversation (this year's, and in January last year's too). */
export function waitingHere(ctx: MessageContext, memberId: string): Promise<PendingQuestion[]> {
  const years = ctx.today.month === 1 ? [ctx.today.year, ctx.today.year - 1] : [ctx.today.year]
  return ctx.repos.questions.waiting(memberId, years, conversationOf(ctx.msg.talkerId, ctx.msg.roomId), ctx.now)
}

/** Several questions wait and her digit did not say which: list them, ask for "问题号-选项". */
function whichQuestion(open: readonly PendingQuestion[], asked: number | undefined): string {
  const head =
    asked === undefined
      ? `您有 ${open.length} 个问题在等回复，请在数字前加上问题号：`
      : `没有第 ${asked} 个问题在等您回复。在等回复的是：`
  const list = open.map((q) => `第 ${q.n} 个：${q.text.split('\n')[0]}`)
  const first = open[0]!.n
  return [head, ...list, `例如回复 ${first}-1 确认第 ${first} 个，${first}-0 取消它。`].join('\n')
}
