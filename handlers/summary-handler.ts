import { emptyCounts } from '../src/domain/progress'
import { averageDone } from '../src/domain/standing'
import { formatSummary } from '../src/domain/format-summary'
import { orgStandings } from '../src/services/org-standings'
import type { Handler } from './composer'
import { senderOf } from './guards'
import { UserError } from './user-error'

/**
 * #汇总 [单位]: chairs and admins see their subtree (or a unit within it). An executive gets her own
 * unit's totals without names. Names go only to private chat or an executives' group of that subtree.
 */
export const handleSummary: Handler<'summary'> = async (ctx) => {
  const sender = senderOf(ctx)
  const cmd = ctx.intent
  const isLeader = sender.role !== 'executive'
  const org =
    cmd.org && isLeader ? await ctx.repos.orgs.findByName(cmd.org) : await ctx.repos.orgs.findById(sender.orgId)
  if (!org) throw new UserError('notFound', `没有找到单位“${cmd.org}”。`)
  if (!(await ctx.repos.orgs.isWithin(org.id, sender.orgId)))
    throw new UserError('outOfScope', `${org.name}不在您的管辖范围内。`)

  const standings = await orgStandings(ctx.repos, org.id, ctx.today)
  const progress = await ctx.repos.progress.listForYear(
    ctx.today.year,
    standings.map((s) => s.memberId),
  )
  const byMember = new Map(progress.map((p) => [p.memberId, p.counts]))
  const units = []
  for (const child of await ctx.repos.orgs.children(org.id)) {
    const below = new Set(await ctx.repos.orgs.subtreeIds(child.id))
    const mine = standings.filter((s) => below.has(s.orgId))
    units.push({ name: child.name, executives: mine.length, averageDone: averageDone(mine) })
  }
  const groupInSubtree =
    ctx.place.type === 'group' &&
    ctx.place.kind === 'executive' &&
    !!ctx.place.orgId &&
    (await ctx.repos.orgs.isWithin(ctx.place.orgId, org.id))
  const text = formatSummary({
    orgName: org.name,
    year: ctx.today.year,
    standings,
    counts: standings.map((s) => byMember.get(s.memberId) ?? emptyCounts()),
    units,
    names: !isLeader ? 'leadersOnly' : ctx.place.type === 'private' || groupInSubtree ? 'shown' : 'privateOnly',
  })
  await ctx.reply(text)
}
