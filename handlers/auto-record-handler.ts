import type { Handler } from './core/composer'
import { senderOf } from './core/guards'
import { REFUSALS } from './core/messages'
import { UserError } from './core/user-error'

/**
 * #设置 群里自动记 开|关: whether her reports posted in executives' groups without @ are asked about
 * privately (anyone registered, for herself). #设置 本群自动记 开|关: an admin's switch for one group
 * of her scope, for everyone in it.
 */
export const handleAutoRecord: Handler<'autoRecord'> = async (ctx) => {
  const member = senderOf(ctx)
  const { scope, on } = ctx.intent
  if (scope === 'me') {
    await ctx.repos.members.setGroupAutoRecord(member.id, on)
    await ctx.reply(
      on
        ? '好的，您在执委群里说的履职情况，我会私聊问您要不要记。'
        : '好的，您在执委群里说的话我不再自动读了。要记的话请 @我 或私聊我。发 #设置 群里自动记 开 可以恢复。',
    )
    return
  }
  if (member.role !== 'admin') throw REFUSALS.adminOnly()
  if (ctx.place.type !== 'group') throw REFUSALS.groupOnly()
  if (ctx.place.kind !== 'executive' || !ctx.place.orgId)
    throw new UserError('groupNotBound', '请先在执委群里发送 #绑定 执委群。')
  if (!(await ctx.repos.orgs.isWithin(ctx.place.orgId, member.orgId)))
    throw new UserError('outOfScope', '本群不在您管理的范围内，不能改它的设置。')
  await ctx.repos.groups.setAutoRecord(ctx.place.roomId, on)
  await ctx.reply(
    on
      ? '好的，本群执委不 @ 我说的履职情况，我会私聊问她要不要记。'
      : '好的，本群执委不 @ 我说的话，我不再自动读了（@我 或私聊照常）。',
  )
}
