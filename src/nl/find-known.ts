import { indexKnown, type Known, type KnownIndex } from './known-index'
import { KnownFinder } from './known-finder'
import type { Mention } from './mention'

export type { Known, KnownIndex } from './known-index'
export { isCertain, type How, type Mention } from './mention'

/**
 * The known subjects a message names, one mention per place in the text: where two readings overlap,
 * the surer and then the longer one is kept (王建国家 over 建国家, 刘翠花 over 翠花). Found by looking
 * up the pieces of the text in the index (see known-index), so the cost follows the text, not the
 * length of the list: the same as trying every subject's patterns in turn (tests/unit/nl holds it to
 * that), without doing so.
 */
export function findKnown(text: string, known: readonly Known[] | KnownIndex): Mention[] {
  const index = indexKnown(known)
  if (index.empty) return []
  const finder = new KnownFinder(text, index)
  finder.run()
  return finder.kept()
}
