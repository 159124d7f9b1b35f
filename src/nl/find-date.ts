import { addDays, compareDates, isValidDate, type LocalDate } from '../domain/zoned-time'
import { chineseNumber } from './chinese-number'

/**
 * A date as people write it in a sentence: 上周五, 昨天上午, 前天下午, 3号, 上个月20号, 十一月十七号,
 * 11.18, 2026年11月19日. Found anywhere in the text and resolved against `today` (China time); a date
 * that is vague (上周, 前几天), in the future, impossible or before last year (2024年…, 前年, 三年前: the
 * bot records only this year and last) is reported as such, never replaced by today.
 */
export type FoundDate =
  | { ok: true; date: LocalDate; phrase: string }
  | { ok: false; problem: 'future' | 'vague' | 'invalid' | 'pastYear'; phrase: string }

const NUM = '(\\d{1,4}|[零〇一二两三四五六七八九十廿卅]{1,4})'
const WEEKDAY = '([一二三四五六日天1-7])'
const PART_OF_DAY = '(?:上午|下午|中午|晚上|早上|傍晚|夜里|晚|早|一早)?'
/** A part of day right after a date phrase (昨天上午). */
const PART_OF_DAY_FIRST = new RegExp(`^${PART_OF_DAY}`)
const WEEK = '(?:周|星期|礼拜)'
const WEEKDAYS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 }

const num = (s: string): number => (/^\d+$/.test(s) ? Number(s) : (chineseNumber(s) ?? NaN))
const weekdayOf = (d: LocalDate) => new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay() || 7

/** What the text around says: "上周的补记一下：周一…周三…" puts the bare weekdays after it in last week. */
export interface DateContext {
  weeksBack?: number
}

type Rule = {
  re: RegExp
  resolve: (
    m: RegExpExecArray,
    today: LocalDate,
    context: DateContext,
  ) => LocalDate | 'future' | 'vague' | 'invalid' | 'pastYear'
}

/**
 * A year written without four digits: 24年 is 2024 (99年 is 1999), 999年 is the year 999, 一九九〇年 is
 * 1990. The bot records only this year and last, so any year is read as written and judged after.
 */
function yearOf(written: string, today: LocalDate): number {
  const year = num(written)
  if (written.length !== 2) return year
  const century = Math.floor(today.year / 100) * 100
  return century + year > today.year ? century - 100 + year : century + year
}

function dayOf(year: number, month: number, day: number): LocalDate | 'invalid' {
  const date = { year, month, day }
  return isValidDate(date) ? date : 'invalid'
}

const days = (a: LocalDate, b: LocalDate) =>
  (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000

/**
 * A month and day without a year: whichever of this year's and last year's is nearer. "12月5号" said on
 * 23 November is a plan (future), "12月28号" said on 4 January is last week.
 */
function recent(today: LocalDate, month: number, day: number): LocalDate | 'invalid' | 'future' {
  const thisYear = dayOf(today.year, month, day)
  if (thisYear === 'invalid') return 'invalid'
  if (compareDates(thisYear, today) <= 0) return thisYear
  const lastYear = dayOf(today.year - 1, month, day)
  if (lastYear === 'invalid') return 'future'
  return days(today, thisYear) < days(lastYear, today) ? 'future' : lastYear
}

/** The weekday `weekday` of the week `weeksBack` weeks before this one (weeks run Monday to Sunday). */
function weekday(today: LocalDate, weeksBack: number, weekday: number): LocalDate {
  const monday = addDays(today, 1 - weekdayOf(today))
  return addDays(monday, weekday - 1 - 7 * weeksBack)
}

/** Holidays on a fixed day ("国庆节那天"); lunar ones move every year and are asked about instead. */
const FIXED_HOLIDAYS: Rule[] = (
  [
    [/元旦/, 1, 1],
    [/三八(?:妇女)?节|妇女节/, 3, 8],
    [/五一(?:劳动)?节|劳动节|五一(?:那天|当天)/, 5, 1],
    [/五四青年节|青年节/, 5, 4],
    [/六一(?:儿童)?节|儿童节/, 6, 1],
    [/建党节|七一(?:那天|当天)/, 7, 1],
    [/建军节/, 8, 1],
    [/教师节/, 9, 10],
    [/国庆节?(?:那天|当天)|国庆节(?!期间|假期|长假|前后)/, 10, 1],
  ] as const
).map(([re, month, day]) => ({
  // "排了下元旦的节目": a holiday's programme, not a day; "元旦的时候" is the day.
  re: new RegExp(`(?:${re.source})(?!的(?!时候|那天|当天|前后))`),
  resolve: (_m, t) => recent(t, month, day),
}))

/** Lunar holidays by year (their Gregorian day moves every year), for the years the bot will be asked about. */
const LUNAR: Record<string, Record<number, string>> = {
  春节: { 2024: '02-10', 2025: '01-29', 2026: '02-17', 2027: '02-06', 2028: '01-26', 2029: '02-13', 2030: '02-03' },
  元宵: { 2024: '02-24', 2025: '02-12', 2026: '03-03', 2027: '02-20', 2028: '02-09', 2029: '02-27', 2030: '02-17' },
  端午: { 2024: '06-10', 2025: '05-31', 2026: '06-19', 2027: '06-09', 2028: '05-28', 2029: '06-16', 2030: '06-05' },
  七夕: { 2024: '08-10', 2025: '08-29', 2026: '08-19', 2027: '08-08', 2028: '08-26', 2029: '08-16', 2030: '08-05' },
  中秋: { 2024: '09-17', 2025: '10-06', 2026: '09-25', 2027: '09-15', 2028: '10-03', 2029: '09-22', 2030: '09-12' },
  重阳: { 2024: '10-11', 2025: '10-29', 2026: '10-18', 2027: '10-08', 2028: '10-26', 2029: '10-16', 2030: '10-05' },
}

/** The latest day of a lunar holiday not after today; 除夕 is the day before 春节. */
function lunar(name: string, today: LocalDate): LocalDate | 'vague' {
  const table = LUNAR[name === '除夕' ? '春节' : name === '大年初一' ? '春节' : name]!
  for (const year of [today.year + 1, today.year, today.year - 1]) {
    const md = table[year]
    if (!md) continue
    const [month, day] = md.split('-').map(Number) as [number, number]
    const date = name === '除夕' ? addDays({ year, month, day }, -1) : { year, month, day }
    if (compareDates(date, today) <= 0) return date
  }
  return 'vague'
}

const RULES: Rule[] = [
  {
    re: new RegExp(`(\\d{4})\\s*[年./-]\\s*${NUM}\\s*[月./-]\\s*${NUM}\\s*[日号]?`),
    resolve: (m) => dayOf(num(m[1]!), num(m[2]!), num(m[3]!)),
  },
  // 24年11月20日, 999年3月5日, 一九九〇年三月五日: any other way of writing the year before a day.
  {
    re: new RegExp(
      `(?<![\\d零〇一二三四五六七八九])(\\d{2,3}|[零〇一二三四五六七八九]{2,4})\\s*年\\s*${NUM}\\s*月\\s*${NUM}\\s*[日号]?`,
    ),
    resolve: (m, t) => dayOf(yearOf(m[1]!, t), num(m[2]!), num(m[3]!)),
  },
  // 前年国庆节, 大前年, 三年前: before last year, whatever day follows.
  {
    re: /(?<![提之以目当从先往空眼史])(?:大)?前年|(?<![\d一])(?:[两二三四五六七八九十]|\d{1,2}|好几|几)年(?:以)?前/,
    resolve: () => 'pastYear',
  },
  { re: /(?<![\d一二三四五六七八九十])一年(?:以)?前/, resolve: () => 'vague' },
  {
    re: new RegExp(`(?:这|本)个?月\\s*${NUM}\\s*[日号]`),
    resolve: (m, t) => dayOf(t.year, t.month, num(m[1]!)),
  },
  { re: /双十一/, resolve: (_m, t) => recent(t, 11, 11) },
  { re: /双十二/, resolve: (_m, t) => recent(t, 12, 12) },
  { re: /春节|大年初一|除夕|元宵|端午|七夕|中秋|重阳/, resolve: (m, t) => lunar(m[0], t) },
  {
    re: new RegExp(`上个?月\\s*${NUM}\\s*[日号]`),
    resolve: (m, t) => (t.month === 1 ? dayOf(t.year - 1, 12, num(m[1]!)) : dayOf(t.year, t.month - 1, num(m[1]!))),
  },
  {
    // The spaces after 去年 belong to it: a phrase never starts with a space (which would make every space
    // before a long run of them try the whole run).
    re: new RegExp(`(?:(去年|今年)\\s*)?${NUM}\\s*月(?:份)?\\s*${NUM}\\s*[日号]`),
    resolve: (m, t) =>
      m[1] === '去年' ? dayOf(t.year - 1, num(m[2]!), num(m[3]!)) : recent(t, num(m[2]!), num(m[3]!)),
  },
  { re: /(?<![\d.])(\d{1,2})[./](\d{1,2})(?![\d.])/, resolve: (m, t) => recent(t, Number(m[1]), Number(m[2])) },
  { re: new RegExp(`上上${WEEK}${WEEKDAY}`), resolve: (m, t) => weekday(t, 2, WEEKDAYS[m[1]!] ?? Number(m[1])) },
  { re: new RegExp(`上个?${WEEK}${WEEKDAY}`), resolve: (m, t) => weekday(t, 1, WEEKDAYS[m[1]!] ?? Number(m[1])) },
  {
    re: new RegExp(`(?:这|本)个?${WEEK}${WEEKDAY}`),
    resolve: (m, t) => {
      const d = weekday(t, 0, WEEKDAYS[m[1]!] ?? Number(m[1]))
      return compareDates(d, t) > 0 ? 'future' : d
    },
  },
  // "记一下周六…" is 一下 then 周六, not 下周六.
  { re: /(?<!一)下个?(?:周|星期|礼拜|月)|明年/, resolve: () => 'future' },
  { re: new RegExp(`(?<![\\d月])${NUM}\\s*天(?:以)?前`), resolve: (m, t) => addDays(t, -num(m[1]!)) },
  ...FIXED_HOLIDAYS,
  { re: /国庆|大年|正月|腊八|小年|清明/, resolve: () => 'vague' },
  { re: /大前天|大前儿/, resolve: (_m, t) => addDays(t, -3) },
  { re: /前天|前儿个?/, resolve: (_m, t) => addDays(t, -2) },
  { re: /昨天|昨日|昨儿个?|昨晚|昨夜/, resolve: (_m, t) => addDays(t, -1) },
  { re: /今天|今日|今儿个?|今早|今晚|今天?一早|今个/, resolve: (_m, t) => t },
  { re: /大后天|后天|明天|明日|明儿个?|明早|明晚/, resolve: () => 'future' },
  {
    re: new RegExp(`(?<![上这本])(?<!(?<!一)下)${WEEK}${WEEKDAY}`),
    resolve: (m, t, context) => {
      const d = weekday(t, context.weeksBack ?? 0, WEEKDAYS[m[1]!] ?? Number(m[1]))
      return compareDates(d, t) > 0 ? addDays(d, -7) : d
    },
  },
  {
    re: new RegExp(`(?<![\\d月年.])${NUM}\\s*[号](?![楼网院线门车床房机库栋])(?:那天)?`),
    resolve: (m, t) => {
      const d = dayOf(t.year, t.month, num(m[1]!))
      if (d === 'invalid') return 'invalid'
      return compareDates(d, t) > 0 ? 'future' : d
    },
  },
  {
    re: /上个?(?:周|星期|礼拜)|前几天|前两天|前一阵子?|这阵子|这一阵子?|这段时间|这些天|这两天|月初|上旬|中旬|前些天|前些日子|前阵子|前段时间|这几天|最近|半个?月前|(?:(?<![一二两三四五六七八九十\d])[一二两三四五六七八九十\d]+|几)个?(?:月|星期|礼拜|周)(?:以)?前|上个?月|这个?月|去年|这周|本周/,
    resolve: () => 'vague',
  },
]

/** The first date phrase in the text, with any part of day after it (上午, 晚上) taken as part of it. */
export function findDate(text: string, today: LocalDate, context: DateContext = {}): FoundDate | undefined {
  let best: { index: number; found: FoundDate } | undefined
  for (const rule of RULES) {
    const m = rule.re.exec(text)
    if (!m) continue
    if (best && best.index <= m.index) continue
    const after = text.slice(m.index + m[0].length)
    // "中秋节前一天", "国庆后两天": a day counted from the one named.
    const offset = /^节?(?:的)?([前后])([一两二三1-3])天/.exec(after)
    const rest = offset ? after.slice(offset[0].length) : after
    const tail = PART_OF_DAY_FIRST.exec(rest)?.[0] ?? ''
    const phrase = m[0] + (offset?.[0] ?? '') + tail
    const named = rule.resolve(m, today, context)
    const shift = offset
      ? (offset[1] === '前' ? -1 : 1) * ({ 一: 1, 两: 2, 二: 2, 三: 3 }[offset[2]!] ?? Number(offset[2]))
      : 0
    const around = !offset && /^节?(?:的)?(?:前后|期间|假期|那几天|长假|左右|前|后)/.test(after)
    const resolved = around ? 'vague' : typeof named === 'string' || !shift ? named : addDays(named, shift)
    const found: FoundDate =
      typeof resolved === 'string'
        ? { ok: false, problem: resolved, phrase }
        : compareDates(resolved, today) > 0
          ? { ok: false, problem: 'future', phrase }
          : resolved.year < today.year - 1
            ? { ok: false, problem: 'pastYear', phrase }
            : { ok: true, date: resolved, phrase }
    best = { index: m.index, found }
  }
  return best?.found
}
