import type { Types } from 'mongoose'
import type { Connection } from 'mongoose'
import type { DutyKind } from '../src/domain/checklist'

/** One stored duty log as the handlers write it, for seeding benchmark databases directly. */
export interface SeedLog {
  memberId: Types.ObjectId
  kind: DutyKind
  subjectKey: string
}

/** Inserts logs number `from` to `to` (exclusive), 10,000 per insert; `logAt(i)` says whose and what. */
export async function seedDutyLogs(conn: Connection, from: number, to: number, logAt: (i: number) => SeedLog) {
  const createdAt = new Date('2026-06-01T02:00:00Z')
  for (let start = from; start < to; start += 10_000) {
    const batch = Array.from({ length: Math.min(10_000, to - start) }, (_, k) => {
      const i = start + k
      const { memberId, kind, subjectKey } = logAt(i)
      return {
        memberId,
        year: 2026,
        date: '2026-06-01',
        createdAt,
        sourceMessageId: `bench-${i}`,
        kind,
        subject: subjectKey,
        subjectKey,
        detail: null,
        undoneAt: null,
        undoneBy: null,
      }
    })
    await conn.collection('duty_logs').insertMany(batch)
  }
}
