import { evaluateProgress } from '../src/domain/progress'
import { countLedger } from '../src/domain/ledger'
import { formatChecklist } from '../src/domain/format-progress'
import type { Member } from '../src/domain/entities'
import type { Handler } from './core/composer'
import type { MessageContext } from './core/message-context'
import { senderOf } from './core/guards'
import { UserError } from './core/user-error'
import { herChecklist } from './core/her-checklist'

/** #进度 [去年|2025]: her whole checklist for the year, plus diary and needs. */
export const handleProgress: Handler<'progress'> = async (ctx) => {
  const asked = ctx.intent.year
  const year = !asked ? ctx.today.year : 'year' in asked ? asked.year : ctx.today.year - asked.yearsAgo
  if (year > ctx.today.year) throw new UserError('futureYear', `${year}年还没到，可以发送 #进度 查看今年的进度。`)
  await showProgress(ctx, senderOf(ctx), year)
}

export async function showProgress(ctx: MessageContext, member: Member, year: number, prefix = ''): Promise<void> {
  const counts = countLedger(await ctx.repos.progress.ledger(member.id, year))
  const lines = [
    year === ctx.today.year ? `📋 ${member.name} ${year}年履职进度` : `📋 ${member.name} ${year}年全年履职情况`,
    formatChecklist(evaluateProgress(counts, await herChecklist(ctx, member.orgId))),
    `📓 妇情日记 ${counts.diary} 篇`,
    `📌 需求台账 未办结 ${counts.needsOpen} 条，已办结 ${counts.needsResolved} 条`,
  ]
  await ctx.reply(prefix + lines.join('\n'))
}
