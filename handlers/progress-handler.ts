import type { HandlerContext } from './handler-context'
import { evaluateProgress, emptyCounts } from '../src/domain/progress'
import { formatChecklist } from '../src/domain/format-progress'
import { requireRecorder } from './record-helpers'

/** #进度: her whole checklist for this year, plus diary and needs. */
export async function handleProgress(ctx: HandlerContext): Promise<void> {
  const member = requireRecorder(ctx)
  const year = ctx.today.year
  const counts = (await ctx.repos.progress.get(member.id, year))?.counts ?? emptyCounts()
  const lines = [
    `📋 ${member.name} ${year}年履职进度`,
    formatChecklist(evaluateProgress(counts)),
    `📓 妇情日记 ${counts.diary} 篇`,
    `📌 需求台账 未办结 ${counts.needsOpen} 条，已办结 ${counts.needsResolved} 条`,
  ]
  await ctx.reply(lines.join('\n'))
}
