import type { LedgerEventDoc } from './documents'
import type { Progress } from '../domain/entities'
import { countLedger, foldEvents, sameItems, type LedgerItem } from '../domain/ledger'
import type { ProgressCounts } from '../domain/progress'
import type { LedgerEventStore } from './ledger-event-store'
import { createSlotRecorder } from './record-in-slot'
import { ledgerKeyOf } from './year-ledger-store'
import type { YearWriter } from './year-writer'

type Owner = { id: string; orgId: string }
export type { NewEvent, Recorded } from './record-in-slot'

/**
 * Her records and counts: `record` writes them (see record-in-slot for how a record takes its slot and
 * why every reader then sees at least what she was told); the rest reads them. Consistency rule of the
 * reads: what shows her anything reads her year's document now (`ledger`, `get`, the lists); only name
 * matching may use this process's copy (`recalled`).
 */
export function createProgressRepo(events: LedgerEventStore, years: YearWriter) {
  const record = createSlotRecorder(events, years)

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
  function repair(owner: Owner, year: number, stored: readonly LedgerEventDoc[]): Promise<boolean> {
    const items = foldEvents(stored)
    // The same items (and, for a document of the design before versions, nothing to stamp) need no write.
    return years.repair(owner, year, items, (s) =>
      s.exists ? sameItems(s.items, items) && (s.v > 0 || items.length === 0) : items.length === 0,
    )
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
