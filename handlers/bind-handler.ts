import type { HandlerContext } from './handler-context'
import { UserError } from './handler-context'
import type { Command } from '../src/parser/command-types'
import { MESSAGES } from './messages'

const KIND_NAMES = { executive: '执委工作交流群', constituent: '联系群众群' } as const

/** #绑定 执委群|群众群: an admin tells the bot what this group is and which unit it belongs to. */
export async function handleBind(ctx: HandlerContext, cmd: Extract<Command, { type: 'bind' }>): Promise<void> {
  if (ctx.place.type !== 'group') throw new UserError(MESSAGES.groupOnly)
  if (!ctx.sender || ctx.sender.role !== 'admin') throw new UserError(MESSAGES.adminOnly)
  await ctx.repos.groups.bind(
    {
      roomId: ctx.place.roomId,
      topic: ctx.place.topic,
      kind: cmd.kind,
      orgId: ctx.sender.orgId,
      boundBy: ctx.sender.id,
    },
    ctx.now,
  )
  const org = await ctx.repos.orgs.findById(ctx.sender.orgId)
  const tail =
    cmd.kind === 'executive'
      ? '执委们可以在这里记录履职事项，发送 #帮助 查看用法。'
      : '我会在这里转发通知，不会公开任何人的履职记录。'
  await ctx.reply(`已将本群设为【${KIND_NAMES[cmd.kind]}】（${org?.name ?? '本单位'}）。${tail}`)
}
