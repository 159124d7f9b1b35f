import type { Handler } from './composer'
import { senderOf } from './guards'
import { requireDate } from './dates'
import { recordDiary } from './record-item'

/** #日记: one women's-situation diary entry. */
export const handleDiary: Handler<'diary'> = async (ctx) => {
  const member = senderOf(ctx)
  const date = requireDate(ctx, ctx.intent.date)
  const lines = await recordDiary(ctx, member, { content: ctx.intent.content, date }, ctx.recordId())
  await ctx.reply(lines.join('\n'))
}
