import type { Models } from './models'
import type { Progress } from '../domain/entities'
import { emptyCounts, type ProgressCounts } from '../domain/progress'
import { idOf, isDuplicateKey, oid } from './to-plain'

type ProgressDoc = { memberId: unknown; orgId: unknown; year: number; counts: Partial<ProgressCounts>; version: number }

function toProgress(doc: ProgressDoc): Progress {
  return { memberId: idOf(doc.memberId), orgId: idOf(doc.orgId), year: doc.year, counts: { ...emptyCounts(), ...doc.counts } }
}

const keyOf = (memberId: string, year: number) => `${memberId}:${year}`

export function createProgressRepo({ Progress: P }: Models) {
  async function get(memberId: string, year: number): Promise<Progress | undefined> {
    const doc = await P.findById(keyOf(memberId, year)).lean<ProgressDoc>()
    return doc ? toProgress(doc) : undefined
  }

  async function version(memberId: string, year: number): Promise<number> {
    const doc = await P.findById(keyOf(memberId, year), { version: 1 }).lean<{ version: number }>()
    return doc?.version ?? 0
  }

  /**
   * Writes counts only if nobody wrote since `seenVersion` was read; returns false so the caller
   * recounts. This keeps two processes from overwriting a newer count with an older one.
   */
  async function writeIfUnchanged(
    p: { memberId: string; orgId: string; year: number; counts: ProgressCounts },
    seenVersion: number,
    now: Date,
  ): Promise<boolean> {
    const _id = keyOf(p.memberId, p.year)
    if (seenVersion === 0) {
      try {
        await P.create({ _id, memberId: oid(p.memberId), orgId: oid(p.orgId), year: p.year, counts: p.counts, version: 1, updatedAt: now })
        return true
      } catch (err) {
        if (isDuplicateKey(err)) return false
        throw err
      }
    }
    const res = await P.updateOne(
      { _id, version: seenVersion },
      { $set: { counts: p.counts, orgId: oid(p.orgId), updatedAt: now }, $inc: { version: 1 } },
    )
    return res.modifiedCount === 1
  }

  async function listForYear(year: number, memberIds: string[]): Promise<Progress[]> {
    const docs = await P.find({ year, memberId: { $in: memberIds.map(oid) } }).lean<ProgressDoc[]>()
    return docs.map(toProgress)
  }

  return { get, version, writeIfUnchanged, listForYear }
}

export type ProgressRepo = ReturnType<typeof createProgressRepo>
