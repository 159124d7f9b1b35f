import type { Models } from './models'
import type { LedgerDoc, StoredQuestion } from './documents'
import type { Progress } from '../domain/entities'
import type { PendingQuestion } from '../domain/proposal'
import { countLedger, lastDiaryOf, type LedgerItem } from '../domain/ledger'
import { emptyCounts } from '../domain/progress'
import { idOf, insertOnce, isDuplicateKey, oid } from './to-plain'

/**
 * Her year as read: `v` counts the changes to her records (the slot of the next one is v + 1, see
 * progress-repo), `qv` the changes to her waiting questions; `exists` false: no document yet.
 */
export interface YearState {
  v: number
  qv: number
  exists: boolean
  items: LedgerItem[]
  pending: PendingQuestion[]
}

export const ledgerKeyOf = (memberId: string, year: number) => `${memberId}:${year}`
export const EMPTY_YEAR: YearState = { v: 0, qv: 0, exists: false, items: [], pending: [] }

type Owner = { id: string; orgId: string }
type Where = { memberId: string; orgId: string; year: number }

const stored = (pending: readonly PendingQuestion[]): StoredQuestion[] =>
  pending.map(({ memberId: _memberId, ...q }) => q)
/** A version written before it was kept matches as 0 (and only then: versions written start at 1). */
const version = (n: number) => (n === 0 ? { $in: [0, null] } : n)

/**
 * Her year's document: her records' items and counts, written together (a reader never sees counts that
 * disagree with the items), and the questions waiting for her answer. Consistency rule: her records are
 * written only by the writer that took the slot of that change (progress-repo), so that write needs no
 * condition and goes by `_id` alone (the one update FerretDB 1.x does not run as a scan of the whole
 * collection in Go); her questions are written by compare-and-set on `qv`. MongoDB applies each update to
 * one document atomically, field by field; FerretDB 1.x reads and writes the whole document in two steps,
 * so there a question and a record written for one executive in the same instant by two processes can
 * lose one of the two (the test server's shortfall; within a process her writes are serialised).
 */
export function createYearLedgerStore({ Ledger: L }: Models) {
  async function read(key: string): Promise<YearState> {
    const doc = await L.findById(key, { v: 1, qv: 1, items: 1, pending: 1, memberId: 1 }).lean()
    if (!doc) return EMPTY_YEAR
    const memberId = idOf(doc.memberId)
    return {
      v: doc.v ?? 0,
      qv: doc.qv ?? 0,
      exists: true,
      items: doc.items ?? [],
      pending: (doc.pending ?? []).map((q) => ({ ...q, memberId })),
    }
  }

  const recordFields = (owner: Owner, year: number, items: LedgerItem[], v: number, activeAt?: Date) => ({
    memberId: oid(owner.id),
    orgId: oid(owner.orgId),
    year,
    v,
    items,
    counts: countLedger(items),
    lastDiary: lastDiaryOf(items),
    updatedAt: new Date(),
    ...(activeAt ? { lastActiveAt: activeAt } : {}),
  })

  /**
   * Writes her records as change base.v + 1, by the writer holding that slot. With `pending`, her
   * questions change in the same write (an answer takes its question away), by compare-and-set on `qv`:
   * false when they changed since `base` was read (read again and retry).
   */
  async function writeRecords(
    owner: Owner,
    year: number,
    base: YearState,
    next: { items: LedgerItem[]; activeAt?: Date; pending?: PendingQuestion[] },
  ): Promise<boolean> {
    const _id = ledgerKeyOf(owner.id, year)
    const fields = recordFields(owner, year, next.items, base.v + 1, next.activeAt)
    if (next.pending) {
      const set = { ...fields, pending: stored(next.pending), qv: base.qv + 1 }
      if (!base.exists) return insertOnce(L, { _id, ...set } as LedgerDoc)
      return (await L.updateOne({ _id, qv: version(base.qv) }, { $set: set })).matchedCount === 1
    }
    try {
      await L.updateOne({ _id }, { $set: fields, $setOnInsert: { pending: [], qv: 0 } }, { upsert: true })
    } catch (err) {
      // Two writers of her first change (the holder, and one finishing it) both created the document.
      if (!isDuplicateKey(err)) throw err
      await L.updateOne({ _id }, { $set: fields })
    }
    return true
  }

  /** Writes her questions by compare-and-set on `qv`; false when they changed since `base` was read. */
  async function writeQuestions(
    owner: Owner,
    year: number,
    base: YearState,
    pending: PendingQuestion[],
    activeAt?: Date,
  ): Promise<boolean> {
    const _id = ledgerKeyOf(owner.id, year)
    const set = { pending: stored(pending), qv: base.qv + 1, ...(activeAt ? { lastActiveAt: activeAt } : {}) }
    if (!base.exists) return insertOnce(L, { _id, ...recordFields(owner, year, [], 0), ...set } as LedgerDoc)
    return (await L.updateOne({ _id, qv: version(base.qv) }, { $set: set })).matchedCount === 1
  }

  /** The recount's write: her records rebuilt, by compare-and-set on `v` (a nightly, rare write). */
  async function writeRepair(owner: Owner, year: number, base: YearState, items: LedgerItem[]): Promise<boolean> {
    const _id = ledgerKeyOf(owner.id, year)
    const fields = recordFields(owner, year, items, base.v + 1)
    if (!base.exists) return insertOnce(L, { _id, ...fields, pending: [], qv: 0 } as LedgerDoc)
    return (await L.updateOne({ _id, v: version(base.v) }, { $set: fields })).matchedCount === 1
  }

  /** The counts of these members for a year, as stored with their items (members with no records: none). */
  async function countsOf(year: number, memberIds: readonly string[]): Promise<Progress[]> {
    const docs = await L.find(
      { year, memberId: { $in: memberIds.map((id) => oid(id)) } },
      { memberId: 1, orgId: 1, counts: 1, v: 1 },
    ).lean()
    // A document that only ever held questions has no records: she has no counts for the year.
    return docs
      .filter((d) => (d.v ?? 1) > 0)
      .map((d) => ({
        memberId: idOf(d.memberId),
        orgId: idOf(d.orgId),
        year,
        counts: { ...emptyCounts(), ...d.counts },
      }))
  }

  /** Who of these members has a diary entry dated on or after `from` (YYYY-MM-DD) in this year. */
  async function diaryWritersSince(year: number, memberIds: readonly string[], from: string): Promise<Set<string>> {
    const docs = await L.find(
      { year, memberId: { $in: memberIds.map((id) => oid(id)) }, lastDiary: { $gte: from } },
      { memberId: 1 },
    ).lean()
    return new Set(docs.map((d) => idOf(d.memberId)))
  }

  const where = (docs: Pick<LedgerDoc, 'memberId' | 'orgId' | 'year'>[]): Where[] =>
    docs.map((d) => ({ memberId: idOf(d.memberId), orgId: idOf(d.orgId), year: d.year }))

  /** Years of the design before versions (a `seq`, no `v`): the start-up migration recounts them. */
  async function unversioned(): Promise<Where[]> {
    return where(await L.find({ v: { $exists: false } }, { memberId: 1, orgId: 1, year: 1 }).lean())
  }

  /** Years holding a question that lapsed before `cutoff` (the nightly clean-up rewrites them). */
  async function withLapsedQuestions(cutoff: Date): Promise<Where[]> {
    return where(await L.find({ 'pending.expiresAt': { $lt: cutoff } }, { memberId: 1, orgId: 1, year: 1 }).lean())
  }

  return {
    read,
    writeRecords,
    writeQuestions,
    writeRepair,
    countsOf,
    diaryWritersSince,
    unversioned,
    withLapsedQuestions,
  }
}

export type YearLedgerStore = ReturnType<typeof createYearLedgerStore>
