import { checklistItem } from '../src/domain/checklist'
import { newestFirst, type LedgerItem } from '../src/domain/ledger'
import { parseIsoDate } from '../src/domain/zoned-time'
import type { Handler } from './composer'
import { senderOf } from './guards'
import { describeDate } from './dates'
import { UserError } from './user-error'

function describe(item: LedgerItem): string {
  if (item.kind === 'diary') return '妇情日记'
  if (item.kind === 'need') return `${item.subject ?? ''}需求`
  return `${checklistItem(item.kind).label}「${item.subject ?? ''}」`
}

/**
 * #撤销: undoes her newest record of this year or last (a resolved need is done and is skipped, so it
 * never blocks undoing anything else). The undo is an event of her ledger, claimed by the message; it
 * keeps the sentence it answers with, so a replay answers the same.
 */
export const handleUndo: Handler<'undo'> = async (ctx) => {
  const member = senderOf(ctx)
  const years = [ctx.today.year, ctx.today.year - 1]
  const ledgers = await Promise.all(years.map((y) => ctx.repos.progress.ledger(member.id, y)))
  const newest = newestFirst(ledgers.flat()).find((i) => !(i.kind === 'need' && i.status === 'resolved'))
  if (!newest) {
    await ctx.claim()
    throw new UserError('nothingToUndo', '没有可以撤销的记录。')
  }
  const note = `↩️ 已撤销：${describe(newest)}（${describeDate(parseIsoDate(newest.date), ctx.today)}）`
  const recorded = await ctx.repos.progress.record(
    member,
    parseIsoDate(newest.date).year,
    { key: ctx.recordId(), by: ctx.deps.instance, messageId: ctx.msg.id, change: { remove: newest.id }, note },
    ctx.now,
  )
  ctx.claimRecord({ created: recorded.created, by: recorded.event.by })
  if (newest.kind === 'need') await ctx.repos.needs.markUndone(newest.id, ctx.now)
  await ctx.reply(recorded.event.note ?? note)
}
