import { dropInvisible } from './invisible'
import { DEFAULT_CHECKLIST, DUTY_KINDS, isDutyKind, type ChecklistItem, type DutyKind } from './checklist'

/** An added item's records counted every way, so a unit's rule (or a change of it) needs no recount. */
export interface AddedCount {
  entries: number
  distinct: number
  days: number
}

/**
 * One executive's counts for one calendar year: the summary keys of CONTRACT.md §2, and the items her
 * federation added (by key), when she has recorded any.
 */
export type ProgressCounts = Record<DutyKind, number> & {
  diary: number
  needsOpen: number
  needsResolved: number
  added?: Record<string, AddedCount>
  /** Representatives recorded although not on her unit's list (distinct people); absent when none. */
  unlisted?: number
}

/** Her count for one item of her checklist, by its rule. */
export function countOf(counts: ProgressCounts, item: ChecklistItem): number {
  if (isDutyKind(item.key)) return counts[item.key] ?? 0
  return counts.added?.[item.key]?.[item.rule] ?? 0
}

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
    if (!isDutyKind(item.key)) continue
    const mine = logs.filter((l) => l.kind === item.key)
    counts[item.key] = item.distinct ? new Set(mine.map((l) => l.subjectKey)).size : mine.length
  }
  return counts
}

export interface ItemStatus {
  key: string
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
  return checklist.map((item) => {
    const count = countOf(counts, item)
    return { key: item.key, label: item.label, count, min: item.min, max: item.max, done: count >= item.min }
  })
}

/**
 * Same person written with different spacing, case or characters nobody sees (刘\u00ad翠花, 刘\u3164翠花)
 * counts once: the one place names are made comparable, for records, lists and look-ups alike.
 */
export function subjectKey(subject: string): string {
  return dropInvisible(subject.normalize('NFKC')).replace(/\s+/g, '').toLowerCase()
}
