import type { UnitReport } from './compose-unit-report'
import type { PersonFigures } from './person-figures'
import { totalsOf, type Totals, type UnitFigures } from './roll-up'
import { POST_NAMES } from './list-names'

/** At most this many bars in a chart, whatever the tree: the chart's size is bounded by it. */
export const MAX_BARS = 40
/** At most this many people @-mentioned in one post; the rest are named or counted as "等 N 人". */
export const MAX_MENTIONS = POST_NAMES

/**
 * What a unit's weekly post shows. A unit with at most one level below it (a village, or a township of
 * villages) shows its people, if they fit in the chart; any other unit (district, city, province) shows
 * one bar per sub-unit, and names people of its own level only (its "direct" level). Decided by the
 * tree's shape, not by names of levels, so it holds for trees of any depth.
 */
export type WeeklyView =
  | { kind: 'people'; unit: UnitFigures; people: PersonFigures[] }
  | { kind: 'units'; unit: UnitFigures; children: UnitFigures[]; direct: PersonFigures[]; directTotals: Totals }

export function weeklyView(report: UnitReport, orgId: string): WeeklyView {
  const unit = report.unit(orgId)
  if (!unit) throw new Error(`unit ${orgId} is not in the report`)
  const children = report.units.filter((u) => u.parentId === orgId && u.counted > 0)
  const everyone = report.people.filter((p) => unit.orgId === p.orgId || report.tree.isWithin(p.orgId, orgId))
  const shallow = report.tree.height(orgId) <= 1
  // unit.counted is everyone below it: a report read level by level (level-report) holds only the people it names.
  if (children.length === 0 || (shallow && unit.counted <= MAX_BARS)) return { kind: 'people', unit, people: everyone }
  const direct = everyone.filter((p) => p.orgId === orgId)
  return { kind: 'units', unit, children, direct, directTotals: totalsOf(direct) }
}

/** Behind (on no track, something recorded) and nothing recorded yet, each worst first then by name. */
export function whoIsBehind(people: readonly PersonFigures[]): { behind: PersonFigures[]; nothing: PersonFigures[] } {
  const order = (a: PersonFigures, b: PersonFigures) =>
    a.done - b.done || a.displayName.localeCompare(b.displayName, 'zh')
  return {
    behind: people.filter((p) => !p.onTrack && !p.nothingYet).sort(order),
    nothing: people.filter((p) => p.nothingYet).sort(order),
  }
}

/**
 * Who a post @-mentions when 点名 is on: people behind whom it names, those with something recorded
 * first, then those with nothing; never more than MAX_MENTIONS.
 */
export function mentioned(people: readonly PersonFigures[]): PersonFigures[] {
  const { behind, nothing } = whoIsBehind(people)
  const named = [...behind.slice(0, POST_NAMES), ...nothing.slice(0, POST_NAMES)]
  return named.filter((p) => !p.onTrack).slice(0, MAX_MENTIONS)
}
