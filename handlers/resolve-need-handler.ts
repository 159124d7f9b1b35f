import { needNumbered, takenBy } from './need-numbered'
import type { Member, Need } from '../src/domain/entities'
import { hasChecklist } from '../src/domain/entities'
import { parseIsoDate } from '../src/domain/zoned-time'
import type { Handler } from './core/composer'
import { senderOf } from './core/guards'
import { UserError } from './core/user-error'

/** A constituent's need nobody has taken: an executive of its unit takes it before she resolves it. */
const mustTakeFirst = (need: Need, sender: Member) =>
  need.asker !== null && need.memberId === null && hasChecklist(sender) && sender.orgId === need.orgId

/** #办结: the executive whose need it is, or a chair or admin above its unit, closes a need. */
export const handleResolveNeed: Handler<'resolveNeed'> = async (ctx) => {
  const sender = senderOf(ctx)
  const { number } = ctx.intent
  const need = await needNumbered(ctx, number)
  if (mustTakeFirst(need, sender))
    throw new UserError('notTaken', `${number} 号需求还没有人认领，请先发 #认领 ${number}，办好后再 #办结 ${number}。`)
  const allowed =
    need.memberId === sender.id ||
    (sender.role !== 'executive' && (await ctx.repos.orgs.isWithin(need.orgId, sender.orgId)))
  if (!allowed) {
    if (need.asker && need.memberId) throw await takenBy(ctx, need, need.memberId)
    throw new UserError('notYours', `${number} 号需求不是您登记的，请由登记人或上级主席、管理员办结。`)
  }
  await ctx.claim()
  const changed = await ctx.repos.needs.resolve(number, sender.id, ctx.now)
  const holder = !need.memberId
    ? undefined
    : need.memberId === sender.id
      ? sender
      : await ctx.repos.members.findById(need.memberId)
  if (holder)
    await ctx.repos.progress.record(
      holder,
      parseIsoDate(need.date).year,
      {
        key: ctx.recordId(),
        by: ctx.deps.instance,
        messageId: ctx.msg.id,
        change: { resolve: need.itemId ?? need.id },
      },
      ctx.now,
    )
  await ctx.reply(changed ? `✅ ${number} 号需求已办结，辛苦了！` : `${number} 号需求已经办结过了。`)
}
