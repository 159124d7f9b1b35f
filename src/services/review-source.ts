import { countedNoun } from '../domain/counted'
import { childFigures, unitFigures, type TallySource } from '../domain/level-report'
import { rankSiblings, type UnitFigures } from '../domain/roll-up'
import { addTally, emptyTally } from '../domain/tally'
import type { ReviewSource } from './review-workbook'

/**
 * The annual review of a subtree (or the whole tree) read off the standings unit by unit: a unit's
 * figures and people are made when the workbook comes to them, so memory holds one unit's people and
 * the chain of sibling lists above it, never the subtree's people.
 */
export function standingsReviewSource(source: TallySource, rootId?: string): ReviewSource {
  const { tree } = source
  const roots = rootId ? [rootId] : tree.roots().map((r) => r.id)
  const all = emptyTally()
  for (const id of roots) addTally(all, source.tally(id))
  function* walk(u: UnitFigures): Generator<UnitFigures> {
    yield u
    for (const c of childFigures(source, u.orgId, u.depth + 1)) yield* walk(c)
  }
  return {
    year: source.year,
    tree,
    name: roots.length === 1 ? tree.get(roots[0]!)!.name : '全部单位',
    noun: countedNoun(all),
    *units() {
      const top = roots.map((id) => unitFigures(source, id, 0))
      if (!rootId) rankSiblings(top)
      for (const u of top) yield* walk(u)
    },
    people: (id) => source.people(id),
  }
}
