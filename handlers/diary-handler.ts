import { formatDate } from '../src/domain/zoned-time'
import { maskSensitive } from '../src/domain/mask-sensitive'
import type { Handler } from './composer'
import { senderOf } from './guards'
import { describeDate, requireDate } from './dates'

/** #日记: one women's-situation diary entry; the content is not echoed into the group. */
export const handleDiary: Handler<'diary'> = async (ctx) => {
  const member = senderOf(ctx)
  const date = requireDate(ctx, ctx.intent.date)
  const id = ctx.recordId()
  const { created, event, counts } = await ctx.repos.progress.record(
    member,
    date.year,
    {
      key: id,
      by: ctx.deps.instance,
      messageId: ctx.msg.id,
      change: { add: { id, kind: 'diary', date: formatDate(date), at: ctx.now.getTime() } },
      text: maskSensitive(ctx.intent.content),
    },
    ctx.now,
  )
  ctx.claimRecord({ created, by: event.by })
  await ctx.reply(`📓 已记下妇情日记（${describeDate(date, ctx.today)}），${date.year}年共 ${counts.diary} 篇。`)
}
