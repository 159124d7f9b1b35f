import type { WeeklySlot } from './entities'
import { fromLocal, toLocal, addDays } from './zoned-time'
import { weekRange } from './week'

export const DEFAULT_WEEKLY_PROGRESS: WeeklySlot = { weekday: 1, hour: 9, minute: 0 }
export const DEFAULT_DIARY_REMINDER: WeeklySlot = { weekday: 5, hour: 18, minute: 0 }

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日']

/** The instant of this week's slot (the week containing `now`). */
export function slotThisWeek(slot: WeeklySlot, now: Date, tz: string): Date {
  const { monday } = weekRange(toLocal(now, tz))
  return fromLocal(addDays(monday, slot.weekday - 1), tz, slot.hour, slot.minute)
}

export function hasSlotPassed(slot: WeeklySlot, now: Date, tz: string): boolean {
  return now.getTime() >= slotThisWeek(slot, now, tz).getTime()
}

/** "周一 09:00" → slot; undefined if it does not read as one. */
export function parseSlot(text: string): WeeklySlot | undefined {
  const m = /^(?:周|星期)([一二三四五六日天])\s*(\d{1,2})(?::|：|点)?(\d{2})?$/.exec(text.replace(/\s+/g, ''))
  if (!m) return undefined
  const weekday = m[1] === '天' ? 7 : WEEKDAYS.indexOf(m[1]!) + 1
  const hour = Number(m[2])
  const minute = Number(m[3] ?? 0)
  if (hour > 23 || minute > 59) return undefined
  return { weekday, hour, minute }
}

export function describeSlot(slot: WeeklySlot): string {
  return `周${WEEKDAYS[slot.weekday - 1]} ${String(slot.hour).padStart(2, '0')}:${String(slot.minute).padStart(2, '0')}`
}
