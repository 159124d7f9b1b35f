import type { Known } from './known-index'

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
