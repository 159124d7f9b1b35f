import type { Handler } from './core/composer'
import { senderOf } from './core/guards'
import { UserError } from './core/user-error'
import { dutyReports } from '../src/services/duty-reports'
import { dutyReportDocx } from '../src/services/duty-report-docx'
import { targetOfContact } from '../src/services/send-queue'
import { outsideQuiet } from '../src/domain/send-policy'
import { toLocal } from '../src/domain/zoned-time'

/**
 * #述职 [去年|2025]: her 述职报告 for the year, written from her own records, as a Word file she can
 * edit. Private chat only: it names the families and needs she has worked on. The file goes through the
 * send queue (once per message: its key), as the weekly chart does; the answer says it is coming.
 */
export const handleDutyReport: Handler<'dutyReport'> = async (ctx) => {
  const member = senderOf(ctx)
  if (ctx.place.type === 'group')
    throw new UserError('privateOnly', '述职报告里有您走访的家庭和需求，只能私聊发送。请私聊我发送 #述职。')
  const asked = ctx.intent.year
  const year = !asked ? ctx.today.year : 'year' in asked ? asked.year : ctx.today.year - asked.yearsAgo
  if (year > ctx.today.year) throw new UserError('futureYear', `${year}年还没到，可以发送 #述职 生成今年的述职报告。`)
  const [report] = await dutyReports(ctx.repos, [member], year, ctx.now, ctx.deps.tz)
  const data = await dutyReportDocx([report!])
  await ctx.repos.outbox.enqueue(
    [
      {
        dedupeKey: `duty-report:${ctx.key}`,
        kind: 'duty-report',
        target: targetOfContact(ctx.msg.talkerId),
        text: '',
        file: { name: `${year}年述职报告（${member.name}）.docx`, data },
        notBefore: ctx.now,
      },
    ],
    ctx.now,
  )
  // Early in a year the review is usually of the one before.
  const lastYear = !asked && ctx.today.month <= 2 ? `\n要生成${year - 1}年的，请发送 #述职 去年。` : ''
  // The queue sends nothing in the quiet hours of the night: say when it will come.
  const sendsAt = outsideQuiet(ctx.now, ctx.deps.policy, false)
  const at = toLocal(sendsAt, ctx.deps.tz)
  const pad = (n: number) => String(n).padStart(2, '0')
  const when =
    sendsAt.getTime() <= ctx.now.getTime()
      ? '马上发给您'
      : `夜里不发消息，${at.month}月${at.day}日 ${pad(at.hour)}:${pad(at.minute)} 后发给您`
  await ctx.reply(
    `📄 ${member.name}，您的${year}年度述职报告（Word 文件）${when}。` +
      '基本情况、履职清单完成情况和妇情日记摘要已按您的记录写好，“存在的不足和明年打算”请您自己填写。' +
      lastYear,
  )
}
