import { MAYBE_DIGIT, digitOf, type Script } from './digit-value'
import { isInvisible } from './invisible'

/**
 * Reads a text as the stretches of digits a number could be made of, each joined or not to the one
 * before it, in one pass (linear in the text, whatever it holds).
 *
 * A segment is a stretch of digits in one script (138, 零零, 八零一三), or the check X of an ID card.
 * Segments are joined when nothing visible stands between them (glued: 138零零13, or only invisible
 * characters: 1\u00ad3\u200b8, 1️⃣3️⃣8️⃣), when a short separator does (strong: a space, a dash or a dot;
 * weak: a slash, an underscore, a tilde or a comma, which also separate dates, ranges and lists, so
 * a number written with them must have one of the usual shapes), or not at all.
 */
export type Join = 'none' | 'glued' | 'strong' | 'weak'

export interface Segment {
  script: Script | 'check'
  /** A leading '+' or '(' included. */
  start: number
  digitStart: number
  digitEnd: number
  /** A closing ')' included. */
  end: number
  /** Folded to ASCII; 'X' for a check character. */
  digits: string
  /** UTF-16 code units per digit (mathematical digits take two). */
  width: number
  plus: boolean
  paren: boolean
  join: Join
  /** The visible separators between it and the segment before (for "written with one separator"). */
  gap: string
}

/** What people put inside a number; not 、 or 。, which separate list items and sentences. */
const STRONG = new Set(
  [
    ...' \t\n\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000',
    ...'-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d',
    ...'.\uff0e\u00b7\u30fb\uff65',
  ].map((ch) => ch.charCodeAt(0)),
)
const WEAK = new Set([...'/\uff0f_\uff3f~\uff5e\u301c,\uff0c'].map((ch) => ch.charCodeAt(0)))
/** A to Z and a to z, as typed or full-width. */
function isLatin(code: number): boolean {
  const folded = code >= 0xff21 && code <= 0xff5a ? code - 0xfee0 : code
  return (folded >= 0x41 && folded <= 0x5a) || (folded >= 0x61 && folded <= 0x7a)
}

const isOneOf = (code: number, chars: string) => code === chars.charCodeAt(0) || code === chars.charCodeAt(1)

/** A space, a dash, a dot, a slash, an underscore, a tilde or a comma: what may stand between digits. */
export function isSeparator(code: number): boolean {
  return STRONG.has(code) || WEAK.has(code)
}

/** A combining keycap (1️⃣) belongs to the digit it encloses. */
const KEYCAP = 0x20e3
/** '0710 - 3456789': more than three visible characters between two stretches is not one number. */
const MAX_GAP = 3
/** Invisible characters included (a keycap emoji puts two between digits). */
const MAX_GAP_UNITS = 12

export function readDigitSegments(text: string): Segment[] {
  const segments: Segment[] = []
  // One shared regex (the scan is synchronous): compiling its long character class per call costs more
  // than scanning a whole message.
  const scan = MAYBE_DIGIT
  let at = 0
  while (at < text.length) {
    scan.lastIndex = at
    const next = scan.exec(text)
    if (!next) break
    at = next.index
    const code = text.codePointAt(at)!
    const width = code > 0xffff ? 2 : 1
    if (isArabicLike(code)) {
      at = readArabic(text, at, segments)
      continue
    }
    const digit = digitOf(code)
    if (digit) {
      let end = at + width
      for (let next = text.codePointAt(end); next !== undefined; next = text.codePointAt(end)) {
        const d = digitOf(next)
        if (!d || d.script !== digit.script || isArabicLike(next)) break
        end += width
      }
      push(text, segments, digit.script, at, end, width)
      at = end
      continue
    }
    if (isX(code) && isCheck(text, at, segments)) {
      push(text, segments, 'check', at, at + 1, 1)
      at++
      continue
    }
    at += width
  }
  return segments
}

function isArabicLike(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19) || LETTER_DIGITS.has(code)
}

const isX = (code: number) => code === 0x58 || code === 0x78 || code === 0xff38 || code === 0xff58

/** Letters typed for digits: O and o for 0, l and I for 1, and their full-width forms. */
const LETTER_DIGITS = new Map([...'OoＯｏ'].map((ch) => [ch.charCodeAt(0), '0']))
for (const ch of 'lIｌＩ') LETTER_DIGITS.set(ch.charCodeAt(0), '1')

/**
 * ASCII and full-width digits, and the letters O and l where they stand for 0 and 1 (13O1234567O,
 * 138OO13800l): in a stretch of digits and such letters that is no part of a word (No1, Vol.13, OK).
 */
function readArabic(text: string, from: number, segments: Segment[]): number {
  let end = from
  let letters = false
  let digits = false
  let ascii = true
  for (; end < text.length; end++) {
    const code = text.charCodeAt(end)
    if (code >= 0x30 && code <= 0x39) digits = true
    else if (!isArabicLike(code)) break
    else {
      ascii = false
      if (LETTER_DIGITS.has(code)) letters = true
      else digits = true
    }
  }
  const word = isLatin(text.charCodeAt(from - 1)) || isLatin(text.charCodeAt(end))
  if (!letters || (digits && !word)) {
    push(text, segments, 'arabic', from, end, 1, ascii)
    return end
  }
  // The letters are letters: the digits between them are stretches of their own.
  for (let at = from; at < end;) {
    if (LETTER_DIGITS.has(text.charCodeAt(at))) {
      at++
      continue
    }
    const start = at
    while (at < end && !LETTER_DIGITS.has(text.charCodeAt(at))) at++
    push(text, segments, 'arabic', start, at, 1)
  }
  return end
}

/** An ID card's check X: right after its digits, or after a separator ("… 3 4 X"); not in a word. */
function isCheck(text: string, at: number, segments: Segment[]): boolean {
  const previous = segments[segments.length - 1]
  if (!previous || previous.script === 'check' || isLatin(text.charCodeAt(at + 1))) return false
  const { join } = gapBetween(text, previous.end, at)
  return join === 'glued' || join === 'strong'
}

/** `ascii`: the digits are 0–9 as typed, so they are their own value. */
function push(
  text: string,
  segments: Segment[],
  script: Segment['script'],
  from: number,
  to: number,
  width: number,
  ascii = false,
) {
  const plus = isOneOf(text.charCodeAt(from - 1), '+＋')
  const paren = isOneOf(text.charCodeAt(from - (plus ? 2 : 1)), '(（') && isOneOf(text.charCodeAt(to), ')）')
  let digits = ''
  if (script === 'check') digits = 'X'
  else if (ascii) digits = text.slice(from, to)
  else
    for (let i = from; i < to; i += width) {
      const code = text.codePointAt(i)!
      digits += LETTER_DIGITS.get(code) ?? digitOf(code)!.value
    }
  const start = from - (plus ? 1 : 0) - (paren ? 1 : 0)
  const previous = segments[segments.length - 1]
  const { join, gap } = previous ? joinOf(text, previous, start, plus, paren) : NOT_JOINED
  segments.push({
    script,
    start,
    digitStart: from,
    digitEnd: to,
    end: to + (paren ? 1 : 0),
    digits,
    width,
    plus,
    paren,
    join,
    gap,
  })
}

const NOT_JOINED = { join: 'none' as const, gap: '' }
const GLUED = { join: 'glued' as const, gap: '' }

function joinOf(
  text: string,
  previous: Segment,
  start: number,
  plus: boolean,
  paren: boolean,
): { join: Join; gap: string } {
  // A check X ends an ID; a + starts a new number.
  if (previous.script === 'check' || plus || start < previous.end) return NOT_JOINED
  const between = gapBetween(text, previous.end, start)
  return between.join === 'glued' && (previous.paren || paren) ? { join: 'strong', gap: '' } : between
}

function gapBetween(text: string, from: number, to: number): { join: Join; gap: string } {
  // Also keeps the scan linear: an X far after a digit does not read the whole way back.
  if (to - from > MAX_GAP_UNITS) return NOT_JOINED
  let gap = ''
  let weak = 0
  for (let at = from; at < to;) {
    const code = text.codePointAt(at)!
    at += code > 0xffff ? 2 : 1
    if (code === KEYCAP || isInvisible(code)) continue
    if (WEAK.has(code)) weak++
    else if (!STRONG.has(code)) return NOT_JOINED
    gap += String.fromCodePoint(code)
    if (gap.length > MAX_GAP) return NOT_JOINED
  }
  if (gap === '') return GLUED
  if (weak > 1) return NOT_JOINED
  return { join: weak ? 'weak' : 'strong', gap }
}
