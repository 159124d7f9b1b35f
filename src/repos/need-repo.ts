import type { Models } from './models'
import type { NeedDoc } from './documents'
import type { Need } from '../domain/entities'
import { idOf, oid } from './to-plain'
import { insertNumbered } from './insert-numbered'

function toNeed(doc: NeedDoc): Need {
  return {
    id: doc._id,
    messageId: doc.messageId,
    memberId: idOf(doc.memberId),
    year: doc.year,
    date: doc.date,
    createdAt: doc.createdAt,
    by: doc.by,
    number: doc.number,
    orgId: idOf(doc.orgId),
    content: doc.content,
    status: doc.status,
    resolvedBy: doc.resolvedBy ? idOf(doc.resolvedBy) : null,
    resolvedAt: doc.resolvedAt ?? null,
  }
}

export function createNeedRepo({ Need: N }: Models) {
  /** A new need, numbered; the same message opens it once (its id is the message's key). */
  async function open(
    need: Omit<Need, 'number' | 'status' | 'resolvedBy' | 'resolvedAt'>,
  ): Promise<{ created: boolean; record: Need }> {
    const { id, memberId, orgId, ...rest } = need
    const { doc, created } = await insertNumbered(N, () => N.findById(id).lean<NeedDoc>(), {
      ...rest,
      _id: id,
      memberId: oid(memberId),
      orgId: oid(orgId),
      status: 'open',
      resolvedBy: null,
      resolvedAt: null,
      undoneAt: null,
    })
    return { record: toNeed(doc), created }
  }

  /** The ledger of some units (or all), newest first; undone needs are left out. */
  async function list(orgIds: string[] | undefined, status?: 'open' | 'resolved'): Promise<Need[]> {
    const filter = {
      undoneAt: null,
      ...(orgIds ? { orgId: { $in: orgIds.map(oid) } } : {}),
      ...(status ? { status } : {}),
    }
    const docs = await N.find(filter).sort({ number: -1 }).limit(1000).lean()
    return docs.map(toNeed)
  }

  /** The needs she opened, newest first. */
  async function listOf(memberId: string): Promise<Need[]> {
    const docs = await N.find({ memberId: oid(memberId), undoneAt: null })
      .sort({ number: -1 })
      .limit(200)
      .lean()
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

  async function markUndone(id: string, now: Date): Promise<void> {
    await N.updateOne({ _id: id }, { $set: { undoneAt: now } })
  }

  return { open, list, listOf, findByNumber, resolve, markUndone }
}

export type NeedRepo = ReturnType<typeof createNeedRepo>
