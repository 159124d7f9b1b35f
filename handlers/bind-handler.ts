import type { Handler } from './core/composer'
import { senderOf } from './core/guards'
import { UserError } from './core/user-error'

const KIND_NAMES = { executive: '执委工作交流群', constituent: '联系群众群' } as const

/**
 * #绑定 执委群|群众群 [单位]: an admin tells the bot what this group is and which unit it serves (hers,
 * or one below it). A group already bound to a unit outside her units is not hers to re-bind.
 */
export const handleBind: Handler<'bind'> = async (ctx) => {
  const admin = senderOf(ctx)
  const cmd = ctx.intent
  if (ctx.place.type !== 'group') return
  const scope = await ctx.repos.orgs.subtreeIds(admin.orgId)
  const current = await ctx.repos.groups.findByRoomId(ctx.place.roomId)
  if (current?.orgId && !scope.includes(current.orgId)) {
    const owner = await ctx.repos.orgs.findById(current.orgId)
    throw new UserError('outOfScope', `本群已由${owner?.name ?? '其他单位'}绑定，不在您的管辖范围内，不能更改。`)
  }
  const org = cmd.org ? await ctx.repos.orgs.findByName(cmd.org) : await ctx.repos.orgs.findById(admin.orgId)
  if (!org)
    throw new UserError('notFound', `没有找到单位“${cmd.org}”。请写本单位或下级单位的全称，例如 #绑定 执委群 白庙村`)
  if (!scope.includes(org.id))
    throw new UserError('outOfScope', `“${org.name}”不在您的管辖范围内，不能把本群绑定给它。`)
  await ctx.claim()
  await ctx.repos.groups.bind(
    { roomId: ctx.place.roomId, topic: ctx.place.topic, kind: cmd.kind, orgId: org.id, boundBy: admin.id },
    ctx.now,
  )
  const tail =
    cmd.kind === 'executive'
      ? '执委们可以在这里记录履职事项，发送 #帮助 查看用法。'
      : '我会在这里转发通知，不会公开任何人的履职记录。'
  await ctx.reply(`已将本群设为【${KIND_NAMES[cmd.kind]}】（${org.name}）。${tail}`)
}
