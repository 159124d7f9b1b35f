import type { OrgTree } from './org-tree'
import type { PersonFigures } from './person-figures'
import type { Grade } from './review-grade'
import { itemsDoneOf, tallyOf, type Tally } from './tally'

/** Figures of a group of counted people: a unit's subtree, or its own level only. */
export interface Totals {
  counted: number
  executives: number
  chairs: number
  /** Average checklist items done; 0 when nobody is counted (views show "—"). */
  averageDone: number
  onTrack: number
  onTrackShare: number
  /** No record at all this year (no item, no diary). */
  nothingYet: number
  nothingYetShare: number
  grades: Record<Grade, number>
  /** People done with each checklist item (by itemId; each person by her own unit's checklist). */
  itemsDone: Record<string, number>
  /** People whose checklist has each item (all of them, unless units below changed their checklists). */
  itemsHeld: Record<string, number>
  /** How many people keep a checklist of each size (see checklist-sizes). */
  sizes: Record<number, number>
}

/** A unit's figures over its whole subtree, with its place among its sibling units. */
export interface UnitFigures extends Totals {
  orgId: string
  name: string
  parentId: string | null
  /** Levels below the report's root (0 for the root). */
  depth: number
  /** People counted whose own unit is this one. */
  direct: number
  /**
   * 1 for the sibling with the highest average items done; siblings with equal averages share a rank.
   * null for a unit nobody is counted in, and for the report's root (its siblings are out of scope).
   */
  rank: number | null
  /** How many of its siblings (itself included) are ranked. */
  ranked: number
}

export function totalsOf(people: readonly PersonFigures[]): Totals {
  return totalsOfTally(tallyOf(people))
}

/** A tally's figures: its sums as averages and shares. */
export function totalsOfTally(t: Tally): Totals {
  const n = t.counted
  const share = (k: number) => (n ? k / n : 0)
  return {
    counted: n,
    executives: t.executives,
    chairs: t.chairs,
    averageDone: n ? t.done / n : 0,
    onTrack: t.onTrack,
    onTrackShare: share(t.onTrack),
    nothingYet: t.nothingYet,
    nothingYetShare: share(t.nothingYet),
    grades: { ...t.grades },
    itemsDone: itemsDoneOf(t),
    itemsHeld: { ...t.itemsHeld },
    sizes: { ...t.sizes },
  }
}

/**
 * Every unit of the subtree under `rootId` (or of the whole tree), each with the figures of everyone
 * counted in its subtree, in tree order (parents before children, siblings by name), ranked among its
 * siblings. Pure: the people come in with their figures; nothing is read here.
 */
export function rollUp(tree: OrgTree, people: readonly PersonFigures[], rootId?: string): UnitFigures[] {
  const units = rootId ? tree.subtree(rootId) : tree.roots().flatMap((r) => tree.subtree(r.id))
  const inScope = new Set(units.map((u) => u.id))
  const below = new Map<string, PersonFigures[]>(units.map((u) => [u.id, []]))
  const direct = new Map<string, number>()
  for (const p of people) {
    if (!inScope.has(p.orgId)) continue
    direct.set(p.orgId, (direct.get(p.orgId) ?? 0) + 1)
    for (const u of tree.chain(p.orgId)) {
      if (!inScope.has(u.id)) break
      below.get(u.id)!.push(p)
    }
  }
  const rootDepth = rootId ? tree.depth(rootId) : 0
  const figures = units.map((u): UnitFigures => ({
    orgId: u.id,
    name: u.name,
    parentId: u.parentId,
    depth: tree.depth(u.id) - rootDepth,
    direct: direct.get(u.id) ?? 0,
    ...totalsOf(below.get(u.id)!),
    rank: null,
    ranked: 0,
  }))
  rankSiblings(figures, rootId)
  return figures
}

/** Competition ranking (1, 2, 2, 4) by average items done among units with the same parent. */
export function rankSiblings(figures: UnitFigures[], rootId?: string): void {
  const groups = new Map<string, UnitFigures[]>()
  for (const f of figures) {
    if (f.counted === 0 || f.orgId === rootId) continue
    const key = f.parentId ?? ''
    groups.set(key, [...(groups.get(key) ?? []), f])
  }
  for (const group of groups.values()) {
    const sorted = [...group].sort((a, b) => b.averageDone - a.averageDone)
    sorted.forEach((f, i) => {
      const prev = sorted[i - 1]
      f.rank = prev && Math.abs(prev.averageDone - f.averageDone) < 1e-9 ? prev.rank : i + 1
      f.ranked = sorted.length
    })
  }
}
