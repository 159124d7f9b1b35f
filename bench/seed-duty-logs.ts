import type { Types } from 'mongoose'
import type { Connection } from 'mongoose'
import type { DutyKind } from '../src/domain/checklist'
import type { LedgerEventDoc } from '../src/repos/documents'

/** One stored duty item as the handlers write it, for seeding benchmark databases directly. */
export interface SeedLog {
  memberId: Types.ObjectId
  kind: DutyKind
  subjectKey: string
}

/**
 * Inserts duty items number `from` to `to` (exclusive), 10,000 per insert, as events of the members'
 * 2026 ledgers; `logAt(i)` says whose and what. Each member's events are numbered in the order given.
 */
export async function seedDutyLogs(conn: Connection, from: number, to: number, logAt: (i: number) => SeedLog) {
  const at = new Date('2026-06-01T02:00:00Z')
  const seqs = new Map<string, number>()
  for (let start = from; start < to; start += 10_000) {
    const batch: LedgerEventDoc[] = Array.from({ length: Math.min(10_000, to - start) }, (_, k) => {
      const i = start + k
      const { memberId, kind, subjectKey } = logAt(i)
      const ledger = `${memberId.toHexString()}:2026`
      const seq = (seqs.get(ledger) ?? 0) + 1
      seqs.set(ledger, seq)
      const id = `bench-${i}`
      return {
        _id: `${ledger}#bench${String(i).padStart(9, '0')}`,
        key: id,
        by: 'bench',
        messageId: id,
        memberId,
        year: 2026,
        change: { add: { id, kind, subject: subjectKey, key: subjectKey, date: '2026-06-01', at: at.getTime() } },
        text: null,
        note: null,
        at,
      }
    })
    await conn.collection<LedgerEventDoc>('ledger_events').insertMany(batch)
  }
}
