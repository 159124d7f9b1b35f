import type { Member } from './entities'
import { nearestSetting, type OrgTree } from './org-tree'

/**
 * Who the unit figures count. Executives always; admins never (they run groups and keep no checklist);
 * chairs only where their federation says so (`countChairs` on their unit or the nearest unit above).
 *
 * Why chairs are left out by default: the figures are the executive committee's coverage that 月调度
 * reports compare, and the chair is the one who reads them and answers for them. Counting her put the
 * reader in her own "behind" list and under "执委人数". A chair still keeps her checklist (#进度 works),
 * and a federation that reviews its chairs on it turns counting on, for every view at once.
 */
export function isCounted(member: Pick<Member, 'role' | 'orgId'>, tree: OrgTree): boolean {
  if (member.role === 'executive') return true
  if (member.role === 'chair') return nearestSetting(tree, member.orgId, 'countChairs') === true
  return false
}

/** What a number of people counted is: "执委 12 人", or "执委 12 人、主席 2 人" where chairs are counted. */
export function countedLabel(counts: { executives: number; chairs: number }): string {
  return counts.chairs > 0 ? `执委 ${counts.executives} 人、主席 ${counts.chairs} 人` : `执委 ${counts.executives} 人`
}

/** The word for the people counted, in headings: "执委", or "执委和主席" where chairs are counted. */
export function countedNoun(counts: { chairs: number }): string {
  return counts.chairs > 0 ? '执委和主席' : '执委'
}
