import { parseIsoDate } from '../src/domain/zoned-time'
import { recordNeed } from './record-item'
import type { Handler } from './composer'
import { senderOf } from './guards'
import { UserError } from './user-error'

/** #需求: opens a need in the ledger. */
export const handleNeed: Handler<'need'> = async (ctx) => {
  const lines = await recordNeed(ctx, senderOf(ctx), ctx.intent.content, ctx.recordId())
  await ctx.reply(lines.join('\n'))
}

/** #办结: the executive who opened it, or a chair or admin above her unit, closes a need. */
export const handleResolveNeed: Handler<'resolveNeed'> = async (ctx) => {
  const sender = senderOf(ctx)
  const { number } = ctx.intent
  const need = await ctx.repos.needs.findByNumber(number)
  if (!need) throw new UserError('notFound', `没有找到 ${number} 号需求，请检查编号。`)
  const allowed =
    need.memberId === sender.id ||
    (sender.role !== 'executive' && (await ctx.repos.orgs.isWithin(need.orgId, sender.orgId)))
  if (!allowed) throw new UserError('notYours', `${number} 号需求不是您登记的，请由登记人或上级主席、管理员办结。`)
  await ctx.claim()
  const changed = await ctx.repos.needs.resolve(number, sender.id, ctx.now)
  const opener = need.memberId === sender.id ? sender : await ctx.repos.members.findById(need.memberId)
  if (opener)
    await ctx.repos.progress.record(
      opener,
      parseIsoDate(need.date).year,
      { key: ctx.recordId(), by: ctx.deps.instance, messageId: ctx.msg.id, change: { resolve: need.id } },
      ctx.now,
    )
  await ctx.reply(changed ? `✅ ${number} 号需求已办结，辛苦了！` : `${number} 号需求已经办结过了。`)
}
