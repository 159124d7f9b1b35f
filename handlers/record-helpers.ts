import type { HandlerContext } from './handler-context'
import { UserError } from './handler-context'
import type { Member } from '../src/domain/entities'
import type { DateExpr } from '../src/parser/command-types'
import { resolveDate } from '../src/domain/resolve-date'
import { formatDate, type LocalDate } from '../src/domain/zoned-time'
import { hasChecklist } from '../src/domain/entities'
import { MESSAGES } from './messages'

/** The sender, if she may keep records here; otherwise the sentence that says why not. */
export function requireRecorder(ctx: HandlerContext): Member {
  if (!ctx.sender) throw new UserError(MESSAGES.stranger)
  if (ctx.place.type === 'group' && ctx.place.kind === 'constituent') throw new UserError(MESSAGES.privacy)
  if (!hasChecklist(ctx.sender)) throw new UserError(MESSAGES.noChecklist)
  return ctx.sender
}

export function requireDate(ctx: HandlerContext, expr: DateExpr | undefined): LocalDate {
  const resolved = resolveDate(expr, ctx.today)
  if (!resolved.ok) throw new UserError(resolved.message)
  return resolved.date
}

/** "今天" for today, "11月20日" for another day this year, "2025年12月30日" otherwise. */
export function describeDate(date: LocalDate, today: LocalDate): string {
  if (formatDate(date) === formatDate(today)) return '今天'
  return date.year === today.year ? `${date.month}月${date.day}日` : `${date.year}年${date.month}月${date.day}日`
}
