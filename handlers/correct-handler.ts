import { numberedRecords } from './records-handler'
import type { Handler } from './core/composer'
import { senderOf } from './core/guards'
import { UserError } from './core/user-error'
import { recordEdit } from './core/record-item'
import { herChecklist } from './core/her-checklist'
import { isCleanFamilyName } from '../src/nl/family-name'
import { maskSensitive } from '../src/domain/mask-sensitive'

/** #改 3 李梅: the record numbered 3 names 李梅 now; it keeps its number, its day and what it counts for. */
export const handleCorrect: Handler<'correct'> = async (ctx) => {
  const member = senderOf(ctx)
  const items = await numberedRecords(ctx, member)
  const item = items[ctx.intent.number - 1]
  if (!item) throw new UserError('notFound', `没有第 ${ctx.intent.number} 条记录，发送 #我的记录 看看编号。`)
  if (item.kind === 'diary' || item.kind === 'need')
    throw new UserError(
      'cannotCorrect',
      `第 ${ctx.intent.number} 条不能改名字，可以 #撤销 ${ctx.intent.number} 后重新记。`,
    )
  if (item.kind === 'added' && !(await herChecklist(ctx, member.orgId)).some((i) => i.key === item.item))
    throw new UserError('cannotCorrect', `第 ${ctx.intent.number} 条这一项已不在本单位的清单里，不能改。`)
  // A family's new name is shown wherever the record is: it must be a name, not a situation (issue 20).
  if ((item.kind === 'poorFamily' || item.kind === 'problemSolved') && !isCleanFamilyName(ctx.intent.subject))
    throw new UserError(
      'familyName',
      `新名字里像是带了家庭情况，没有改。#改 只改家庭名称，请只写名称，例如 #改 ${ctx.intent.number} 王建国家。`,
    )
  const subject = maskSensitive(ctx.intent.subject)
  const lines = await recordEdit(ctx, member, item, subject, ctx.key)
  await ctx.reply(
    [`已把第 ${ctx.intent.number} 条「${maskSensitive(item.subject ?? '')}」改为「${subject}」。`, ...lines].join('\n'),
  )
}
