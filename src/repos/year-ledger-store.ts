import type { Models } from './models'
import type { LedgerDoc, StoredQuestion } from './documents'
import type { Progress } from '../domain/entities'
import type { PendingQuestion } from '../domain/proposal'
import { countLedger, lastDiaryOf, type LedgerItem } from '../domain/ledger'
import { emptyCounts } from '../domain/progress'
import { idOf, insertOnce, oid } from './to-plain'

/** Her year as read: its version (0 when there is no document yet), its items and her waiting questions. */
export interface YearState {
  v: number
  exists: boolean
  items: LedgerItem[]
  pending: PendingQuestion[]
}

export const ledgerKeyOf = (memberId: string, year: number) => `${memberId}:${year}`

type Where = { memberId: string; orgId: string; year: number }

/**
 * Her year's document: items and counts written together, so a reader can never see counts that
 * disagree with the items, and the questions waiting for her answer. Consistency rule: every write is a
 * compare-and-set on the version `v` it read (or the insert of version 1), so two writers cannot both
 * build on one version: one wins, the other reads again. A single-document update is atomic on MongoDB
 * and on the cloud services compatible with it; FerretDB 1.x applies a conditional update in two steps
 * without isolation, so there two processes writing one executive's year in the same instant can lose
 * one change until the recount (the test server's shortfall, tested in repo-contract; within one process
 * writes to a year are serialised).
 */
export function createYearLedgerStore({ Ledger: L }: Models) {
  async function read(key: string): Promise<YearState> {
    const doc = await L.findById(key, { v: 1, items: 1, pending: 1, memberId: 1 }).lean()
    if (!doc) return { v: 0, exists: false, items: [], pending: [] }
    const memberId = idOf(doc.memberId)
    return {
      v: doc.v ?? 0,
      exists: true,
      items: doc.items ?? [],
      pending: (doc.pending ?? []).map((q) => ({ ...q, memberId })),
    }
  }

  /** Writes `next` as version base.v + 1; false when someone else wrote since `base` was read. */
  async function write(
    owner: { id: string; orgId: string },
    year: number,
    base: YearState,
    next: Pick<YearState, 'items' | 'pending'> & { activeAt?: Date },
  ): Promise<boolean> {
    const key = ledgerKeyOf(owner.id, year)
    const { items } = next
    const pending: StoredQuestion[] = next.pending.map(({ memberId: _memberId, ...q }) => q)
    const fields = {
      memberId: oid(owner.id),
      orgId: oid(owner.orgId),
      year,
      v: base.v + 1,
      items,
      counts: countLedger(items),
      lastDiary: lastDiaryOf(items),
      pending,
      updatedAt: new Date(),
      // When she last did something that wrote here (a record, a question): the admin's member list.
      ...(next.activeAt ? { lastActiveAt: next.activeAt } : {}),
    }
    if (!base.exists) return insertOnce(L, { _id: key, ...fields } as LedgerDoc)
    // A document written before versions existed has none: null matches it (and only it: versions start at 1).
    const result = await L.updateOne({ _id: key, v: base.v === 0 ? null : base.v }, { $set: fields })
    return result.matchedCount === 1
  }

  /** The counts of these members for a year, as stored with their items (members with no records: none). */
  async function countsOf(year: number, memberIds: readonly string[]): Promise<Progress[]> {
    const docs = await L.find(
      { year, memberId: { $in: memberIds.map((id) => oid(id)) } },
      { memberId: 1, orgId: 1, counts: 1 },
    ).lean()
    return docs.map((d) => ({
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

  return { read, write, countsOf, diaryWritersSince, unversioned, withLapsedQuestions }
}

export type YearLedgerStore = ReturnType<typeof createYearLedgerStore>
