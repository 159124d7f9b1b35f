import { nearestSetting, type OrgTree } from './org-tree'
/** 述职考核: a grade from how many checklist items are done. A federation may change the thresholds. */
export type Grade = '优秀' | '合格' | '基本合格' | '不合格'

export interface ReviewRule {
  excellent: number
  pass: number
  basic: number
}

export const DEFAULT_REVIEW_RULE: ReviewRule = { excellent: 8, pass: 6, basic: 4 }

export function gradeOf(done: number, rule: ReviewRule = DEFAULT_REVIEW_RULE): Grade {
  if (done >= rule.excellent) return '优秀'
  if (done >= rule.pass) return '合格'
  if (done >= rule.basic) return '基本合格'
  return '不合格'
}

export const GRADES: readonly Grade[] = ['优秀', '合格', '基本合格', '不合格']

/**
 * The one rule that grades a person: her own unit's, else the nearest one up her unit's chain, else the
 * default. Every view and export asks this with her unit, never with the unit the reader asked about, so
 * she gets one grade (and one 误工补贴) whoever looks.
 */
export function gradeRuleFor(tree: OrgTree, orgId: string): ReviewRule {
  return nearestSetting(tree, orgId, 'review') ?? DEFAULT_REVIEW_RULE
}
