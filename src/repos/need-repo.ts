import type { Models } from './models'
import type { Need } from '../domain/entities'
import { createRecordOps } from './record-ops'
import { idOf, oid } from './to-plain'
import { insertNumbered } from './insert-numbered'

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

export function createNeedRepo({ Need: N }: Models) {
  const ops = createRecordOps(N, toNeed)

  async function open(need: Omit<Need, 'id' | 'number' | 'status' | 'resolvedBy' | 'resolvedAt'>) {
    const { doc, created } = await insertNumbered(N, need.sourceMessageId, {
      ...need,
      memberId: oid(need.memberId),
      orgId: oid(need.orgId),
      status: 'open',
      resolvedBy: null,
      resolvedAt: null,
      undoneAt: null,
      undoneBy: null,
    })
    return { record: toNeed(doc), created }
  }

  /** The ledger of some units (or all), newest first; undone needs are left out. */
  async function list(orgIds: string[] | undefined, status?: 'open' | 'resolved'): Promise<Need[]> {
    const filter: Record<string, unknown> = { undoneAt: null }
    if (orgIds) filter.orgId = { $in: orgIds.map(oid) }
    if (status) filter.status = status
    const docs = await N.find(filter).sort({ number: -1 }).limit(1000).lean()
    return docs.map(toNeed)
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
    // One read of her year's statuses instead of a count per status: a needs ledger is a few dozen lines a year.
    const docs = await N.find({ memberId: oid(memberId), year, undoneAt: null }, { _id: 0, status: 1 }).lean<
      { status: string }[]
    >()
    return {
      needsOpen: docs.filter((d) => d.status === 'open').length,
      needsResolved: docs.filter((d) => d.status === 'resolved').length,
    }
  }

  return { ...ops, open, list, findByNumber, resolve, countByStatus }
}

export type NeedRepo = ReturnType<typeof createNeedRepo>
