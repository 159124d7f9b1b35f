import { DEFAULT_CHECKLIST, type DutyKind } from './checklist'
import { emptyCounts, type ProgressCounts } from './progress'

/**
 * One executive's year in one document: a short line per active record (duty item, diary entry, need).
 * Her counts, her "newest record" for #撤销, the names she has logged and the list she can read all come
 * from it, so the hot path reads and writes one document by key instead of querying her records.
 */
/** 'added': an item a federation added to its checklist (its key in `item`). */
export type LedgerKind = DutyKind | 'diary' | 'need' | 'added'

export interface LedgerItem {
  /** The record's id: applying the same record twice changes nothing. */
  id: string
  kind: LedgerKind
  /** What she wrote as the person, family, group or title (duty items only). */
  subject?: string
  /** The subject as compared: one woman written two ways counts once. */
  key?: string
  /** The day it happened, YYYY-MM-DD. */
  date: string
  /** When it was recorded (ms since the epoch): the order of "newest". */
  at: number
  /** Needs only. */
  status?: 'open' | 'resolved'
  /** A representative not on her unit's list, recorded after she confirmed it (the review shows it). */
  unlisted?: true
  /** An added item's key (参加议事会, 下基层, …). */
  item?: string
}

export type LedgerChange = { add: LedgerItem } | { remove: string } | { resolve: string } | { replace: LedgerItem[] }

/**
 * One change to her ledger as stored: the record it adds, an undo or a resolution. Its key comes from
 * the message (see handlers/message-context), so the same message never changes a ledger twice.
 */
export interface LedgerEvent {
  key: string
  /** The bot instance that handled the message. */
  by: string
  messageId: string
  change: LedgerChange
  /** What she wrote with a record (a duty item's detail, a diary's text), kept here and not in her ledger. */
  text: string | null
  /** What an answer about this change says (an undo's "已撤销：…"), so a replay can give the same answer. */
  note: string | null
  at: Date
}

/** The items after the change, or undefined when the change is already in (a retry or a replay). */
export function applyChange(items: readonly LedgerItem[], change: LedgerChange): LedgerItem[] | undefined {
  if ('replace' in change) return sameItems(items, change.replace) ? undefined : [...change.replace]
  if ('add' in change) {
    if (items.some((i) => i.id === change.add.id)) return undefined
    return [...items, change.add]
  }
  if ('remove' in change) {
    return items.some((i) => i.id === change.remove) ? items.filter((i) => i.id !== change.remove) : undefined
  }
  const target = items.find((i) => i.id === change.resolve)
  if (!target || target.status === 'resolved') return undefined
  return items.map((i) => (i.id === change.resolve ? { ...i, status: 'resolved' as const } : i))
}

const canonical = (i: LedgerItem) => [i.id, i.kind, i.subject, i.key, i.date, i.at, i.status].join('\u0000')

/** The same items, whatever their order. */
export function sameItems(a: readonly LedgerItem[], b: readonly LedgerItem[]): boolean {
  if (a.length !== b.length) return false
  const mine = new Set(a.map(canonical))
  return b.every((i) => mine.has(canonical(i)))
}

/** Folds changes in order over a starting list. */
export function foldChanges(items: readonly LedgerItem[], changes: readonly LedgerChange[]): LedgerItem[] {
  return changes.reduce<LedgerItem[]>((acc, change) => applyChange(acc, change) ?? acc, [...items])
}

/**
 * Her counts for the year: each default item by its fixed rule (distinct subjects or entries), and each
 * added item every way (entries, distinct subjects, distinct days), whatever her unit's checklist is
 * today: a target changed or an item switched off mid-year changes what is shown, never what is stored.
 */
export function countLedger(items: readonly LedgerItem[]): ProgressCounts {
  const counts = emptyCounts()
  for (const item of DEFAULT_CHECKLIST) {
    const mine = items.filter((i) => i.kind === item.key)
    counts[item.key as DutyKind] = item.distinct ? new Set(mine.map((i) => i.key ?? i.id)).size : mine.length
  }
  const added = new Map<string, LedgerItem[]>()
  for (const i of items) if (i.kind === 'added' && i.item) added.set(i.item, [...(added.get(i.item) ?? []), i])
  if (added.size)
    counts.added = Object.fromEntries(
      [...added].map(([key, mine]) => [
        key,
        {
          entries: mine.length,
          distinct: new Set(mine.map((i) => i.key ?? i.id)).size,
          days: new Set(mine.map((i) => i.date)).size,
        },
      ]),
    )
  const unlisted = new Set(items.filter((i) => i.kind === 'representatives' && i.unlisted).map((i) => i.key ?? i.id))
  if (unlisted.size) counts.unlisted = unlisted.size
  counts.diary = items.filter((i) => i.kind === 'diary').length
  counts.needsOpen = items.filter((i) => i.kind === 'need' && i.status !== 'resolved').length
  counts.needsResolved = items.filter((i) => i.kind === 'need' && i.status === 'resolved').length
  return counts
}

/** Newest first, by when it was recorded; items recorded in the same instant, last added first. */
export function newestFirst(items: readonly LedgerItem[]): LedgerItem[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => b.item.at - a.item.at || b.index - a.index)
    .map((x) => x.item)
}

/** The distinct subjects she has logged for one item, newest first (her families, her representatives). */
export function subjectsOf(items: readonly LedgerItem[], kind: DutyKind): string[] {
  const seen = new Map<string, string>()
  for (const item of newestFirst(items)) {
    if (item.kind !== kind || !item.subject) continue
    const key = item.key ?? item.subject
    if (!seen.has(key)) seen.set(key, item.subject)
  }
  return [...seen.values()]
}
