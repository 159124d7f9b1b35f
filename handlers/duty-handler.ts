import { formatDate } from '../src/domain/zoned-time'
import type { HandlerContext } from './handler-context'
import type { Command } from '../src/parser/command-types'
import { checklistItem } from '../src/domain/checklist'
import { evaluateProgress, subjectKey } from '../src/domain/progress'
import { formatItemLine } from '../src/domain/format-progress'
import { maskSensitive } from '../src/domain/mask-sensitive'
import { syncProgress } from '../src/services/sync-progress'
import { resolveFamily } from '../src/domain/resolve-family'
import { describeDate, requireDate, requireRecorder } from './record-helpers'
import { UserError } from './handler-context'
import { COMMAND_SPECS } from '../src/parser/command-specs'

/** #联系 #帮扶 #解决 #网群 #社会组织 #公益 #调研 #建议 */
export async function handleDuty(ctx: HandlerContext, cmd: Extract<Command, { type: 'duty' }>): Promise<void> {
  const member = requireRecorder(ctx)
  const date = requireDate(ctx, cmd.date)
  if (!cmd.subject) cmd = await nameTheFamily(ctx, member.id, date.year, cmd)
  const subject = maskSensitive(cmd.subject)
  const before = (await ctx.repos.progress.get(member.id, date.year))?.counts[cmd.kind] ?? 0
  const { created } = await ctx.repos.dutyLogs.insert({
    memberId: member.id,
    year: date.year,
    date: formatDate(date),
    createdAt: ctx.now,
    sourceMessageId: ctx.key,
    kind: cmd.kind,
    subject,
    subjectKey: subjectKey(subject),
    detail: cmd.detail ? maskSensitive(cmd.detail) : null,
  })
  const counts = await syncProgress(ctx.repos, member, date.year, ctx.now)
  const item = checklistItem(cmd.kind)
  const status = evaluateProgress(counts).find((s) => s.key === cmd.kind)!
  const lines = [`✏️ 已记录：${item.label}「${subject}」（${describeDate(date, ctx.today)}）`]
  if (created && item.distinct && counts[cmd.kind] === before) lines.push(`「${subject}」今年已记过，仍按 1 个计算。`)
  if (date.year !== ctx.today.year) lines.push(`这条计入 ${date.year} 年。`)
  lines.push(formatItemLine(status))
  if (status.done && status.count === status.min && counts[cmd.kind] !== before) lines.push('🎉 这一项已达标！')
  await ctx.reply(lines.join('\n'))
}

/** "#解决 王家孩子申请到助学金": splits off the family she has logged, or asks which one she means. */
async function nameTheFamily(
  ctx: HandlerContext,
  memberId: string,
  year: number,
  cmd: Extract<Command, { type: 'duty' }>,
): Promise<Extract<Command, { type: 'duty' }>> {
  const spec = COMMAND_SPECS.find((s) => s.duty === cmd.kind)!
  const families = await ctx.repos.dutyLogs.subjectsSince(memberId, 'poorFamily', year - 1)
  const match = resolveFamily(cmd.detail ?? '', families)
  if (match.ok) return { ...cmd, subject: match.family, detail: match.problem }
  if (match.reason === 'whichFamily')
    throw new UserError(
      `您联系过${match.families.join('、')}，请写上是哪一户，例如 #解决 ${match.families[0]} 协调办理了医保报销`,
    )
  const ask = match.reason === 'noProblem' ? '请写上解决了什么问题' : '请写上家庭和解决的问题，中间用空格隔开'
  throw new UserError(`${ask}，例如 ${spec.example}\n用法：${spec.usage}`)
}
