import type { CountRule, DutyKind } from './checklist'

/** An item a federation adds to its checklist: 参加议事会 (#议事, meetings), 下基层 (days), 联系单位 (五个一). */
export interface AddedItem {
  /** Stable key, stored with each record: letters, digits, hyphens (e.g. "meetings"). */
  key: string
  label: string
  /** Command words: "#议事 村妇联议事会". */
  words: string[]
  rule: CountRule
  min: number
  max?: number
}

/**
 * A unit's own checklist, set by its admins: targets of the default items changed, some switched off,
 * items added. Units below use it unless they set their own (the nearest setting up the chain wins,
 * whole): a township uses its county's.
 */
export interface ChecklistConfig {
  targets?: Partial<Record<DutyKind, { min: number; max?: number }>>
  off?: DutyKind[]
  added?: AddedItem[]
}
