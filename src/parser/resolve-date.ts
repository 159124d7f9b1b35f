import type { DateExpr } from './command-parts'
import { addDays, compareDates, isValidDate, type LocalDate } from '../domain/zoned-time'
import { findDate } from '../nl/find-date'

export type ResolvedDate = { ok: true; date: LocalDate } | { ok: false; message: string }

/**
 * Turns "昨天" or "11月20日" into a calendar date. A month and day without a year is the most recent
 * such day; items cannot be dated in the future or before last year.
 */
export function resolveDate(expr: DateExpr | undefined, today: LocalDate): ResolvedDate {
  if (!expr) return { ok: true, date: today }
  if (expr.type === 'phrase') return phrase(expr.text, today)
  let date: LocalDate
  if (expr.type === 'relative') date = addDays(today, -expr.daysAgo)
  else {
    date = { year: expr.year ?? today.year, month: expr.month, day: expr.day }
    if (expr.year === undefined && compareDates(date, today) > 0) date = { ...date, year: today.year - 1 }
  }
  if (!isValidDate(date)) return { ok: false, message: `没有 ${date.month}月${date.day}日 这一天，请检查日期。` }
  if (compareDates(date, today) > 0) return { ok: false, message: '日期不能晚于今天：事情做完后再来记录。' }
  if (date.year < today.year - 1) return { ok: false, message: '只能补记今年和去年的事项。' }
  return { ok: true, date }
}

/** A date phrase: a vague one (前几天, 上周) is asked about, never taken as today. */
function phrase(text: string, today: LocalDate): ResolvedDate {
  const found = findDate(text, today)
  if (!found) return { ok: false, message: `没看懂“${text}”是哪一天，请写成“昨天”“上周五”或“11月20日”。` }
  if (found.ok)
    return found.date.year < today.year - 1
      ? { ok: false, message: '只能补记今年和去年的事项。' }
      : { ok: true, date: found.date }
  if (found.problem === 'future') return { ok: false, message: '日期不能晚于今天：事情做完后再来记录。' }
  if (found.problem === 'pastYear') return { ok: false, message: '只能补记今年和去年的事项。' }
  if (found.problem === 'invalid') return { ok: false, message: `没有“${text}”这一天，请检查日期。` }
  return { ok: false, message: `“${text}”是哪一天？请写具体日期，例如“上周五”或“11月20日”。` }
}
