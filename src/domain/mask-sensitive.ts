import { isSeparator, readDigitSegments, type Segment } from './read-digit-runs'
import { MASK, SHAPE_LENGTHS, candidateOf, longDigits, mayFit, recognise, type SensitiveNumber } from './number-shapes'

export type { SensitiveKind, SensitiveNumber } from './number-shapes'

/**
 * Personal numbers are personal information under PIPL: they are masked before anything is stored or
 * echoed, so no copy of a full number exists anywhere in the bot.
 *
 * People write them with spaces, dashes, dots, slashes or commas, with +86 and brackets, one digit at a
 * time, in full-width, Chinese, financial, circled or mathematical digits, mixing scripts, and glued to
 * words; a regex per form misses most of them. So the text is read as stretches of digits in any script
 * (read-digit-runs), each run of joined stretches is matched against the shapes these numbers are
 * written in, and whatever else adds up to 11 digits or more is masked as well. One pass over the text
 * and a bounded window per stretch: linear in the text.
 */

/** The most digits any mask leaves visible together: an ID card's region code. */
const MAX_VISIBLE = 6
/** +86, a space, and an ID card written one digit at a time with its check X. */
const MAX_SEGMENTS = 21

export function maskSensitive(text: string): string {
  let masked = ''
  let at = 0
  for (const number of findSensitiveNumbers(text)) {
    masked += text.slice(at, number.start) + number.masked
    at = number.end
  }
  return masked + text.slice(at)
}

/** The numbers in `text`, in order, so a caller can show or hold a message before anything is masked. */
export function findSensitiveNumbers(text: string): SensitiveNumber[] {
  const found: SensitiveNumber[] = []
  for (const run of splitRuns(text, readDigitSegments(text))) {
    // Most runs are a date's or a count's few digits: too short for any shape or a long stretch.
    let digits = 0
    for (const segment of run) digits += segment.digits.length
    if (digits >= SHAPE_LENGTHS.min) findInRun(text, run, found)
  }
  return found
}

/** Segments joined one to the next, with no mask's remains among them. */
function splitRuns(text: string, segments: Segment[]): Segment[][] {
  const remnant = maskRemnants(text, segments)
  const runs: Segment[][] = []
  let run: Segment[] = []
  segments.forEach((segment, i) => {
    if (remnant[i]) run = []
    else if (run.length > 0 && segment.join !== 'none') run.push(segment)
    else runs.push((run = [segment]))
  })
  return runs
}

/**
 * The digits a mask leaves visible (`138****8002`, `0710-****789`, `138****八零一三`) are not a number of
 * their own. Without this, masking a masked text again would join them to their neighbours and mask once
 * more. They are the segments next to the mask, and those glued to them, up to as many digits as a mask
 * shows; a mask may cut a glued stretch (13800138000一个), so whatever is glued beyond stays as it was.
 */
function maskRemnants(text: string, segments: Segment[]): boolean[] {
  const remnant = segments.map(() => false)
  if (!text.includes(MASK)) return remnant
  const mark = (from: number, step: 1 | -1) => {
    let digits = 0
    for (let i = from; i >= 0 && i < segments.length; i += step) {
      digits += segments[i]!.digits.length
      if (digits > MAX_VISIBLE) return
      remnant[i] = true
      // Glued to the next one out: the join belongs to the later of the two.
      if (segments[step === 1 ? i + 1 : i]?.join !== 'glued') return
    }
  }
  segments.forEach((segment, i) => {
    const before = isSeparator(text.charCodeAt(segment.start - 1)) ? segment.start - 1 : segment.start
    const after = isSeparator(text.charCodeAt(segment.end)) ? segment.end + 1 : segment.end
    if (before >= MASK.length && text.startsWith(MASK, before - MASK.length)) mark(i, 1)
    if (text.startsWith(MASK, after)) mark(i, -1)
  })
  return remnant
}

/** Left to right, the longest number starting at each segment; what no shape claims may still be long. */
function findInRun(text: string, run: Segment[], found: SensitiveNumber[]): void {
  // How many groups start at or before each segment: the groups of a window without building them.
  const starts: number[] = []
  run.forEach((s, i) => starts.push((starts[i - 1] ?? 0) + (s.join === 'glued' ? 0 : 1)))
  let unclaimed = 0
  for (let first = 0; first < run.length;) {
    const match = longestAt(text, run, starts, first)
    if (match) {
      longDigits(text, run.slice(unclaimed, first), found)
      found.push(match.number)
      unclaimed = first = match.next
    } else first++
  }
  longDigits(text, run.slice(unclaimed), found)
}

function longestAt(
  text: string,
  run: Segment[],
  starts: number[],
  first: number,
): { number: SensitiveNumber; next: number } | null {
  // Up to the widest window, and no further than the longest shape (a segment may hold a whole text).
  let last = first
  let digits = ''
  while (last < run.length && last < first + MAX_SEGMENTS && digits.length <= SHAPE_LENGTHS.max)
    digits += run[last++]!.digits
  let length = digits.length
  for (let next = last; next > first; length -= run[--next]!.digits.length) {
    if (length < SHAPE_LENGTHS.min || length > SHAPE_LENGTHS.max) continue
    if (!mayFit(digits.slice(0, length), 1 + starts[next - 1]! - starts[first]!)) continue
    const number = recognise(candidateOf(text, run.slice(first, next)))
    if (number) return { number, next }
  }
  return null
}
