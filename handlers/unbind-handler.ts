import { findMember, withUnit } from './find-member'
import type { Handler } from './core/composer'
import { senderOf } from './core/guards'
import { propose } from './core/propose'

/** #解绑 姓名 [单位]: asks first, then takes her WeChat ids off. */
export const handleUnbind: Handler<'unbind'> = async (ctx) => {
  const admin = senderOf(ctx)
  const member = await findMember(ctx, ctx.intent.name, ctx.intent.org, await ctx.repos.orgs.subtreeIds(admin.orgId))
  const who = await withUnit(ctx, member)
  if (member.contactIds.length === 0) {
    await ctx.reply(`${who}还没有绑定微信。`)
    return
  }
  await propose(ctx, admin, `要解除${who}绑定的 ${member.contactIds.length} 个微信吗？解除后她要重新绑定才能用。`, [
    { label: '解除', actions: [{ do: 'unbind', memberId: member.id, who }] },
  ])
}
