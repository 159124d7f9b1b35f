import { DEFAULT_CHECKLIST, itemId, isDutyKind, type ChecklistItem, type DutyKind } from './checklist'
import type { ChecklistConfig } from './checklist-config'
import { nearestSetting, type OrgTree } from './org-tree'

export type { AddedItem, ChecklistConfig } from './checklist-config'

export function checklistOf(config: ChecklistConfig | undefined): ChecklistItem[] {
  if (!config) return [...DEFAULT_CHECKLIST]
  const off = new Set(config.off ?? [])
  const items: ChecklistItem[] = DEFAULT_CHECKLIST.filter((i) => !off.has(i.key as DutyKind)).map((i) => {
    const target = config.targets?.[i.key as DutyKind]
    return target ? { ...i, min: target.min, max: target.max } : i
  })
  for (const a of config.added ?? [])
    items.push({
      key: a.key,
      label: a.label,
      min: a.min,
      max: a.max,
      rule: a.rule,
      distinct: a.rule === 'distinct',
      words: a.words,
    })
  return items
}

/** The checklist of someone in this unit: the nearest unit up her chain that set one, else the default. */
export function checklistFor(tree: OrgTree, orgId: string): ChecklistItem[] {
  return checklistOf(nearestSetting(tree, orgId, 'checklist'))
}

/**
 * Every item any of these units' checklists has: the eight default ones first (in their order, with the
 * first unit's targets where it sets them), then added ones in the order met. For lists over a subtree
 * whose units differ: the CSV export, #汇总.
 */
export function checklistUnion(tree: OrgTree, orgIds: Iterable<string>): ChecklistItem[] {
  const found = new Map<string, ChecklistItem>()
  for (const id of orgIds) for (const i of checklistFor(tree, id)) if (!found.has(itemId(i))) found.set(itemId(i), i)
  if (!found.size) return [...DEFAULT_CHECKLIST]
  const defaults = DEFAULT_CHECKLIST.flatMap((d) => (found.has(d.key) ? [found.get(d.key)!] : []))
  return [...defaults, ...[...found.values()].filter((i) => !isDutyKind(i.key))]
}

/** The added item these command words mean (exactly, or glued to what follows: "#议事村妇联议事会"), letters in any case. */
export function addedItemFor(
  checklist: readonly ChecklistItem[],
  word: string,
): { item: ChecklistItem; rest: string } | undefined {
  const lower = word.toLowerCase()
  for (const item of checklist)
    for (const w of [...(item.words ?? [])].sort((a, b) => b.length - a.length))
      if (lower.startsWith(w.toLowerCase())) return { item, rest: word.slice(w.length) }
  return undefined
}

/** What is wrong with a checklist an admin sends, in Chinese, or undefined when it is fine. */
export function checklistProblem(config: ChecklistConfig): string | undefined {
  for (const [key, t] of Object.entries(config.targets ?? {})) {
    if (!isDutyKind(key)) return `没有“${key}”这一项`
    if (t!.max !== undefined && t!.max < t!.min) return '目标上限不能小于下限'
  }
  if (checklistOf(config).length === 0) return '清单里至少要有一项'
  const keys = new Set<string>()
  const words: { word: string; item: string }[] = []
  for (const a of config.added ?? []) {
    // "constructor", "toString": names every plain object already has; counts are kept in objects by key.
    if (a.key in Object.prototype) return `项目代号“${a.key}”不能用`
    if (isDutyKind(a.key) || keys.has(a.key)) return `项目代号“${a.key}”重复`
    keys.add(a.key)
    if (a.max !== undefined && a.max < a.min) return `“${a.label}”的目标上限不能小于下限`
    for (const w of a.words.map((x) => x.toLowerCase())) {
      if (words.some((o) => o.word === w)) return `命令词“${w}”重复`
      // "#议事 …" must mean one item: no word of one item may begin another item's word (议 and 议事).
      const other = words.find((o) => o.item !== a.key && (o.word.startsWith(w) || w.startsWith(o.word)))
      if (other) return `命令词“${w}”和“${other.word}”开头相同，分不清记的是哪一项`
      words.push({ word: w, item: a.key })
    }
  }
  return undefined
}
