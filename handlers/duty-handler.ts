import { formatDate } from '../src/domain/zoned-time'
import type { Command } from '../src/parser/command-types'
import { checklistItem } from '../src/domain/checklist'
import { evaluateProgress, subjectKey } from '../src/domain/progress'
import { formatItemLine } from '../src/domain/format-progress'
import { maskSensitive } from '../src/domain/mask-sensitive'
import { subjectsOf } from '../src/domain/ledger'
import { resolveFamily } from '../src/domain/resolve-family'
import { COMMAND_SPECS } from '../src/parser/command-specs'
import type { Handler } from './composer'
import type { MessageContext } from './message-context'
import { senderOf } from './guards'
import { describeDate, requireDate } from './dates'
import { UserError } from './user-error'

type DutyCommand = Extract<Command, { type: 'duty' }>

/** #联系 #帮扶 #解决 #网群 #社会组织 #公益 #调研 #建议: the record is the message's claim. */
export const handleDuty: Handler<'duty'> = async (ctx) => {
  const member = senderOf(ctx)
  const date = requireDate(ctx, ctx.intent.date)
  const cmd = ctx.intent.subject ? ctx.intent : await nameTheFamily(ctx, member.id, date.year, ctx.intent)
  const subject = maskSensitive(cmd.subject)
  const id = ctx.recordId()
  const key = subjectKey(subject)
  const recorded = await ctx.repos.progress.record(
    member,
    date.year,
    {
      key: id,
      by: ctx.deps.instance,
      messageId: ctx.msg.id,
      change: { add: { id, kind: cmd.kind, subject, key, date: formatDate(date), at: ctx.now.getTime() } },
      text: cmd.detail ? maskSensitive(cmd.detail) : null,
    },
    ctx.now,
  )
  ctx.claimRecord({ created: recorded.created, by: recorded.event.by })
  const { items, counts } = recorded
  const item = checklistItem(cmd.kind)
  const status = evaluateProgress(counts).find((s) => s.key === cmd.kind)!
  const repeat = item.distinct && items.some((i) => i.kind === cmd.kind && i.key === key && i.id !== id)
  const lines = [`✏️ 已记录：${item.label}「${subject}」（${describeDate(date, ctx.today)}）`]
  if (repeat) lines.push(`「${subject}」今年已记过，仍按 1 个计算。`)
  if (date.year !== ctx.today.year) lines.push(`这条计入 ${date.year} 年。`)
  lines.push(formatItemLine(status))
  if (status.done && status.count === status.min && !repeat) lines.push('🎉 这一项已达标！')
  await ctx.reply(lines.join('\n'))
}

/** "#解决 王家孩子申请到助学金": splits off a family from her ledgers, or asks which one she means. */
async function nameTheFamily(
  ctx: MessageContext,
  memberId: string,
  year: number,
  cmd: DutyCommand,
): Promise<DutyCommand> {
  const spec = COMMAND_SPECS.find((s) => s.duty === cmd.kind)!
  const ledgers = await Promise.all([
    ctx.repos.progress.ledger(memberId, year),
    ctx.repos.progress.ledger(memberId, year - 1),
  ])
  const families = [...new Set(ledgers.flatMap((items) => subjectsOf(items, 'poorFamily')))]
  const match = resolveFamily(cmd.detail ?? '', families)
  if (match.ok) return { ...cmd, subject: match.family, detail: match.problem }
  if (match.reason === 'whichFamily')
    throw new UserError(
      'whichFamily',
      `您联系过${match.families.join('、')}，请写上是哪一户，例如 #解决 ${match.families[0]} 协调办理了医保报销`,
    )
  const ask = match.reason === 'noProblem' ? '请写上解决了什么问题' : '请写上家庭和解决的问题，中间用空格隔开'
  throw new UserError('missingArgument', `${ask}，例如 ${spec.example}\n用法：${spec.usage}`)
}
