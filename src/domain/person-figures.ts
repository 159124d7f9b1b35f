import type { Member } from './entities'
import type { OrgTree } from './org-tree'
import { evaluateProgress, type ItemStatus, type ProgressCounts } from './progress'
import { checklistFor } from './unit-checklist'
import type { ChecklistItem } from './checklist'
import { gradeOf, gradeRuleFor, type Grade } from './review-grade'
import { standingOf } from './standing'
import type { LocalDate } from './zoned-time'

/** Where one counted person stands in a year: what every view and export shows about her. */
export interface PersonFigures {
  memberId: string
  name: string
  /** Her name as lists show it: with her unit where two people of the list share a name (display-name.ts). */
  displayName: string
  role: Member['role']
  orgId: string
  counts: ProgressCounts
  /** Her checklist (her unit's, see unit-checklist) with where she stands on each item. */
  items: ItemStatus[]
  done: number
  total: number
  onTrack: boolean
  nothingYet: boolean
  grade: Grade
}

/** The day a year is judged at: today for this year, its last day for a past year, its first for a later one. */
export function asOfDay(year: number, today: LocalDate): LocalDate {
  if (year < today.year) return { year, month: 12, day: 31 }
  if (year > today.year) return { year, month: 1, day: 1 }
  return today
}

export function personFigures(
  member: Pick<Member, 'id' | 'name' | 'role' | 'orgId'>,
  counts: ProgressCounts,
  tree: OrgTree,
  asOf: LocalDate,
  /** Her unit's checklist, when the caller has it at hand (the same as checklistFor would give). */
  checklist: readonly ChecklistItem[] = checklistFor(tree, member.orgId),
): PersonFigures {
  const standing = standingOf(member, counts, asOf, checklist)
  return {
    memberId: member.id,
    name: member.name,
    displayName: member.name,
    role: member.role,
    orgId: member.orgId,
    counts,
    items: evaluateProgress(counts, checklist),
    done: standing.done,
    total: standing.total,
    onTrack: standing.onTrack,
    nothingYet: standing.nothingYet,
    grade: gradeOf(standing.done, gradeRuleFor(tree, member.orgId, checklist.length)),
  }
}
