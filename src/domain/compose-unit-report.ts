import type { Member } from './entities'
import type { OrgTree } from './org-tree'
import { emptyCounts, type ProgressCounts } from './progress'
import { isCounted } from './counted'
import { displayNames } from './display-name'
import { asOfDay, personFigures, type PersonFigures } from './person-figures'
import { rollUp, totalsOf, type Totals, type UnitFigures } from './roll-up'
import type { LocalDate } from './zoned-time'

/** Everyone counted under one unit (or the whole tree) in a year, and every unit's roll-up. */
export interface UnitReport {
  year: number
  tree: OrgTree
  /** The unit asked about; undefined for the whole tree. */
  rootId?: string
  /** Counted people, in the order the members came (by name). */
  people: PersonFigures[]
  /** Every unit of the subtree, parents first; see roll-up.ts. */
  units: UnitFigures[]
  unit(orgId: string): UnitFigures | undefined
  /** The figures of the whole report: its root unit's, or everyone's when it covers several roots. */
  totals(): Totals & { name: string }
  /** Units of the report's subtree that someone counted has as her own (for the checklists they keep). */
  unitsWithPeople(): string[]
}

/**
 * The report every view reads (dashboard, API, review workbook, #汇总, weekly post), so a unit shows the
 * same figures and a person the same grade in each. Pure: members and their counts come in.
 */
export function composeUnitReport(input: {
  tree: OrgTree
  rootId?: string
  members: readonly Pick<Member, 'id' | 'name' | 'role' | 'orgId'>[]
  counts: ReadonlyMap<string, ProgressCounts>
  year: number
  today: LocalDate
}): UnitReport {
  const { tree, rootId, year } = input
  const inScope = rootId ? new Set(tree.subtree(rootId).map((u) => u.id)) : undefined
  const members = input.members.filter((m) => (!inScope || inScope.has(m.orgId)) && isCounted(m, tree))
  const shown = displayNames(members, (id) => tree.get(id)?.name)
  const asOf = asOfDay(year, input.today)
  const people = members.map((m) => ({
    ...personFigures(m, input.counts.get(m.id) ?? emptyCounts(), tree, asOf),
    displayName: shown.get(m.id) ?? m.name,
  }))
  const units = rollUp(tree, people, rootId)
  const byId = new Map(units.map((u) => [u.orgId, u]))
  const roots = units.filter((u) => u.depth === 0)
  return {
    year,
    tree,
    rootId,
    people,
    units,
    unit: (id) => byId.get(id),
    totals: () => (roots.length === 1 ? roots[0]! : { ...totalsOf(people), name: '全部单位' }),
    unitsWithPeople: () => [...new Set(people.map((p) => p.orgId))],
  }
}
