import type { Known } from '../src/nl/find-known'
import type { LedgerItem } from '../src/domain/ledger'
import type { MessageContext } from './message-context'

const KINDS: Partial<Record<LedgerItem['kind'], Known['kind']>> = {
  representatives: 'representatives',
  poorFamily: 'poorFamily',
  problemSolved: 'poorFamily',
  socialOrg: 'socialOrg',
}

/**
 * The people, families and organisations she has logged this year (and, in the first quarter, last
 * year), and the representatives on her unit's list: the names she writes. From this process's memory
 * of her ledger when it has one.
 */
export async function knownNames(ctx: MessageContext, memberId: string): Promise<Known[]> {
  const years = ctx.today.month <= 3 ? [ctx.today.year, ctx.today.year - 1] : [ctx.today.year]
  const items = (await Promise.all(years.map((y) => ctx.repos.progress.recalled(memberId, y)))).flat()
  const seen = new Map<string, Known>()
  for (const item of items) {
    const kind = KINDS[item.kind]
    if (kind && item.subject && !seen.has(item.subject)) seen.set(item.subject, { subject: item.subject, kind })
  }
  // The federation's list of representatives for her unit: names she will write, logged or not.
  if (ctx.sender?.id === memberId)
    for (const name of await ctx.repos.representatives.namesFor(ctx.sender.orgId))
      if (!seen.has(name)) seen.set(name, { subject: name, kind: 'representatives', listed: true })
  return [...seen.values()]
}

/** How a question names someone it only thinks she means. */
export const knownAs = (k: { subject: string; listed?: true }) =>
  k.listed ? `名单上的「${k.subject}」` : `您记过的「${k.subject}」`
