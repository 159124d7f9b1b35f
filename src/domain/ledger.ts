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

/** `edit`: #改 gives a record another name in place (it keeps its number, day and id). */
export type LedgerChange =
  | { add: LedgerItem }
  | { remove: string }
  | { resolve: string }
  | { edit: { id: string; subject: string; key: string } }

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
  if ('add' in change) {
    if (items.some((i) => i.id === change.add.id)) return undefined
    return [...items, change.add]
  }
  if ('remove' in change) {
    return items.some((i) => i.id === change.remove) ? items.filter((i) => i.id !== change.remove) : undefined
  }
  if ('edit' in change) {
    const { id, subject, key } = change.edit
    const target = items.find((i) => i.id === id)
    if (!target || (target.subject === subject && target.key === key)) return undefined
    return items.map((i) => (i.id === id ? { ...i, subject, key } : i))
  }
  const target = items.find((i) => i.id === change.resolve)
  if (!target || target.status === 'resolved') return undefined
  return items.map((i) => (i.id === change.resolve ? { ...i, status: 'resolved' as const } : i))
}

/**
 * Her items from all her year's events, in whatever order they are read: an added record is in unless
 * some event removed it; a resolution or an edit applies whenever it came (the newest edit wins). So the
 * recount agrees with the changes applied one by one, whichever process read the events and how.
 */
export function foldEvents(events: readonly Pick<LedgerEvent, 'change' | 'at'>[]): LedgerItem[] {
  const added = new Map<string, LedgerItem>()
  const removed = new Set<string>()
  const resolved = new Set<string>()
  const edits = new Map<string, { at: number; subject: string; key: string }>()
  for (const { change, at } of events) {
    if ('add' in change) {
      if (!added.has(change.add.id)) added.set(change.add.id, change.add)
    } else if ('remove' in change) removed.add(change.remove)
    else if ('resolve' in change) resolved.add(change.resolve)
    else {
      const when = new Date(at).getTime()
      const known = edits.get(change.edit.id)
      if (!known || known.at <= when) edits.set(change.edit.id, { ...change.edit, at: when })
    }
  }
  return [...added.values()]
    .filter((i) => !removed.has(i.id))
    .map((i) => {
      const edit = edits.get(i.id)
      const named = edit ? { ...i, subject: edit.subject, key: edit.key } : i
      return resolved.has(i.id) ? { ...named, status: 'resolved' as const } : named
    })
    .sort((a, b) => a.at - b.at)
}

const canonical = (i: LedgerItem) => [i.id, i.kind, i.subject, i.key, i.date, i.at, i.status].join('\u0000')

/** The same items, whatever their order. */
export function sameItems(a: readonly LedgerItem[], b: readonly LedgerItem[]): boolean {
  if (a.length !== b.length) return false
  const mine = new Set(a.map(canonical))
  return b.every((i) => mine.has(canonical(i)))
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

/** Her newest diary entry's date (YYYY-MM-DD), or null: the weekly diary reminder reads it. */
export function lastDiaryOf(items: readonly LedgerItem[]): string | null {
  return items.reduce<string | null>((d, i) => (i.kind === 'diary' && (!d || i.date > d) ? i.date : d), null)
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
