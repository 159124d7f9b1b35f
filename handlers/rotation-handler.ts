import { weekRange } from '../src/domain/week'
import { formatDate } from '../src/domain/zoned-time'
import type { Handler } from './core/composer'
import { senderOf } from './core/guards'
import { UserError } from './core/user-error'

/** #轮值 张三 李四: executives of her subtree on duty in turn, one a week from this week. */
export const handleRotation: Handler<'rotation'> = async (ctx) => {
  const admin = senderOf(ctx)
  const cmd = ctx.intent
  const orgIds = await ctx.repos.orgs.subtreeIds(admin.orgId)
  const found = await ctx.repos.members.findByNames(cmd.names, orgIds)
  const missing = cmd.names.filter((n) => !found.some((m) => m.name === n))
  if (missing.length) throw new UserError('notFound', `名单里没有找到：${missing.join('、')}。请检查姓名。`)
  const ordered = cmd.names.map((n) => found.find((m) => m.name === n)!)
  await ctx.repos.orgs.setRotation(admin.orgId, {
    memberIds: ordered.map((m) => m.id),
    startMonday: formatDate(weekRange(ctx.today).monday),
  })
  await ctx.reply(
    `已设置执委轮值（每周一人，本周起）：${ordered.map((m) => m.name).join(' → ')}。周报里会公布本周轮值执委。`,
  )
}
