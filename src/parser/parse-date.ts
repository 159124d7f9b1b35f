import type { DateExpr } from './command-parts'
import { findDate } from '../nl/find-date'

/** Any day serves to tell whether a word is a date phrase: what day it means is decided later. */
const SOME_DAY = { year: 2026, month: 6, day: 15 }

/** 上周五, 昨天上午, 3号, 上个月20号, 前几天: the whole word is one date phrase, understood or not. */
function datePhrase(token: string): DateExpr | undefined {
  const found = findDate(token, SOME_DAY)
  return found && found.phrase === token ? { type: 'phrase', text: token } : undefined
}

// Future days are recognised too, so that "#联系 李梅 明天" is refused as a future date instead of
// being stored for today with "明天" as its text (or "明天" as the person's name).
const RELATIVE: Record<string, number> = {
  今天: 0,
  今日: 0,
  昨天: 1,
  昨日: 1,
  前天: 2,
  大前天: 3,
  明天: -1,
  明日: -1,
  后天: -2,
  大后天: -3,
}

/** Recognises one date token; returns undefined for anything that is not a date. */
export function parseDateToken(token: string): DateExpr | 'invalid' | undefined {
  if (token in RELATIVE) return { type: 'relative', daysAgo: RELATIVE[token]! }
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})[日号]?$/.exec(token)
  if (m) return checked({ type: 'absolute', year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) })
  m = /^(\d{1,2})月(\d{1,2})[日号]?$/.exec(token)
  if (m) return checked({ type: 'absolute', month: Number(m[1]), day: Number(m[2]) })
  m = /^(\d{1,2})[/.](\d{1,2})$/.exec(token)
  if (m) return checked({ type: 'absolute', month: Number(m[1]), day: Number(m[2]) })
  return datePhrase(token)
}

function checked(expr: Extract<DateExpr, { type: 'absolute' }>): DateExpr | 'invalid' {
  if (expr.month < 1 || expr.month > 12 || expr.day < 1 || expr.day > 31) return 'invalid'
  if (expr.year !== undefined && (expr.year < 2000 || expr.year > 2100)) return 'invalid'
  return expr
}

/**
 * Takes a date from the first or last word of the arguments, where people put it:
 * "#公益 两癌筛查宣传 昨天" or "#联系 11月20日 刘翠花".
 */
export function extractDate(words: string[]): { words: string[]; date?: DateExpr } | 'invalid' {
  if (words.length === 0) return { words }
  const last = parseDateToken(words[words.length - 1]!)
  if (last === 'invalid') return 'invalid'
  if (last) return { words: words.slice(0, -1), date: last }
  const first = parseDateToken(words[0]!)
  if (first === 'invalid') return 'invalid'
  if (first) return { words: words.slice(1), date: first }
  return { words }
}

/**
 * "#联系 李梅 上周五 去她家坐了会儿", "#联系 王秀兰 昨天下午电话": a date inside the detail, as its own word or
 * at the start of one. Only for the detail after a name: a title ("关于明年增设托管点") keeps its words.
 */
export function dateInDetail(words: readonly string[]): DateExpr | 'invalid' | undefined {
  for (const word of words) {
    const whole = parseDateToken(word)
    if (whole) return whole
    const found = findDate(word, SOME_DAY)
    if (found && word.startsWith(found.phrase)) return { type: 'phrase', text: found.phrase }
  }
  return undefined
}
