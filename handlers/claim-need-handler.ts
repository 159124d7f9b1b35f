import { needNumbered, takenBy } from './need-numbered'
import type { Member, Need } from '../src/domain/entities'
import type { Handler } from './core/composer'
import type { MessageContext } from './core/message-context'
import { senderOf } from './core/guards'
import { UserError } from './core/user-error'

/**
 * #认领 12: an executive of the need's unit (or a chair above it who keeps a checklist) takes a
 * constituent's need. The first to claim its round takes it: a unique insert decides, on every
 * MongoDB-compatible server; the need then names her and her year's ledger holds it (open), so her
 * #办结 counts it as resolved by her.
 */
export const handleClaimNeed: Handler<'claimNeed'> = async (ctx) => {
  const sender = senderOf(ctx)
  const { number } = ctx.intent
  const need = await needNumbered(ctx, number)
  if (!need.asker) throw new UserError('notConstituents', `${number} 号需求是执委自己登记的，不用认领。`)
  if (need.memberId && need.memberId !== sender.id) throw await takenBy(ctx, need, need.memberId)
  // Another #认领 of hers (not this one delivered again, which finds its own record below).
  if (need.memberId === sender.id && need.itemId !== ctx.recordId()) return alreadyHers(ctx, sender, need)
  if (need.status === 'resolved') throw new UserError('resolved', `${number} 号需求已经办结了。`)
  const mine =
    sender.orgId === need.orgId ||
    (sender.role !== 'executive' && (await ctx.repos.orgs.isWithin(need.orgId, sender.orgId)))
  if (!mine) {
    const unit = await ctx.repos.orgs.findById(need.orgId)
    throw new UserError('notYourUnit', `${number} 号需求是转给${unit?.name ?? '别的单位'}执委的，您不用认领。`)
  }
  const claim = await ctx.repos.claims.claim(`need-take:${need.id}:${need.round}`, sender.id, ctx.now, ctx.recordId())
  if (!claim.won && claim.by !== sender.id) throw await takenBy(ctx, need, claim.by)
  // Her own claim from an earlier attempt of this message (or of another of hers) names the record.
  const itemId = claim.won ? ctx.recordId() : (claim.value ?? ctx.recordId())
  await ctx.repos.needs.take(need.id, need.round, sender.id, itemId, ctx.now)
  const recorded = await holdInLedger(ctx, sender, need, itemId)
  ctx.claimRecord({ created: recorded.created, by: recorded.event.by })
  await ctx.reply(tookIt(ctx, need))
}

async function alreadyHers(ctx: MessageContext, sender: Member, need: Need): Promise<void> {
  await ctx.claim()
  // Makes sure her year holds it, should an earlier attempt have stopped before writing it there.
  if (need.itemId) await holdInLedger(ctx, sender, need, need.itemId)
  await ctx.reply(`${need.number} 号需求已经由您认领了，办好后发送 #办结 ${need.number}。`)
}

/** The need as an open record of her year, under the id the need names (applied once, however often asked). */
function holdInLedger(ctx: MessageContext, sender: Member, need: Need, itemId: string) {
  return ctx.repos.progress.record(
    sender,
    need.year,
    {
      key: itemId,
      by: ctx.deps.instance,
      messageId: ctx.msg.id,
      change: {
        add: {
          id: itemId,
          kind: 'need',
          subject: `${need.number}号`,
          date: need.date,
          at: ctx.now.getTime(),
          status: 'open',
        },
      },
    },
    ctx.now,
  )
}

/** Her content only in private chat, as with every need. */
function tookIt(ctx: MessageContext, need: Need): string {
  const what = ctx.place.type === 'private' ? `：${need.content}\n提出人：群众群里的“${need.asker?.name ?? ''}”` : ''
  return `✅ 您已认领 ${need.number} 号需求${what}\n请尽快联系她，办好后发送 #办结 ${need.number}。`
}
