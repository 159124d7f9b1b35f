import { findDate } from '../src/nl/find-date'
import { conversationOf, type Action, type Option } from '../src/domain/proposal'
import { formatDate, toLocal } from '../src/domain/zoned-time'
import type { Handler } from './core/composer'
import { senderOf } from './core/guards'
import { describeAction } from './core/actions'
import { propose } from './core/propose'
import { describeDate } from './core/dates'

/**
 * "改日期 11月16日": the question waiting here (the newest, when several) is asked again with that day
 * for every dated item in it; nothing is recorded until she answers the new question.
 */
export const handleRedate: Handler<'redate'> = async (ctx) => {
  const member = senderOf(ctx)
  const years = ctx.today.month === 1 ? [ctx.today.year, ctx.today.year - 1] : [ctx.today.year]
  const open = await ctx.repos.questions.waiting(
    member.id,
    years,
    conversationOf(ctx.msg.talkerId, ctx.msg.roomId),
    ctx.now,
  )
  const waiting = [...open].reverse().find((q) => q.options.some((o) => o.actions.some(dated)))
  if (!waiting)
    return ctx.reply('现在没有等您确认的记录可以改日期。已经记下的，发 #我的记录 看编号，再用 #撤销 编号 重新记。')
  const found = findDate(ctx.intent.date, ctx.today)
  if (!found?.ok) return ctx.reply(`“${ctx.intent.date}”我没看懂是哪一天，请写成“改日期 11月16日”或“改日期 上周三”。`)
  const day = formatDate(found.date)
  const options: Option[] = waiting.options.map((o) => ({
    label: o.label,
    actions: o.actions.map((a) => (dated(a) ? ({ ...a, date: day } as Action) : a)),
  }))
  const lines = options[0]!.actions.map(
    (a, i, all) => `${all.length > 1 ? `${i + 1}. ` : ''}${describeAction(a, ctx.today, ctx.place.type === 'group')}`,
  )
  await ctx.repos.questions.dismiss(member, toLocal(new Date(waiting.createdAt), ctx.deps.tz).year, waiting.key)
  await propose(ctx, member, `日期改为${describeDate(found.date, ctx.today)}：\n${lines.join('\n')}`, options)
}

const dated = (a: Action) => a.do === 'duty' || a.do === 'added' || a.do === 'diary'
