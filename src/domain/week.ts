import { addDays, formatDate, weekStart, type LocalDate } from './zoned-time'

/** ISO week key such as "2026-W47" (weeks run Monday to Sunday, week 1 holds the first Thursday). */
export function weekKey(date: LocalDate): string {
  const monday = weekStart(date)
  const thursday = addDays(monday, 3)
  const jan1 = Date.UTC(thursday.year, 0, 1)
  const day = (Date.UTC(thursday.year, thursday.month - 1, thursday.day) - jan1) / 86_400_000
  return `${thursday.year}-W${String(Math.floor(day / 7) + 1).padStart(2, '0')}`
}

export function weekNumber(key: string): number {
  return Number(key.slice(key.indexOf('W') + 1))
}

/** Monday and Sunday of the date's week, as ISO dates. */
export function weekRange(date: LocalDate): { from: string; to: string; monday: LocalDate; sunday: LocalDate } {
  const monday = weekStart(date)
  const sunday = addDays(monday, 6)
  return { from: formatDate(monday), to: formatDate(sunday), monday, sunday }
}

/** Whole weeks from one Monday to another, for rotations. */
export function weeksBetween(fromMonday: LocalDate, toMonday: LocalDate): number {
  const ms =
    Date.UTC(toMonday.year, toMonday.month - 1, toMonday.day) -
    Date.UTC(fromMonday.year, fromMonday.month - 1, fromMonday.day)
  return Math.round(ms / (7 * 86_400_000))
}
