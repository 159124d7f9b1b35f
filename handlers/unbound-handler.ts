import { roleName } from './find-member'
import type { Handler } from './core/composer'
import { senderOf } from './core/guards'

/** #未绑定: who in her units has no WeChat id yet, so gets no reminder and no follow-up. */
export const handleUnbound: Handler<'unbound'> = async (ctx) => {
  const admin = senderOf(ctx)
  const units = await ctx.repos.orgs.subtreeIds(admin.orgId)
  const unbound = await ctx.repos.members.listUnbound(units)
  if (unbound.length === 0) {
    await ctx.reply('本单位及下级的成员都已绑定微信。')
    return
  }
  const orgs = new Map((await ctx.repos.orgs.listByIds(units)).map((o) => [o.id, o.name]))
  const lines = unbound.slice(0, 50).map((m) => `${m.name}（${orgs.get(m.orgId) ?? ''}，${roleName(m)}）`)
  const more = unbound.length > 50 ? `\n……等共 ${unbound.length} 人` : ''
  await ctx.reply(
    `还有 ${unbound.length} 人没绑定微信，收不到日记提醒和通知跟进：\n${lines.join('\n')}${more}\n请她们私聊我发“我是 姓名”，或用 #绑定码 姓名 给她一个绑定码。`,
  )
}
