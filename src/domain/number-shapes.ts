import type { Join, Segment } from './read-digit-runs'

/**
 * The shapes phone, ID card, bank card and landline numbers are written in, tried on a run of digit
 * segments (read-digit-runs): by their digits, and by how the digits are grouped, so that dates, counts
 * and lists that happen to add up to the right number of digits are left alone.
 */
export type SensitiveKind = 'mobile' | 'idCard' | 'bankCard' | 'landline' | 'longDigits'

export interface SensitiveNumber {
  kind: SensitiveKind
  /** Indices into the original text, `end` exclusive. */
  start: number
  end: number
  masked: string
}

/** Stretches as a reader groups them: those glued together are one (138零零13 is seven digits). */
export interface Group {
  digits: string
  paren: boolean
  plus: boolean
  /** How it is joined to the group before; 'none' for the first. */
  join: Join
  gap: string
  /** Its segments: [first, last] in the list it was made from. */
  first: number
  last: number
}

/** A run of segments tried as one number. */
export interface Candidate {
  text: string
  segments: Segment[]
  groups: Group[]
  digits: string
  /** A slash, underscore, tilde or comma somewhere between its groups. */
  weak: boolean
}

export const MASK = '****'
/** No shape is shorter than a landline with its area code or longer than a bank card. */
export const SHAPE_LENGTHS = { min: 10, max: 19 }
/** Tried in this order on the same groups: an ID card before the 18-digit card it could also be. */
const RECOGNISERS = [mobile, idCard, landline, bankCard]

/** The number a run of segments is, when it has one of the shapes. */
export function recognise(c: Candidate): SensitiveNumber | null {
  for (const shape of RECOGNISERS) {
    const number = shape(c)
    if (number) return number
  }
  return null
}

/** What the digits of any shape look like, before their groups are built and looked at. */
const ANY_SHAPE = /^(?:(?:0086|86)?1[3-9]\d{9}|[1-9]\d{16}[\dX]|0\d{9,11}|[1-9]\d{15,18})$/
/** More groups than 3-2-2-2-2 after a country code: one digit at a time, or nothing. */
const MOST_GROUPS = 6

export function mayFit(digits: string, groups: number): boolean {
  if (!ANY_SHAPE.test(digits)) return false
  if (groups <= MOST_GROUPS) return true
  return MOBILE.test(digits) || ID_CARD.test(digits) || (BANK_CARD.test(digits) && luhn(digits))
}

export function candidateOf(text: string, segments: Segment[]): Candidate {
  const groups = groupsOf(segments)
  return {
    text,
    segments,
    groups,
    digits: groups.map((g) => g.digits).join(''),
    weak: groups.some((g) => g.join === 'weak'),
  }
}

/** `checkApart`: a check X as a group of its own, as when digits are counted rather than shaped. */
function groupsOf(segments: Segment[], checkApart = false): Group[] {
  const groups: Group[] = []
  segments.forEach((s, i) => {
    const previous = groups[groups.length - 1]
    if (previous && s.join === 'glued' && !(checkApart && s.script === 'check')) {
      previous.digits += s.digits
      previous.last = i
    } else
      groups.push({
        digits: s.digits,
        paren: s.paren,
        plus: s.plus,
        join: previous ? s.join : 'none',
        gap: previous ? s.gap : '',
        first: i,
        last: i,
      })
  })
  return groups
}

const lengthsOf = (groups: readonly Group[]) => groups.map((g) => g.digits.length).join(',')

/** Written with one separator throughout ('1 3 8 …', '139/1234/5678'), as people write a number. */
function oneSeparator(groups: readonly Group[]): boolean {
  return groups.every((g, i) => i < 2 || g.gap === groups[1]!.gap)
}

const MOBILE = /^(?:0086|86)?1[3-9]\d{9}$/

function mobile(c: Candidate): SensitiveNumber | null {
  if (!MOBILE.test(c.digits)) return null
  const at = c.digits.length - 11 // after a country code
  // Its groups without the country code, whether written apart (+86 139…) or glued (+86139/1234/5678).
  const own = c.groups[0]!.digits.length === at ? c.groups.slice(1) : c.groups
  const lengths = own.map((g, i) => g.digits.length - (i === 0 && own === c.groups ? at : 0))
  if (!mobileShape(own, lengths)) return null
  const prefix = at > 0 ? '+86 ' : c.groups[0]!.plus ? '+' : ''
  return numberOf(c, 'mobile', `${prefix}${written(c, at, at + 3)}${MASK}${written(c, at + 7, at + 11)}`)
}

/**
 * Groups of three digits or more ('138 0013 8000', '(138)0013-8000'); else the usual shapes only, so
 * that dates and counts are left alone ('#办结 135 2026-11-20', '第1 3 5 7 9 11 13 15组'): 3-2-2-2-2, one
 * digit at a time, and 3-4-4 where a slash or comma separates.
 */
function mobileShape(body: Group[], lengths: number[]): boolean {
  const weak = body.some((g, i) => i > 0 && g.join === 'weak')
  const shape = lengths.join(',')
  if (lengths.every((n, i) => n >= 3 && (!body[i]!.paren || (i === 0 && n === 3))))
    return !weak || (shape === '3,4,4' && oneSeparator(body))
  if (weak || body.some((g) => g.paren) || !oneSeparator(body)) return false
  return shape === '3,2,2,2,2' || lengths.every((n) => n === 1)
}

/** Region, birth date, three digits and a check character; the date tells an ID from an 18-digit card. */
const ID_CARD = /^[1-9]\d{5}(?:18|19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dX]$/
const ID_WITH_SEPARATORS = new Set(['6,8,4', '6,4,4,4'])

function idCard(c: Candidate): SensitiveNumber | null {
  if (!ID_CARD.test(c.digits) || c.groups.some((g) => g.paren)) return null
  const x = c.digits.endsWith('X')
  const grouped =
    c.groups.every((g) => g.digits.length >= 2) &&
    // Written in fours it is a card, even when its middle reads as a date.
    (x || !inFours(c.groups)) &&
    (!c.weak || (ID_WITH_SEPARATORS.has(lengthsOf(c.groups)) && oneSeparator(c.groups)))
  const oneByOne = !c.weak && oneSeparator(c.groups) && c.groups.every((g) => g.digits.length === 1)
  if (!grouped && !oneByOne) return null
  return numberOf(c, 'idCard', `${written(c, 0, 6)}********${written(c, 14, 18)}`)
}

/** Area codes are 010 and 02x, or 0 and three digits; a local number starts with 2–9. */
const AREA_3 = /^0(?:10|2\d)/
const AREA_4 = /^0[3-9]\d\d/
const LOCAL = /^[2-9]\d{6,7}$/

function landline(c: Candidate): SensitiveNumber | null {
  const [area, ...local] = c.groups
  const length = AREA_3.test(c.digits) ? 3 : AREA_4.test(c.digits) ? 4 : 0
  if (!area || c.weak || length === 0 || !LOCAL.test(c.digits.slice(length)) || local.length > 2) return null
  if (local.length > 0 && (area.digits.length !== length || local.some((g) => g.paren || g.digits.length < 3))) {
    return null
  }
  const first = c.segments[0]!
  const shown = area.paren ? c.text.slice(first.start, first.end) : `${written(c, 0, length)}-`
  return numberOf(c, 'landline', `${shown}${MASK}${written(c, length + 4, c.digits.length)}`)
}

const BANK_CARD = /^[1-9]\d{15,18}$/

function bankCard(c: Candidate): SensitiveNumber | null {
  if (!BANK_CARD.test(c.digits) || c.groups.some((g) => g.paren)) return null
  const inOne = c.groups.length === 1
  const fours = inFours(c.groups) && (!c.weak || oneSeparator(c.groups))
  // One digit at a time only with a valid check digit: 16 single digits are rarely anything else.
  const oneByOne = !c.weak && oneSeparator(c.groups) && c.groups.every((g) => g.digits.length === 1) && luhn(c.digits)
  if (!inOne && !fours && !oneByOne) return null
  return numberOf(c, 'bankCard', `${MASK}${written(c, c.digits.length - 4, c.digits.length)}`)
}

function luhn(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i])
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2
    sum += d
  }
  return sum % 10 === 0
}

/**
 * Eleven digits or more that no shape claims are masked too. Groups of one or two digits are dates and
 * counts (2026-11-20, 第1 3 5组), a slash or comma separates list items (135，136，137，138), and a lone
 * dot is a decimal point (3507.1010000), so none of them is part of such a stretch.
 */
const DECIMAL_POINT = /^[.．]$/

export function longDigits(text: string, segments: Segment[], found: SensitiveNumber[]): void {
  const groups = groupsOf(segments, true)
  let from = 0
  let length = 0
  for (let to = 0; to <= groups.length; to++) {
    const group = groups[to]
    const fits = !!group && group.digits.length >= 3 && !group.paren && !group.digits.includes('X')
    if (fits && length > 0 && group.join !== 'weak' && !DECIMAL_POINT.test(group.gap)) {
      length += group.digits.length
      continue
    }
    if (length >= 11) {
      const stretch = segments.slice(groups[from]!.first, groups[to - 1]!.last + 1)
      const c = candidateOf(text, stretch)
      found.push(
        numberOf(c, 'longDigits', `${written(c, 0, 3)}${'*'.repeat(length - 7)}${written(c, length - 4, length)}`),
      )
    }
    from = to
    length = fits ? group.digits.length : 0
  }
}

function inFours(groups: readonly Group[]): boolean {
  const last = groups.length - 1
  return groups.length >= 4 && groups.every((g, i) => (i < last ? g.digits.length === 4 : g.digits.length <= 4))
}

function numberOf(c: Candidate, kind: SensitiveKind, masked: string): SensitiveNumber {
  const first = c.segments[0]!
  // A + belongs to a mobile's +86; before anything else it stays in the text.
  const start = first.plus && kind !== 'mobile' ? first.digitStart : first.start
  let end = c.segments[c.segments.length - 1]!.digitEnd
  // The keycap of a last digit written as an emoji (0️⃣) goes with it.
  while (/[\ufe0f\u20e3]/.test(c.text.charAt(end))) end++
  return { kind, start, end, masked }
}

/** Digits `from` to `to` as written, so what stays visible keeps its script and no neighbour joins it. */
function written(c: Candidate, from: number, to: number): string {
  let out = ''
  let offset = 0
  for (const s of c.segments) {
    const length = s.digits.length
    const a = Math.max(from - offset, 0)
    const b = Math.min(to - offset, length)
    if (a < b) out += c.text.slice(s.digitStart + a * s.width, s.digitStart + b * s.width)
    offset += length
  }
  return out
}
