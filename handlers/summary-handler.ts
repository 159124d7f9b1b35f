import { unitReport } from '../src/services/unit-report'
import { formatSummary } from '../src/domain/format-summary'
import { weeklyView } from '../src/domain/weekly-view'
import { checklistUnion } from '../src/domain/unit-checklist'
import type { Handler } from './core/composer'
import { senderOf } from './core/guards'
import { UserError } from './core/user-error'

/**
 * #汇总 [单位]: chairs and admins see their subtree (or a unit within it). An executive gets her own
 * unit's totals without names. Names go only to private chat or an executives' group of that subtree.
 * One report off the standings (see unit-report) whatever the number of sub-units.
 */
export const handleSummary: Handler<'summary'> = async (ctx) => {
  const sender = senderOf(ctx)
  const cmd = ctx.intent
  const isLeader = sender.role !== 'executive'
  const org =
    cmd.org && isLeader ? await ctx.repos.orgs.findByName(cmd.org) : await ctx.repos.orgs.findById(sender.orgId)
  if (!org) throw new UserError('notFound', `没有找到单位“${cmd.org}”。`)
  const tree = await ctx.repos.orgs.tree(org.id)
  if (!tree.isWithin(org.id, sender.orgId)) throw new UserError('outOfScope', `${org.name}不在您的管辖范围内。`)
  const report = await unitReport(ctx.repos, org.id, ctx.today.year, ctx.today)

  const groupInSubtree =
    ctx.place.type === 'group' &&
    ctx.place.kind === 'executive' &&
    !!ctx.place.orgId &&
    report.tree.isWithin(ctx.place.orgId, org.id)
  const text = formatSummary({
    year: ctx.today.year,
    view: weeklyView(report, org.id),
    children: report.units.filter((u) => u.parentId === org.id && u.counted > 0),
    // Its own checklist, and items that units below added or kept where it switched them off.
    checklist: checklistUnion(report.tree, [org.id, ...report.unitsWithPeople()]),
    names: !isLeader ? 'leadersOnly' : ctx.place.type === 'private' || groupInSubtree ? 'shown' : 'privateOnly',
  })
  await ctx.reply(text)
}
