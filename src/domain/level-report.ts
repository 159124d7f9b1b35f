import type { UnitReport } from './compose-unit-report'
import { displayNames } from './display-name'
import type { OrgTree } from './org-tree'
import type { PersonFigures } from './person-figures'
import { rankSiblings, totalsOfTally, type UnitFigures } from './roll-up'
import { addTally, emptyTally, type Tally } from './tally'
import { MAX_BARS } from './weekly-view'

/** Figures kept per unit (standings-repo keeps them in memory, up to date as records land). */
export interface TallySource {
  year: number
  tree: OrgTree
  /** Everyone counted in the unit's subtree. */
  tally(orgId: string): Tally
  /** How many counted people have this unit as their own. */
  direct(orgId: string): number
  /** The counted people whose own unit this is, with their figures, by name. */
  people(orgId: string): PersonFigures[]
}

/** A unit's figures from its tally, `depth` levels below the report's root, unranked. */
export function unitFigures(source: TallySource, orgId: string, depth: number): UnitFigures {
  const unit = source.tree.get(orgId)!
  return {
    orgId,
    name: unit.name,
    parentId: unit.parentId,
    depth,
    direct: source.direct(orgId),
    ...totalsOfTally(source.tally(orgId)),
    rank: null,
    ranked: 0,
  }
}

/** The unit's children with their figures, ranked among themselves (see roll-up's rankSiblings). */
export function childFigures(source: TallySource, orgId: string, depth = 1): UnitFigures[] {
  const children = source.tree.children(orgId).map((c) => unitFigures(source, c.id, depth))
  rankSiblings(children)
  return children
}

/**
 * Who a unit's views name: everyone below a village or township small enough for a chart (and everyone
 * of a unit whose sub-units count nobody), else its own level; the same rule as weekly-view.
 */
function namedPeople(source: TallySource, unit: UnitFigures, children: UnitFigures[]): PersonFigures[] {
  const countedChildren = children.some((c) => c.counted > 0)
  const small = source.tree.height(unit.orgId) <= 1 && unit.counted <= MAX_BARS
  if (!countedChildren || !small) return source.people(unit.orgId)
  return [unit.orgId, ...children.map((c) => c.orgId)]
    .flatMap((id) => source.people(id))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

/**
 * A unit's report read off the tallies: the unit, its direct children ranked, and the people its views
 * name. Its cost follows what it shows (one unit, its children, the people named), not the size of the
 * subtree. Without a root: the tree's single root, or its roots ranked among themselves (no one named).
 * `unitsWithPeople` walks the subtree (its units, not its people).
 */
export function levelReport(source: TallySource, rootId?: string): UnitReport {
  const { tree } = source
  const roots = rootId ? [tree.get(rootId)!] : tree.roots()
  if (roots.length !== 1) {
    const units = roots.map((r) => unitFigures(source, r.id, 0))
    rankSiblings(units)
    return report(source, rootId, units, [])
  }
  const unit = unitFigures(source, roots[0]!.id, 0)
  // The whole tree: its root is ranked among the roots (alone), as roll-up ranks it.
  if (!rootId) rankSiblings([unit])
  const children = childFigures(source, unit.orgId)
  const people = namedPeople(source, unit, children)
  const shown = displayNames(
    people.map((p) => ({ id: p.memberId, name: p.name, orgId: p.orgId })),
    (id) => tree.get(id)?.name,
  )
  const named = people.map((p) => ({ ...p, displayName: shown.get(p.memberId) ?? p.name }))
  return report(source, rootId, [unit, ...children], named)
}

function report(
  source: TallySource,
  rootId: string | undefined,
  units: UnitFigures[],
  people: PersonFigures[],
): UnitReport {
  const byId = new Map(units.map((u) => [u.orgId, u]))
  const roots = units.filter((u) => u.depth === 0)
  return {
    year: source.year,
    tree: source.tree,
    rootId,
    people,
    units,
    unit: (id) => byId.get(id),
    totals: () => {
      if (roots.length === 1) return roots[0]!
      const sum = emptyTally()
      for (const r of roots) addTally(sum, source.tally(r.orgId))
      return { ...totalsOfTally(sum), name: '全部单位' }
    },
    unitsWithPeople: () =>
      roots.flatMap((r) => source.tree.subtree(r.orgId)).flatMap((u) => (source.direct(u.id) > 0 ? [u.id] : [])),
  }
}
