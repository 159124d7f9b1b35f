import type { Models } from './models'
import type { Progress } from '../domain/entities'
import { emptyCounts, type ProgressCounts } from '../domain/progress'
import { idOf, isDuplicateKey, oid } from './to-plain'

type ProgressDoc = { memberId: unknown; orgId: unknown; year: number; counts: Partial<ProgressCounts> }

function toProgress(doc: ProgressDoc): Progress {
  return {
    memberId: idOf(doc.memberId),
    orgId: idOf(doc.orgId),
    year: doc.year,
    counts: { ...emptyCounts(), ...doc.counts },
  }
}

const keyOf = (memberId: string, year: number) => `${memberId}:${year}`

export function createProgressRepo({ Progress: P }: Models) {
  async function get(memberId: string, year: number): Promise<Progress | undefined> {
    const doc = await P.findById(keyOf(memberId, year)).lean<ProgressDoc>()
    return doc ? toProgress(doc) : undefined
  }

  /** Stores counts as they are (never increments), so writing the same truth twice is harmless. */
  async function write(p: { memberId: string; orgId: string; year: number; counts: ProgressCounts }, now: Date) {
    const _id = keyOf(p.memberId, p.year)
    const fields = { memberId: oid(p.memberId), orgId: oid(p.orgId), year: p.year, counts: p.counts, updatedAt: now }
    try {
      await P.updateOne({ _id }, { $set: fields }, { upsert: true })
    } catch (err) {
      // Two first writes raced on the upsert: the document exists now, so a plain update suffices.
      if (!isDuplicateKey(err)) throw err
      await P.updateOne({ _id }, { $set: fields })
    }
  }

  async function listForYear(year: number, memberIds: string[]): Promise<Progress[]> {
    const docs = await P.find({ year, memberId: { $in: memberIds.map(oid) } }).lean<ProgressDoc[]>()
    return docs.map(toProgress)
  }

  return { get, write, listForYear }
}

export type ProgressRepo = ReturnType<typeof createProgressRepo>
