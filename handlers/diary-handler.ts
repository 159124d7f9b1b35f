import type { Handler } from './core/composer'
import { senderOf } from './core/guards'
import { requireDate } from './core/dates'
import { recordDiary } from './core/record-item'

/** #日记: one women's-situation diary entry. */
export const handleDiary: Handler<'diary'> = async (ctx) => {
  const member = senderOf(ctx)
  const date = requireDate(ctx, ctx.intent.date)
  const lines = await recordDiary(ctx, member, { content: ctx.intent.content, date }, ctx.recordId())
  await ctx.reply(lines.join('\n'))
}
