import { formatDate } from '../src/domain/zoned-time'
import type { HandlerContext } from './handler-context'
import { UserError } from './handler-context'
import type { Command } from '../src/parser/command-types'
import { maskSensitive } from '../src/domain/mask-sensitive'
import { syncProgress } from '../src/services/sync-progress'
import { parseIsoDate } from '../src/domain/zoned-time'
import { MESSAGES } from './messages'
import { requireRecorder } from './record-helpers'

/** #需求: opens a need in the ledger. Its content is about a constituent, so only private chat echoes it. */
export async function handleNeed(ctx: HandlerContext, cmd: Extract<Command, { type: 'need' }>): Promise<void> {
  const member = requireRecorder(ctx)
  const content = maskSensitive(cmd.content)
  const { record } = await ctx.repos.needs.open({
    memberId: member.id,
    orgId: member.orgId,
    year: ctx.today.year,
    date: formatDate(ctx.today),
    createdAt: ctx.now,
    sourceMessageId: ctx.key,
    content,
  })
  await syncProgress(ctx.repos, member, record.year, ctx.now)
  const echo = ctx.place.type === 'private' ? `：${content}` : ''
  await ctx.reply(`📌 已登记需求 ${record.number} 号${echo}\n办结后发送 #办结 ${record.number}`)
}

/** #办结: the executive who opened it, or a chair or admin above her unit, closes a need. */
export async function handleResolveNeed(
  ctx: HandlerContext,
  cmd: Extract<Command, { type: 'resolveNeed' }>,
): Promise<void> {
  const sender = ctx.sender
  if (!sender) throw new UserError(MESSAGES.stranger)
  if (ctx.place.type === 'group' && ctx.place.kind === 'constituent') throw new UserError(MESSAGES.privacy)
  const need = await ctx.repos.needs.findByNumber(cmd.number)
  if (!need) throw new UserError(`没有找到 ${cmd.number} 号需求，请检查编号。`)
  const allowed =
    need.memberId === sender.id ||
    (sender.role !== 'executive' && (await ctx.repos.orgs.isWithin(need.orgId, sender.orgId)))
  if (!allowed) throw new UserError(`${cmd.number} 号需求不是您登记的，请由登记人或上级主席、管理员办结。`)
  const changed = await ctx.repos.needs.resolve(cmd.number, sender.id, ctx.now)
  const opener = need.memberId === sender.id ? sender : await ctx.repos.members.findById(need.memberId)
  if (opener) await syncProgress(ctx.repos, opener, parseIsoDate(need.date).year, ctx.now)
  await ctx.reply(changed ? `✅ ${cmd.number} 号需求已办结，辛苦了！` : `${cmd.number} 号需求已经办结过了。`)
}
