import type { DateExpr } from '../../src/parser/command-types'
import { resolveDate } from '../../src/parser/resolve-date'
import { formatDate, type LocalDate } from '../../src/domain/zoned-time'
import type { MessageContext } from './message-context'
import { UserError } from './user-error'

export function requireDate(ctx: MessageContext, expr: DateExpr | undefined): LocalDate {
  const resolved = resolveDate(expr, ctx.today)
  if (!resolved.ok) throw new UserError('badDate', resolved.message)
  return resolved.date
}

/** "今天" for today, "11月20日" for another day this year, "2025年12月30日" otherwise. */
export function describeDate(date: LocalDate, today: LocalDate): string {
  if (formatDate(date) === formatDate(today)) return '今天'
  return date.year === today.year ? `${date.month}月${date.day}日` : `${date.year}年${date.month}月${date.day}日`
}
