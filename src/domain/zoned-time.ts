/** Calendar arithmetic in the bot's time zone (China Standard Time by default), without a date library. */
export interface LocalDate {
  year: number
  month: number // 1..12
  day: number
}

export interface LocalDateTime extends LocalDate {
  hour: number
  minute: number
  weekday: number // 1 = Monday … 7 = Sunday
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    })
    formatters.set(tz, f)
  }
  return f
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 }

export function toLocal(instant: Date, tz: string): LocalDateTime {
  const parts: Record<string, string> = {}
  for (const p of formatter(tz).formatToParts(instant)) parts[p.type] = p.value
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: WEEKDAYS[parts.weekday ?? ''] ?? 1,
  }
}

/** The instant when the given local wall-clock time occurs (the earlier one across a DST change). */
export function fromLocal(date: LocalDate, tz: string, hour = 0, minute = 0): Date {
  const guess = Date.UTC(date.year, date.month - 1, date.day, hour, minute)
  let instant = guess
  for (let i = 0; i < 2; i++) {
    const seen = toLocal(new Date(instant), tz)
    const seenUtc = Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute)
    instant += guess - seenUtc
  }
  return new Date(instant)
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days))
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }
}

export function isValidDate(date: LocalDate): boolean {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day))
  return d.getUTCFullYear() === date.year && d.getUTCMonth() === date.month - 1 && d.getUTCDate() === date.day
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day
}

export function formatDate(date: LocalDate): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`
}

export function parseIsoDate(text: string): LocalDate {
  const [year, month, day] = text.split('-').map(Number)
  return { year: year!, month: month!, day: day! }
}

/** Monday of the week (Monday to Sunday) that contains the date. */
export function weekStart(date: LocalDate): LocalDate {
  const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() || 7
  return addDays(date, 1 - weekday)
}
