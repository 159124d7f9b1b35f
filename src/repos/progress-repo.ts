import type { LedgerEventDoc } from './documents'
import type { Progress } from '../domain/entities'
import { applyChange, countLedger, foldEvents, sameItems, type LedgerEvent, type LedgerItem } from '../domain/ledger'
import type { ProgressCounts } from '../domain/progress'
import type { LedgerEventStore } from './ledger-event-store'
import { ledgerKeyOf } from './year-ledger-store'
import type { YearWriter } from './year-writer'

type Owner = { id: string; orgId: string }
/** `consumes`: the waiting question this change answers, taken away in the same write. */
export type NewEvent = Omit<LedgerEvent, 'at' | 'text' | 'note'> & {
  text?: string | null
  note?: string | null
  consumes?: string
}

/**
 * What `record` did. `created` false: this key's event was stored before (it says by whom). `changed`
 * false: her year already had it (a redelivery, a replay, an undo of a record that is gone).
 */
export interface Recorded {
  ledger: string
  created: boolean
  changed: boolean
  event: LedgerEvent
  items: LedgerItem[]
  counts: ProgressCounts
}

/**
 * Her records and counts. A record is two writes: the event under its message key (the claim; see
 * ledger-event-store) and then her year's document, items and counts together, by compare-and-set (see
 * year-writer). She is answered after both, so every reader, in any process, reads at least what she was
 * told. A crash between the two leaves an event her year lacks; the journal replays the message, whose
 * insert then finds the event and applies it (applying is idempotent by record id); the nightly recount
 * is the net for the rest.
 */
export function createProgressRepo(events: LedgerEventStore, years: YearWriter) {
  /** Records one change to her year, claimed by its key: an insert and a compare-and-set. */
  async function record(owner: Owner, year: number, input: NewEvent, now: Date): Promise<Recorded> {
    const { consumes, ...rest } = input
    const mine: LedgerEvent = { text: null, note: null, ...rest, at: now }
    const created = await events.insert(owner.id, year, mine)
    const event = created ? mine : ((await events.find(mine.key)) ?? mine)
    // Stored before (a redelivery, a replay, another account's copy): make sure her year has it.
    if (!created) years.forget(owner.id, year)
    const { state, changed } = await years.change(owner, year, (s) => {
      const items = applyChange(s.items, event.change)
      const pending = consumes ? s.pending.filter((q) => q.key !== consumes) : s.pending
      if (!items && pending.length === s.pending.length) return undefined
      return { items: items ?? s.items, pending, activeAt: now }
    })
    const ledger = ledgerKeyOf(owner.id, year)
    return { ledger, created, changed, event, items: state.items, counts: countLedger(state.items) }
  }

  /** Her year as stored now (one read by key): for showing it. */
  async function ledger(memberId: string, year: number): Promise<LedgerItem[]> {
    return (await years.fresh(memberId, year)).items
  }

  /** Her year as this process last saw it (read once if never): for reading the names she writes. */
  async function recalled(memberId: string, year: number): Promise<LedgerItem[]> {
    return (await years.recalled(memberId, year)).items
  }

  /** Her counts for a year as stored now; undefined when she has no document for it. */
  async function get(memberId: string, year: number): Promise<ProgressCounts | undefined> {
    const state = await years.store.read(ledgerKeyOf(memberId, year))
    return state.exists ? countLedger(state.items) : undefined
  }

  function listForYear(year: number, memberIds: string[]): Promise<Progress[]> {
    return years.store.countsOf(year, memberIds)
  }

  function diaryWritersSince(year: number, memberIds: string[], from: string): Promise<Set<string>> {
    return years.store.diaryWritersSince(year, memberIds, from)
  }

  /**
   * The recount: folds her year's events and rewrites her year where it differs. Returns true if
   * anything was repaired.
   */
  async function repair(owner: Owner, year: number, stored: readonly LedgerEventDoc[]): Promise<boolean> {
    const items = foldEvents(stored)
    years.forget(owner.id, year)
    const { changed } = await years.change(owner, year, (s) => {
      if (!s.exists && items.length === 0) return undefined
      if (s.exists && s.v > 0 && sameItems(s.items, items)) return undefined
      return { items, pending: s.pending }
    })
    return changed
  }

  /**
   * Years written by the design before versions (2026-11): recounted from their events once, at
   * start-up, so every document has its version and its counts. Returns how many were migrated.
   */
  async function migrate(): Promise<number> {
    let migrated = 0
    for (const { memberId, orgId, year } of await years.store.unversioned()) {
      const stored = (await events.ofMembers([memberId], year)).get(memberId) ?? []
      if (await repair({ id: memberId, orgId }, year, stored)) migrated++
    }
    return migrated
  }

  return {
    record,
    ledger,
    recalled,
    findEvent: events.find,
    get,
    listForYear,
    diaryWritersSince,
    eventsOf: events.ofMembers,
    repair,
    years: events.years,
    migrate,
  }
}

export type ProgressRepo = ReturnType<typeof createProgressRepo>
