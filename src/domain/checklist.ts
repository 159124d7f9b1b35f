/** The default yearly duty checklist (履职清单) of DOMAIN.md; a federation may change targets later. */
export const DUTY_KINDS = [
  'representatives',
  'poorFamily',
  'problemSolved',
  'onlineGroup',
  'socialOrg',
  'publicService',
  'report',
  'proposal',
] as const

export type DutyKind = (typeof DUTY_KINDS)[number]

export interface ChecklistItem {
  key: DutyKind
  label: string
  /** The target: done when the count reaches min; max is the upper end of a range such as 5–7. */
  min: number
  max?: number
  /** Count distinct subjects (people, families, organisations) instead of entries. */
  distinct: boolean
}

export const DEFAULT_CHECKLIST: readonly ChecklistItem[] = [
  { key: 'representatives', label: '联系妇女代表', min: 5, max: 7, distinct: true },
  { key: 'poorFamily', label: '联系贫困家庭', min: 1, distinct: true },
  { key: 'problemSolved', label: '帮助解决问题', min: 1, distinct: false },
  { key: 'onlineGroup', label: '建立正能量网群', min: 1, distinct: false },
  { key: 'socialOrg', label: '联系指导社会组织', min: 1, distinct: true },
  { key: 'publicService', label: '参与公益服务', min: 1, distinct: false },
  { key: 'report', label: '撰写调研报告', min: 1, distinct: false },
  { key: 'proposal', label: '提交建议案', min: 1, distinct: false },
]

export function checklistItem(kind: DutyKind, checklist: readonly ChecklistItem[] = DEFAULT_CHECKLIST): ChecklistItem {
  const item = checklist.find((i) => i.key === kind)
  if (!item) throw new Error(`checklist has no item ${kind}`)
  return item
}

/** "联系妇女代表「刘翠花」", or just "参与公益服务" for an item recorded without a title. */
export function itemWithSubject(kind: DutyKind, subject: string | null | undefined): string {
  const label = checklistItem(kind).label
  return subject ? `${label}「${subject}」` : label
}
