import { indexKnown, type Known, type KnownIndex } from './known-index'
import { KnownFinder } from './known-finder'

export type { Known, KnownIndex } from './known-index'

/** How a mention was recognised: the first two are certain, the others are asked about. */
export type How = 'exact' | 'spaced' | 'given' | 'surname' | 'sound' | 'part'
const CERTAIN: readonly How[] = ['exact', 'spaced']

export interface Mention {
  /** Who it may be: one known subject, or several when the words fit more than one (王婶). */
  candidates: Known[]
  how: How
  index: number
  /** As written in the message. */
  written: string
}

export const isCertain = (m: Mention) => CERTAIN.includes(m.how) && m.candidates.length === 1

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
