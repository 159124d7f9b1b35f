import { itemWithSubject, labelWithSubject } from '../src/domain/checklist'
import { parseIsoDate } from '../src/domain/zoned-time'
import type { LedgerItem } from '../src/domain/ledger'
import type { Member } from '../src/domain/entities'
import type { Handler } from './core/composer'
import type { MessageContext } from './core/message-context'
import { senderOf } from './core/guards'
import { describeDate } from './core/dates'
import { UserError } from './core/user-error'
import { addedLabels } from './core/her-checklist'

/** Her records of this year in the order she made them, numbered from 1: the numbers #撤销 and #改 take. */
export async function numberedRecords(ctx: MessageContext, member: Member): Promise<LedgerItem[]> {
  const items = await ctx.repos.progress.ledger(member.id, ctx.today.year)
  return [...items].sort((a, b) => a.at - b.at)
}

/** One record as her list shows it; `added` names the items her federation added (her-checklist). */
export function describeItem(item: LedgerItem, ctx: MessageContext, added?: ReadonlyMap<string, string>): string {
  const when = describeDate(parseIsoDate(item.date), ctx.today)
  if (item.kind === 'diary') return `妇情日记（${when}）`
  if (item.kind === 'need')
    return `需求 ${item.subject ?? ''}（${item.status === 'resolved' ? '已办结' : '未办结'}，${when}）`
  if (item.kind === 'added')
    return `${labelWithSubject(added?.get(item.item ?? '') ?? '其他项目', item.subject)}（${when}）`
  return `${itemWithSubject(item.kind, item.subject)}（${when}）`
}

const SHOWN = 60

/** #我的记录: her records, numbered; in a group only how many, the list goes to private chat. */
export async function showRecords(ctx: MessageContext, member: Member, prefix = ''): Promise<void> {
  const items = await numberedRecords(ctx, member)
  if (items.length === 0) return ctx.reply(`${prefix}${ctx.today.year}年还没有记录。`)
  if (ctx.place.type === 'group')
    return ctx.reply(`${prefix}您${ctx.today.year}年共有 ${items.length} 条记录。明细请私聊我发送 #我的记录。`)
  const from = Math.max(0, items.length - SHOWN)
  const added = await addedLabels(ctx, member.orgId)
  const lines = items.slice(from).map((item, i) => `${from + i + 1}. ${describeItem(item, ctx, added)}`)
  const more = from > 0 ? [`（只列出最近 ${SHOWN} 条，共 ${items.length} 条）`] : []
  await ctx.reply(
    [
      `${prefix}📒 ${member.name} ${ctx.today.year}年的记录：`,
      ...lines,
      ...more,
      '撤销某条发 #撤销 编号，改名字发 #改 编号 新名字。',
    ].join('\n'),
  )
}

/** #我的记录 and #需求 列表. */
export const handleRecords: Handler<'records'> = async (ctx) => {
  const member = senderOf(ctx)
  if (ctx.intent.which === 'all') return showRecords(ctx, member)
  if (ctx.place.type === 'group')
    throw new UserError('privateOnly', '需求的内容只在私聊里显示，请私聊我发送 #需求 列表。')
  const needs = await ctx.repos.needs.listOf(member.id)
  // Constituents' needs of her unit that nobody has taken yet: hers to take as much as anyone's.
  const waiting = (await ctx.repos.needs.list([member.orgId], 'open')).filter((n) => n.asker && !n.memberId)
  if (needs.length === 0 && waiting.length === 0) return ctx.reply('您还没有登记过需求。')
  const lines = needs.length
    ? [
        '📌 您的需求：',
        ...needs.map((n) => `${n.number} 号（${n.status === 'resolved' ? '已办结' : '未办结'}）：${n.content}`),
      ]
    : ['您还没有登记过需求。']
  if (waiting.length)
    lines.push(
      '📮 群众群转来、还没人认领的：',
      ...waiting.map((n) => `${n.number} 号：${n.content}`),
      '认领发送 #认领 编号。',
    )
  await ctx.reply([...lines, '办结发送 #办结 编号。'].join('\n'))
}
