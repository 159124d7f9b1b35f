import { DEFAULT_CHECKLIST, DUTY_KINDS, type ChecklistItem, type DutyKind } from './checklist'

/** One executive's counts for one calendar year: the summary keys of CONTRACT.md §2. */
export type ProgressCounts = Record<DutyKind, number> & { diary: number; needsOpen: number; needsResolved: number }

export interface CountableLog {
  kind: DutyKind
  subjectKey: string
}

export function emptyCounts(): ProgressCounts {
  const counts = {} as ProgressCounts
  for (const kind of DUTY_KINDS) counts[kind] = 0
  return { ...counts, diary: 0, needsOpen: 0, needsResolved: 0 }
}

/** Counts from the raw records; the stored progress must always equal this (see rebuild-progress). */
export function countProgress(
  logs: readonly CountableLog[],
  extra: { diary: number; needsOpen: number; needsResolved: number },
  checklist: readonly ChecklistItem[] = DEFAULT_CHECKLIST,
): ProgressCounts {
  const counts = { ...emptyCounts(), ...extra }
  for (const item of checklist) {
    const mine = logs.filter((l) => l.kind === item.key)
    counts[item.key] = item.distinct ? new Set(mine.map((l) => l.subjectKey)).size : mine.length
  }
  return counts
}

export interface ItemStatus {
  key: DutyKind
  label: string
  count: number
  min: number
  max?: number
  done: boolean
}

export function evaluateProgress(
  counts: ProgressCounts,
  checklist: readonly ChecklistItem[] = DEFAULT_CHECKLIST,
): ItemStatus[] {
  return checklist.map((item) => ({
    key: item.key,
    label: item.label,
    count: counts[item.key],
    min: item.min,
    max: item.max,
    done: counts[item.key] >= item.min,
  }))
}

/** Same person written with different spacing or case counts once. */
export function subjectKey(subject: string): string {
  return subject.normalize('NFKC').replace(/\s+/g, '').toLowerCase()
}
