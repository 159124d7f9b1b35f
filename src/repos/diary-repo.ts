import type { Models } from './models'
import type { Diary } from '../domain/entities'
import { createRecordOps } from './record-ops'
import { idOf, oid } from './to-plain'

function toDiary(doc: any): Diary {
  return {
    id: idOf(doc._id),
    memberId: idOf(doc.memberId),
    year: doc.year,
    date: doc.date,
    createdAt: doc.createdAt,
    sourceMessageId: doc.sourceMessageId,
    content: doc.content,
  }
}

export function createDiaryRepo({ Diary: D }: Models) {
  const ops = createRecordOps(D, toDiary)

  async function insert(entry: Omit<Diary, 'id'>) {
    return ops.insertOnce({ ...entry, memberId: oid(entry.memberId) })
  }

  async function countForYear(memberId: string, year: number): Promise<number> {
    return D.countDocuments({ memberId: oid(memberId), year, undoneAt: null })
  }

  /** Entries dated within [from, to] (ISO dates), for "no diary this week". */
  async function countInRange(memberId: string, from: string, to: string): Promise<number> {
    return D.countDocuments({ memberId: oid(memberId), date: { $gte: from, $lte: to }, undoneAt: null })
  }

  /** Everyone with at least one entry dated within [from, to]: one query for the weekly reminder. */
  async function writersBetween(from: string, to: string): Promise<Set<string>> {
    const ids: unknown[] = await D.distinct('memberId', { date: { $gte: from, $lte: to }, undoneAt: null })
    return new Set(ids.map(idOf))
  }

  return { ...ops, insert, countForYear, countInRange, writersBetween }
}

export type DiaryRepo = ReturnType<typeof createDiaryRepo>
