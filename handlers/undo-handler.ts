import { newestFirst, type LedgerItem } from '../src/domain/ledger'
import { parseIsoDate } from '../src/domain/zoned-time'
import type { Action } from '../src/domain/proposal'
import type { Member } from '../src/domain/entities'
import type { Handler } from './core/composer'
import type { MessageContext } from './core/message-context'
import { senderOf } from './core/guards'
import { UserError } from './core/user-error'
import { describeItem, numberedRecords } from './records-handler'
import { propose } from './core/propose'
import { runActions } from './core/actions'
import { addedLabels } from './core/her-checklist'

/** Her newest record of this year or last; a resolved need is done and never blocks undoing anything else. */
async function newestOf(ctx: MessageContext, member: Member): Promise<LedgerItem | undefined> {
  const years = [ctx.today.year, ctx.today.year - 1]
  const ledgers = await Promise.all(years.map((y) => ctx.repos.progress.ledger(member.id, y)))
  return newestFirst(ledgers.flat()).find((i) => !(i.kind === 'need' && i.status === 'resolved'))
}

const undoOf = (item: LedgerItem, ctx: MessageContext, added: ReadonlyMap<string, string>): Action => ({
  do: 'undo',
  year: parseIsoDate(item.date).year,
  id: item.id,
  what: describeItem(item, ctx, added),
  need: item.kind === 'need',
})

/**
 * #撤销: undoes her newest record at once. #撤销 3: asks first, naming record 3 of #我的记录. The undo
 * is an event of her ledger claimed by the message and keeps its answer, so a replay answers the same.
 */
export const handleUndo: Handler<'undo'> = async (ctx) => {
  const member = senderOf(ctx)
  const { number } = ctx.intent
  const added = await addedLabels(ctx, member.orgId)
  if (number !== undefined) {
    const item = (await numberedRecords(ctx, member))[number - 1]
    if (!item) throw new UserError('notFound', `没有第 ${number} 条记录，发送 #我的记录 看看编号。`)
    await propose(ctx, member, `要撤销第 ${number} 条：${describeItem(item, ctx, added)} 吗？`, [
      { label: '撤销', actions: [undoOf(item, ctx, added)] },
    ])
    return
  }
  const newest = await newestOf(ctx, member)
  if (!newest) {
    await ctx.claim()
    throw new UserError('nothingToUndo', '没有可以撤销的记录。')
  }
  const lines = await runActions(ctx, member, ctx.key, [undoOf(newest, ctx, added)])
  await ctx.reply(lines.join('\n'))
}

/** "刚才记错了，删了吧": what her newest record is, and a question before it goes. */
export async function proposeUndoNewest(ctx: MessageContext, member: Member, prefix = ''): Promise<void> {
  const newest = await newestOf(ctx, member)
  if (!newest) return ctx.reply(`${prefix}没有可以撤销的记录。`)
  const added = await addedLabels(ctx, member.orgId)
  await propose(ctx, member, `${prefix}要撤销最近一条：${describeItem(newest, ctx, added)} 吗？`, [
    { label: '撤销', actions: [undoOf(newest, ctx, added)] },
  ])
}
