/**
 * Personal numbers are personal information under PIPL: they are masked before anything is stored or
 * echoed, so no copy of a full number exists anywhere in the bot.
 *
 * People write them with spaces, dashes or dots, with +86, in full-width digits, in Chinese numerals from
 * voice input, and glued to words; a regex per form misses most of them. So the text is read as groups of
 * digits (each in one script) joined by short separators, each run of groups is matched against the
 * shapes these numbers are written in, and whatever else adds up to 11 digits or more is masked as well.
 */

export type SensitiveKind = 'mobile' | 'idCard' | 'bankCard' | 'landline' | 'longDigits'

export interface SensitiveNumber {
  kind: SensitiveKind
  /** Indices into the original text, `end` exclusive. */
  start: number
  end: number
  masked: string
}

type Script = 'arabic' | 'chinese'

/** A maximal stretch of digits in one script, with what is written around it. */
interface Group {
  script: Script
  start: number // a leading '+' or '(' included
  digitStart: number
  digitEnd: number
  end: number // a closing ')' or a trailing X included
  digits: string // folded to ASCII
  plus: boolean
  paren: boolean
  x: boolean
}

/** A run of groups tried as one number. */
interface Candidate {
  text: string
  groups: Group[]
  digits: string
}

/** Voice input writes numbers it hears as numerals; 幺 is how 1 is read out in phone numbers. */
const CHINESE_DIGITS = new Map([...'〇零一幺二三四五六七八九'].map((numeral, i) => [numeral, '001123456789'.charAt(i)]))
/**
 * One group: an area code in brackets, `(0710)`; or digits in one script, after a + and before an ID card's
 * check X (not an X that starts a word such as "Xiao"). A native regex skips the words between quickly.
 */
const GROUP =
  /[(（]([0-9０-９]{3,4})[)）]|([+＋]?)(?:([0-9０-９]+)|([〇零一幺二三四五六七八九]+))([XxＸｘ](?![A-Za-z]))?/g
const FULL_WIDTH_DIGIT = /[０-９]/
const FULL_WIDTH_DIGITS = /[０-９]/g
/** What people put inside a number. Not commas, 、 or 。: those separate list items and sentences. */
const SEPARATORS = new Set(
  [...' \u00a0\u3000-\u2010\u2011\u2012\u2013\u2014\u2212\ufe63\uff0d.\uff0e'].map((ch) => ch.charCodeAt(0)),
)
const MAX_GAP = 3 // '0710 - 3456789'
const MASK = '****'
/** The most digits any mask leaves visible together: an ID card's region code. */
const MAX_VISIBLE = 6
/** A 19-digit card written in fours; +86 and a phone in three groups. */
const MAX_GROUPS = 5
/** No shape is shorter than a landline with its area code or longer than a bank card. */
const SHAPE_LENGTHS = { min: 10, max: 19 }
/** Tried in this order on the same groups: an ID card before the 18-digit card it could also be. */
const RECOGNISERS = [mobile, idCard, landline, bankCard]

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
  for (const run of splitRuns(text, scanGroups(text))) findInRun(text, run, found)
  return found
}

function scanGroups(text: string): Group[] {
  const groups: Group[] = []
  GROUP.lastIndex = 0
  for (let match = GROUP.exec(text); match; match = GROUP.exec(text)) {
    const [all, area, plus = '', arabic, chinese, x] = match
    const start = match.index
    const digitStart = area ? start + 1 : start + plus.length
    const raw = area ?? arabic ?? chinese ?? ''
    groups.push({
      script: chinese ? 'chinese' : 'arabic',
      start,
      digitStart,
      digitEnd: digitStart + raw.length,
      end: start + all.length,
      digits: chinese ? chinese.replace(/./g, (ch) => CHINESE_DIGITS.get(ch)!) : foldFullWidth(raw),
      plus: plus !== '',
      paren: area !== undefined,
      x: x !== undefined,
    })
  }
  return groups
}

function foldFullWidth(digits: string): string {
  if (!FULL_WIDTH_DIGIT.test(digits)) return digits
  return digits.replace(FULL_WIDTH_DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
}

/** Groups written as one number: one script, a short separator between, no mask's remains among them. */
function splitRuns(text: string, groups: Group[]): Group[][] {
  const runs: Group[][] = []
  let run: Group[] = []
  for (const group of groups) {
    const previous = run[run.length - 1]
    if (isMaskRemnant(text, group)) run = []
    else if (previous && joins(text, previous, group)) run.push(group)
    else runs.push((run = [group]))
  }
  return runs
}

function joins(text: string, previous: Group, next: Group): boolean {
  // A check X ends an ID; a + starts a new number.
  if (previous.script !== next.script || previous.x || next.plus) return false
  const gap = next.start - previous.end
  if (gap === 0) return previous.paren // (0710)3456789
  if (gap > MAX_GAP) return false
  for (let at = previous.end; at < next.start; at++) if (!SEPARATORS.has(text.charCodeAt(at))) return false
  return true
}

/**
 * The digits a mask leaves visible (`138****8002`, `0710-****789`) are not a number of their own. Without
 * this, masking a masked text again would join them to their neighbours and mask once more.
 */
function isMaskRemnant(text: string, group: Group): boolean {
  if (group.digits.length > MAX_VISIBLE) return false
  const before = SEPARATORS.has(text.charCodeAt(group.start - 1)) ? group.start - 1 : group.start
  const after = SEPARATORS.has(text.charCodeAt(group.end)) ? group.end + 1 : group.end
  return (before >= MASK.length && text.startsWith(MASK, before - MASK.length)) || text.startsWith(MASK, after)
}

/** Left to right, the longest number starting at each group; what no shape claims may still be long. */
function findInRun(text: string, run: Group[], found: SensitiveNumber[]): void {
  let unclaimed: Group[] = []
  for (let first = 0; first < run.length;) {
    const match = longestAt(text, run, first)
    if (match) {
      longDigits(text, unclaimed, found)
      found.push(match.number)
      unclaimed = []
      first = match.next
    } else unclaimed.push(run[first++]!)
  }
  longDigits(text, unclaimed, found)
}

function longestAt(text: string, run: Group[], first: number): { number: SensitiveNumber; next: number } | null {
  const last = Math.min(run.length, first + MAX_GROUPS)
  let length = 0
  for (let at = first; at < last; at++) length += run[at]!.digits.length
  for (let next = last; next > first; length -= run[--next]!.digits.length) {
    if (length < SHAPE_LENGTHS.min || length > SHAPE_LENGTHS.max) continue
    const groups = run.slice(first, next)
    const candidate = { text, groups, digits: groups.map((g) => g.digits).join('') }
    for (const recognise of RECOGNISERS) {
      const number = recognise(candidate)
      if (number) return { number, next }
    }
  }
  return null
}

const MOBILE = /^(?:0086|86)?1[3-9]\d{9}$/

function mobile(c: Candidate): SensitiveNumber | null {
  if (!MOBILE.test(c.digits)) return null
  const at = c.digits.length - 11 // after a country code
  const [first, ...rest] = c.groups
  // Groups of one or two digits, but for a country code of its own, are dates and counts: '#办结 135 2026-11-20'.
  if (!plainGroups({ ...c, groups: first!.digits.length === at ? rest : c.groups }, 3)) return null
  const prefix = at > 0 ? '+86 ' : first!.plus ? '+' : ''
  return numberOf(c, 'mobile', `${prefix}${written(c, at, at + 3)}${MASK}${written(c, at + 7, at + 11)}`)
}

/** Region, birth date, three digits and a check character; the date tells an ID from an 18-digit card. */
const ID_CARD = /^[1-9]\d{5}(?:18|19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dX]$/

function idCard(c: Candidate): SensitiveNumber | null {
  const last = c.groups[c.groups.length - 1]!
  const body = last.x ? `${c.digits}X` : c.digits
  // Written in fours it is a card, even when its middle reads as a date.
  if (!ID_CARD.test(body) || !plainGroups(c, 2) || (!last.x && inFours(c.groups))) return null
  const tail = last.x ? written(c, 14, 17) + c.text.charAt(last.digitEnd) : written(c, 14, 18)
  return numberOf(c, 'idCard', `${written(c, 0, 6)}********${tail}`, last.x ? last.end : last.digitEnd)
}

/** Area codes are 010 and 02x, or 0 and three digits; a local number starts with 2–9. */
const AREA_3 = /^0(?:10|2\d)/
const AREA_4 = /^0[3-9]\d\d/
const LOCAL = /^[2-9]\d{6,7}$/

function landline(c: Candidate): SensitiveNumber | null {
  const [area, ...local] = c.groups
  const length = AREA_3.test(c.digits) ? 3 : AREA_4.test(c.digits) ? 4 : 0
  if (!area || length === 0 || !LOCAL.test(c.digits.slice(length)) || local.length > 2) return null
  if (local.length > 0 && (area.digits.length !== length || local.some((g) => g.paren || g.digits.length < 3))) {
    return null
  }
  const shown = area.paren ? c.text.slice(area.start, area.end) : `${written(c, 0, length)}-`
  return numberOf(c, 'landline', `${shown}${MASK}${written(c, length + 4, c.digits.length)}`)
}

const BANK_CARD = /^[1-9]\d{15,18}$/

function bankCard(c: Candidate): SensitiveNumber | null {
  if (!BANK_CARD.test(c.digits) || !plainGroups(c, 1)) return null
  if (c.groups.length > 1 && !inFours(c.groups)) return null
  return numberOf(c, 'bankCard', `${MASK}${written(c, c.digits.length - 4, c.digits.length)}`)
}

/**
 * Eleven digits or more that no shape claims are masked too. Groups of one or two digits are dates and
 * counts (2026-11-20, 第1 3 5组), so they are never part of such a stretch.
 */
function longDigits(text: string, groups: Group[], found: SensitiveNumber[]): void {
  let from = 0
  let length = 0
  for (let to = 0; to <= groups.length; to++) {
    const group = groups[to]
    if (group && group.digits.length >= 3 && !group.paren) {
      length += group.digits.length
      continue
    }
    if (length >= 11) {
      const stretch = groups.slice(from, to)
      const c = { text, groups: stretch, digits: stretch.map((g) => g.digits).join('') }
      found.push(
        numberOf(c, 'longDigits', `${written(c, 0, 3)}${'*'.repeat(length - 7)}${written(c, length - 4, length)}`),
      )
    }
    from = to + 1
    length = 0
  }
}

function plainGroups(c: Candidate, minDigits: number): boolean {
  return c.groups.every((g) => !g.paren && g.digits.length >= minDigits)
}

function inFours(groups: Group[]): boolean {
  const last = groups.length - 1
  return groups.length >= 4 && groups.every((g, i) => (i < last ? g.digits.length === 4 : g.digits.length <= 4))
}

function numberOf(c: Candidate, kind: SensitiveKind, masked: string, end?: number): SensitiveNumber {
  const first = c.groups[0]!
  // A + belongs to a mobile's +86; before anything else it stays in the text.
  const start = first.plus && kind !== 'mobile' ? first.digitStart : first.start
  return { kind, start, end: end ?? c.groups[c.groups.length - 1]!.digitEnd, masked }
}

/** Digits `from` to `to` as written, so what stays visible keeps its script and no neighbour joins it. */
function written(c: Candidate, from: number, to: number): string {
  let out = ''
  let offset = 0
  for (const g of c.groups) {
    const length = g.digitEnd - g.digitStart
    const a = Math.max(from - offset, 0)
    const b = Math.min(to - offset, length)
    if (a < b) out += c.text.slice(g.digitStart + a, g.digitStart + b)
    offset += length
  }
  return out
}
