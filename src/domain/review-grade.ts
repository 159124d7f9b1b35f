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
