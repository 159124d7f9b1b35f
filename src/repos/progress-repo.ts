import type { Models } from './models'
import type { LedgerEventDoc } from './documents'
import type { Progress } from '../domain/entities'
import { applyChange, countLedger, foldEvents, sameItems, type LedgerEvent, type LedgerItem } from '../domain/ledger'
import type { ProgressCounts } from '../domain/progress'
import { createLedgerEventStore } from './ledger-event-store'
import { createYearLedgerStore, ledgerKeyOf, type YearState } from './year-ledger-store'
import { createTtlCache } from './ttl-cache'
import { createKeyedLock } from './keyed-lock'

type Owner = { id: string; orgId: string }
export type NewEvent = Omit<LedgerEvent, 'at' | 'text' | 'note'> & { text?: string | null; note?: string | null }

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

const MAX_ATTEMPTS = 20

/**
 * Her records and counts. A record is two writes: the event under its message key (the claim; see
 * ledger-event-store) and then her year's document, items and counts together, by compare-and-set (see
 * year-ledger-store). She is answered after both, so every reader, in any process, reads at least what
 * she was told. A crash between the two leaves an event her year lacks; the journal replays the message,
 * whose insert then finds the event and applies it (applying is idempotent by record id); the nightly
 * recount is the net for the rest.
 *
 * Consistency rule of the cache: this process's last copy of a year is only ever a starting point for a
 * compare-and-set (a stale copy fails it and is read again) and for reading the names she wrote; views
 * that show counts read the document.
 */
export function createProgressRepo(models: Models, options: { cacheSize?: number } = {}) {
  const events = createLedgerEventStore(models)
  const years = createYearLedgerStore(models)
  const copies = createTtlCache<string, YearState>(24 * 60 * 60_000, options.cacheSize ?? 2_000)
  const lock = createKeyedLock()

  async function current(key: string): Promise<YearState> {
    return copies.get(key) ?? remember(key, await years.read(key))
  }
  function remember(key: string, state: YearState): YearState {
    copies.set(key, state)
    return state
  }

  /** Applies the change to her year unless it is in already; returns her year after it. */
  async function apply(
    owner: Owner,
    year: number,
    event: LedgerEvent,
  ): Promise<{ state: YearState; changed: boolean }> {
    const key = ledgerKeyOf(owner.id, year)
    let state = await current(key)
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const next = applyChange(state.items, event.change)
      if (!next) return { state, changed: false }
      if (await years.write(owner, year, state, next))
        return { state: remember(key, { v: state.v + 1, exists: true, items: next }), changed: true }
      state = remember(key, await years.read(key))
    }
    throw new Error(`ledger ${key}: still changing after ${MAX_ATTEMPTS} attempts`)
  }

  /** Records one change to her year, claimed by its key: an insert and a compare-and-set. */
  function record(owner: Owner, year: number, input: NewEvent, now: Date): Promise<Recorded> {
    const key = ledgerKeyOf(owner.id, year)
    const mine: LedgerEvent = { text: null, note: null, ...input, at: now }
    return lock(key, async () => {
      const created = await events.insert(owner.id, year, mine)
      const event = created ? mine : ((await events.find(mine.key)) ?? mine)
      // Stored before (a redelivery or a replay): make sure her year has it, whoever stored it.
      if (!created) copies.delete(key)
      const { state, changed } = await apply(owner, year, event)
      return { ledger: key, created, changed, event, items: state.items, counts: countLedger(state.items) }
    })
  }

  /** Her year as stored now (one read by key): for showing it. */
  function ledger(memberId: string, year: number): Promise<LedgerItem[]> {
    const key = ledgerKeyOf(memberId, year)
    return lock(key, async () => remember(key, await years.read(key)).items)
  }

  /** Her year as this process last saw it (read once if never): for reading the names she writes. */
  async function recalled(memberId: string, year: number): Promise<LedgerItem[]> {
    return (await current(ledgerKeyOf(memberId, year))).items
  }

  /** Her counts for a year as stored now; undefined when she has no document for it. */
  async function get(memberId: string, year: number): Promise<ProgressCounts | undefined> {
    const state = await years.read(ledgerKeyOf(memberId, year))
    return state.exists ? countLedger(state.items) : undefined
  }

  function listForYear(year: number, memberIds: string[]): Promise<Progress[]> {
    return years.countsOf(year, memberIds)
  }

  function diaryWritersSince(year: number, memberIds: string[], from: string): Promise<Set<string>> {
    return years.diaryWritersSince(year, memberIds, from)
  }

  /**
   * The recount: folds her year's events and rewrites her year where it differs. Returns true if
   * anything was repaired.
   */
  function repair(owner: Owner, year: number, stored: readonly LedgerEventDoc[]): Promise<boolean> {
    const key = ledgerKeyOf(owner.id, year)
    return lock(key, async () => {
      const items = foldEvents(stored)
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const state = await years.read(key)
        if (!state.exists && items.length === 0) return false
        if (state.exists && state.v > 0 && sameItems(state.items, items)) return false
        if (await years.write(owner, year, state, items)) {
          copies.delete(key)
          return true
        }
      }
      throw new Error(`ledger ${key}: still changing after ${MAX_ATTEMPTS} attempts`)
    })
  }

  /**
   * Years written by the design before versions (2026-11): recounted from their events once, at
   * start-up, so every document has its version and its counts. Returns how many were migrated.
   */
  async function migrate(): Promise<number> {
    let migrated = 0
    for (const { memberId, orgId, year } of await years.unversioned()) {
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
