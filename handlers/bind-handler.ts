import type { Handler } from './composer'
import { senderOf } from './guards'

const KIND_NAMES = { executive: '执委工作交流群', constituent: '联系群众群' } as const

/** #绑定 执委群|群众群: an admin tells the bot what this group is and which unit it belongs to. */
export const handleBind: Handler<'bind'> = async (ctx) => {
  const admin = senderOf(ctx)
  const cmd = ctx.intent
  if (ctx.place.type !== 'group') return
  await ctx.repos.groups.bind(
    { roomId: ctx.place.roomId, topic: ctx.place.topic, kind: cmd.kind, orgId: admin.orgId, boundBy: admin.id },
    ctx.now,
  )
  const org = await ctx.repos.orgs.findById(admin.orgId)
  const tail =
    cmd.kind === 'executive'
      ? '执委们可以在这里记录履职事项，发送 #帮助 查看用法。'
      : '我会在这里转发通知，不会公开任何人的履职记录。'
  await ctx.reply(`已将本群设为【${KIND_NAMES[cmd.kind]}】（${org?.name ?? '本单位'}）。${tail}`)
}
