import { recordNeed } from './core/record-item'
import type { Handler } from './core/composer'
import { senderOf } from './core/guards'

/** #需求: opens a need in the ledger. */
export const handleNeed: Handler<'need'> = async (ctx) => {
  const lines = await recordNeed(ctx, senderOf(ctx), ctx.intent.content, ctx.recordId())
  await ctx.reply(lines.join('\n'))
}
