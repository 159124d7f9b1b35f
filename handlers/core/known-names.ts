import type { Known } from '../../src/nl/find-known'
import { indexKnown, indexListed, withOwn, type KnownIndex } from '../../src/nl/known-index'
import type { LedgerItem } from '../../src/domain/ledger'
import type { MessageContext } from './message-context'

const KINDS: Partial<Record<LedgerItem['kind'], Known['kind']>> = {
  representatives: 'representatives',
  poorFamily: 'poorFamily',
  problemSolved: 'poorFamily',
  socialOrg: 'socialOrg',
}

/**
 * The people, families and organisations she has logged this year (and, in the first quarter, last
 * year): the names she writes. From this process's memory of her ledger when it has one.
 */
export async function loggedNames(ctx: MessageContext, memberId: string): Promise<Known[]> {
  const years = ctx.today.month <= 3 ? [ctx.today.year, ctx.today.year - 1] : [ctx.today.year]
  const items = (await Promise.all(years.map((y) => ctx.repos.progress.recalled(memberId, y)))).flat()
  const seen = new Map<string, Known>()
  for (const item of items) {
    const kind = KINDS[item.kind]
    if (kind && item.subject && !seen.has(item.subject)) seen.set(item.subject, { subject: item.subject, kind })
  }
  return [...seen.values()]
}

/**
 * The names she logged, then the representatives on her unit's lists (her unit's, then those above it)
 * that she has not (names she will write, logged or not), as one index: each unit's list is indexed
 * once and shared by every unit below it, so a message costs lookups, not a pass over 10,000 names.
 */
export async function knownNames(ctx: MessageContext, memberId: string): Promise<KnownIndex> {
  const logged = await loggedNames(ctx, memberId)
  if (ctx.sender?.id !== memberId) return indexKnown(logged)
  const lists = await ctx.repos.representatives.listsFor(ctx.sender.orgId)
  return lists.length ? withOwn(logged, ...lists.map(indexListed)) : indexKnown(logged)
}

/** How a question names someone it only thinks she means. */
export const knownAs = (k: { subject: string; listed?: true }) =>
  k.listed ? `名单上的「${k.subject}」` : `您记过的「${k.subject}」`
