import type { Models } from './models'
import type { DutyLog } from '../domain/entities'
import type { CountableLog } from '../domain/progress'
import { createRecordOps } from './record-ops'
import { idOf, oid } from './to-plain'

function toLog(doc: any): DutyLog {
  return {
    id: idOf(doc._id),
    memberId: idOf(doc.memberId),
    year: doc.year,
    date: doc.date,
    createdAt: doc.createdAt,
    sourceMessageId: doc.sourceMessageId,
    kind: doc.kind,
    subject: doc.subject,
    subjectKey: doc.subjectKey,
    detail: doc.detail ?? null,
  }
}

export function createDutyLogRepo({ DutyLog: L }: Models) {
  const ops = createRecordOps(L, toLog)

  async function insert(log: Omit<DutyLog, 'id' | 'memberId'> & { memberId: string }) {
    return ops.insertOnce({ ...log, memberId: oid(log.memberId) })
  }

  async function countable(memberId: string, year: number): Promise<CountableLog[]> {
    return L.find({ memberId: oid(memberId), year, undoneAt: null }, { _id: 0, kind: 1, subjectKey: 1 }).lean<
      CountableLog[]
    >()
  }

  /** The names she has logged for one item since the start of last year, e.g. her poor families. */
  async function subjectsSince(memberId: string, kind: DutyLog['kind'], year: number): Promise<string[]> {
    const docs = await L.find(
      { memberId: oid(memberId), kind, year: { $gte: year }, undoneAt: null },
      { _id: 0, subject: 1 },
    )
      .sort({ createdAt: -1 })
      .lean<{ subject: string }[]>()
    return [...new Set(docs.map((d) => d.subject))]
  }

  return { ...ops, insert, countable, subjectsSince }
}

export type DutyLogRepo = ReturnType<typeof createDutyLogRepo>
