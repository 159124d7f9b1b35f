import { DEFAULT_CHECKLIST, type ChecklistItem } from './checklist'
import { evaluateProgress, type ProgressCounts } from './progress'
import type { LocalDate } from './zoned-time'

export interface Standing {
  memberId: string
  name: string
  orgId: string
  done: number
  total: number
  onTrack: boolean
  nothingYet: boolean
}

function dayOfYear(date: LocalDate): { day: number; days: number } {
  const start = Date.UTC(date.year, 0, 1)
  const day = (Date.UTC(date.year, date.month - 1, date.day) - start) / 86_400_000 + 1
  const days = (Date.UTC(date.year + 1, 0, 1) - start) / 86_400_000
  return { day, days }
}

/**
 * Items one should have finished by this date if the year's work were spread evenly, less one item of
 * grace: in week 47 of 52 that is 6 of 8. Fewer done than that is "behind".
 */
export function expectedDone(today: LocalDate, total: number): number {
  const { day, days } = dayOfYear(today)
  return Math.max(0, Math.floor((total * day) / days) - 1)
}

export function standingOf(
  member: { id: string; name: string; orgId: string },
  counts: ProgressCounts,
  today: LocalDate,
  checklist: readonly ChecklistItem[] = DEFAULT_CHECKLIST,
): Standing {
  const items = evaluateProgress(counts, checklist)
  const done = items.filter((i) => i.done).length
  const nothingYet = items.every((i) => i.count === 0) && counts.diary === 0
  return {
    memberId: member.id,
    name: member.name,
    orgId: member.orgId,
    done,
    total: items.length,
    onTrack: done >= expectedDone(today, items.length),
    nothingYet,
  }
}

export function averageDone(standings: readonly Standing[]): number {
  if (standings.length === 0) return 0
  return standings.reduce((sum, s) => sum + s.done, 0) / standings.length
}
