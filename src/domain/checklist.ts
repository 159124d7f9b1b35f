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

/**
 * How an item counts: every entry, distinct subjects (people, families, organisations, units), or
 * distinct days (下基层: one per date).
 */
export type CountRule = 'entries' | 'distinct' | 'days'

export interface ChecklistItem {
  /** One of the eight default items, or the key of an item a federation added (see unit-checklist). */
  key: string
  label: string
  /** The target: done when the count reaches min; max is the upper end of a range such as 5–7. */
  min: number
  max?: number
  /** Count distinct subjects instead of entries (the eight items: fixed; an added one: its rule). */
  distinct: boolean
  rule: CountRule
  /** An added item's command words (#议事); the eight items have theirs in the parser. */
  words?: readonly string[]
}

export const DEFAULT_CHECKLIST: readonly ChecklistItem[] = [
  { key: 'representatives', label: '联系妇女代表', min: 5, max: 7, distinct: true, rule: 'distinct' },
  { key: 'poorFamily', label: '联系贫困家庭', min: 1, distinct: true, rule: 'distinct' },
  { key: 'problemSolved', label: '帮助解决问题', min: 1, distinct: false, rule: 'entries' },
  { key: 'onlineGroup', label: '建立正能量网群', min: 1, distinct: false, rule: 'entries' },
  { key: 'socialOrg', label: '联系指导社会组织', min: 1, distinct: true, rule: 'distinct' },
  { key: 'publicService', label: '参与公益服务', min: 1, distinct: false, rule: 'entries' },
  { key: 'report', label: '撰写调研报告', min: 1, distinct: false, rule: 'entries' },
  { key: 'proposal', label: '提交建议案', min: 1, distinct: false, rule: 'entries' },
]

export function isDutyKind(key: string): key is DutyKind {
  return (DUTY_KINDS as readonly string[]).includes(key)
}

/**
 * Which item this is across units: a default item by its key; an added one by key and label, so two
 * units that both added an item "item-1" (or "meetings" with other names) are never summed together.
 */
export function itemId(item: { key: string; label: string }): string {
  return isDutyKind(item.key) ? item.key : `${item.key}:${item.label}`
}

/** A default item (its label and counting rule never change; a unit may change its target). */
export function checklistItem(kind: DutyKind, checklist: readonly ChecklistItem[] = DEFAULT_CHECKLIST): ChecklistItem {
  const item = checklist.find((i) => i.key === kind) ?? DEFAULT_CHECKLIST.find((i) => i.key === kind)
  if (!item) throw new Error(`checklist has no item ${kind}`)
  return item
}

/** "联系妇女代表「刘翠花」", or just "参与公益服务" for an item recorded without a title. */
export function itemWithSubject(kind: DutyKind, subject: string | null | undefined): string {
  return labelWithSubject(checklistItem(kind).label, subject)
}

export function labelWithSubject(label: string, subject: string | null | undefined): string {
  return subject ? `${label}「${subject}」` : label
}
