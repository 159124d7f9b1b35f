import type { HandlerContext } from './handler-context'
import { UserError } from './handler-context'
import type { Command } from '../src/parser/command-types'
import { evaluateProgress, emptyCounts } from '../src/domain/progress'
import { formatChecklist } from '../src/domain/format-progress'
import { requireRecorder } from './record-helpers'

/** #进度 [去年|2025]: her whole checklist for the year, plus diary and needs. */
export async function handleProgress(ctx: HandlerContext, cmd: Extract<Command, { type: 'progress' }>): Promise<void> {
  const member = requireRecorder(ctx)
  const year = !cmd.year ? ctx.today.year : 'year' in cmd.year ? cmd.year.year : ctx.today.year - cmd.year.yearsAgo
  if (year > ctx.today.year) throw new UserError(`${year}年还没到，可以发送 #进度 查看今年的进度。`)
  const counts = (await ctx.repos.progress.get(member.id, year))?.counts ?? emptyCounts()
  const lines = [
    year === ctx.today.year ? `📋 ${member.name} ${year}年履职进度` : `📋 ${member.name} ${year}年全年履职情况`,
    formatChecklist(evaluateProgress(counts)),
    `📓 妇情日记 ${counts.diary} 篇`,
    `📌 需求台账 未办结 ${counts.needsOpen} 条，已办结 ${counts.needsResolved} 条`,
  ]
  await ctx.reply(lines.join('\n'))
}
