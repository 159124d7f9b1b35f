import { withUnit, findMember, roleName } from './find-member'
import type { Handler } from './core/composer'
import { senderOf } from './core/guards'
import { UserError } from './core/user-error'
import { mayIssueBindCode } from '../src/domain/may-issue-bind-code'

/** #绑定码 姓名 [单位]: private chat only, for a member in her units. */
export const handleBindCode: Handler<'bindCode'> = async (ctx) => {
  const admin = senderOf(ctx)
  if (ctx.place.type !== 'private') throw new UserError('privateOnly', '绑定码请私聊我获取，不要在群里发。')
  const member = await findMember(ctx, ctx.intent.name, ctx.intent.org, await ctx.repos.orgs.subtreeIds(admin.orgId))
  if (!mayIssueBindCode(admin.orgId, member))
    throw new UserError('adminOnly', `${roleName(member)}的绑定码要由上级单位的管理员发放。`)
  await ctx.claim()
  const { code } = await ctx.repos.bindCodes.issue(member.id, admin.name, ctx.now)
  await ctx.repos.audit.record({
    at: ctx.now,
    who: admin.name,
    role: admin.role,
    action: 'issue bind code',
    detail: await withUnit(ctx, member),
    orgId: member.orgId,
  })
  await ctx.reply(
    `${await withUnit(ctx, member)}的绑定码：${code}\n请把它交给她本人，让她用自己的微信私聊我发送“绑定码 ${code}”。一天内有效，只能用一次。`,
  )
}
