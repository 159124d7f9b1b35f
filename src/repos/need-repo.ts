import type { Models } from './models'
import type { Need } from '../domain/entities'
import { createRecordOps } from './record-ops'
import { idOf, oid } from './to-plain'

function toNeed(doc: any): Need {
  return {
    id: idOf(doc._id),
    memberId: idOf(doc.memberId),
    year: doc.year,
    date: doc.date,
    createdAt: doc.createdAt,
    sourceMessageId: doc.sourceMessageId,
    number: doc.number,
    orgId: idOf(doc.orgId),
    content: doc.content,
    status: doc.status,
    resolvedBy: doc.resolvedBy ? idOf(doc.resolvedBy) : null,
    resolvedAt: doc.resolvedAt ?? null,
  }
}

export function createNeedRepo({ Need: N, Counter }: Models) {
  const ops = createRecordOps(N, toNeed)

  async function nextNumber(): Promise<number> {
    const doc = await Counter.findOneAndUpdate({ _id: 'needs' }, { $inc: { seq: 1 } }, { upsert: true, returnDocument: 'after' }).lean<{
      seq: number
    }>()
    return doc!.seq
  }

  /** A number is taken only when no record exists for the message yet, so retries do not burn numbers. */
  async function open(need: Omit<Need, 'id' | 'number' | 'status' | 'resolvedBy' | 'resolvedAt'>) {
    const existing = await N.findOne({ sourceMessageId: need.sourceMessageId }).lean()
    if (existing) return { record: toNeed(existing), created: false }
    return ops.insertOnce({
      ...need,
      memberId: oid(need.memberId),
      orgId: oid(need.orgId),
      number: await nextNumber(),
      status: 'open',
      resolvedBy: null,
      resolvedAt: null,
    })
  }

  async function findByNumber(number: number): Promise<Need | undefined> {
    const doc = await N.findOne({ number, undoneAt: null }).lean()
    return doc ? toNeed(doc) : undefined
  }

  /** Idempotent: resolving a resolved need changes nothing and says so. */
  async function resolve(number: number, by: string, now: Date): Promise<boolean> {
    const res = await N.updateOne(
      { number, status: 'open', undoneAt: null },
      { $set: { status: 'resolved', resolvedBy: oid(by), resolvedAt: now } },
    )
    return res.modifiedCount === 1
  }

  async function countByStatus(memberId: string, year: number): Promise<{ needsOpen: number; needsResolved: number }> {
    const [needsOpen, needsResolved] = await Promise.all([
      N.countDocuments({ memberId: oid(memberId), year, status: 'open', undoneAt: null }),
      N.countDocuments({ memberId: oid(memberId), year, status: 'resolved', undoneAt: null }),
    ])
    return { needsOpen, needsResolved }
  }

  return { ...ops, open, findByNumber, resolve, countByStatus }
}

export type NeedRepo = ReturnType<typeof createNeedRepo>
