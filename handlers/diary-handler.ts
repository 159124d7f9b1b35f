import { formatDate } from '../src/domain/zoned-time'
import type { HandlerContext } from './handler-context'
import type { Command } from '../src/parser/command-types'
import { maskSensitive } from '../src/domain/mask-sensitive'
import { syncProgress } from '../src/services/sync-progress'
import { describeDate, requireDate, requireRecorder } from './record-helpers'

/** #日记: one women's-situation diary entry; the content is not echoed into the group. */
export async function handleDiary(ctx: HandlerContext, cmd: Extract<Command, { type: 'diary' }>): Promise<void> {
  const member = requireRecorder(ctx)
  const date = requireDate(ctx, cmd.date)
  await ctx.repos.diaries.insert({
    memberId: member.id,
    year: date.year,
    date: formatDate(date),
    createdAt: ctx.now,
    sourceMessageId: ctx.key,
    content: maskSensitive(cmd.content),
  })
  const counts = await syncProgress(ctx.repos, member, date.year, ctx.now)
  await ctx.reply(`📓 已记下妇情日记（${describeDate(date, ctx.today)}），${date.year}年共 ${counts.diary} 篇。`)
}
