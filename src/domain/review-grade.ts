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
 *
 * `size` is the number of items of her checklist (see unit-checklist). The default rule is of the eight
 * items — all done 优秀, three quarters 合格, half 基本合格 — and keeps those shares for a checklist of
 * another size (11 items: 11, 9, 6; 3 items: 3, 3, 2). A unit's own thresholds stay as it set them, but
 * never above her number of items: all her items done is always 优秀.
 */
export function gradeRuleFor(tree: OrgTree, orgId: string, size = 8): ReviewRule {
  const set = nearestSetting(tree, orgId, 'review')
  if (set)
    return {
      excellent: Math.min(set.excellent, size),
      pass: Math.min(set.pass, size),
      basic: Math.min(set.basic, size),
    }
  return scaledDefault(size)
}

function scaledDefault(size: number): ReviewRule {
  const share = (rule: number) => Math.ceil((rule / 8) * size)
  return { excellent: size, pass: share(DEFAULT_REVIEW_RULE.pass), basic: share(DEFAULT_REVIEW_RULE.basic) }
}
