import type { Models } from './models'
import type { NeedDoc } from './documents'
import type { Need, NeedAsker } from '../domain/entities'
import { idOf, oid } from './to-plain'
import { insertNumbered } from './insert-numbered'

function toNeed(doc: NeedDoc): Need {
  return {
    id: doc._id,
    messageId: doc.messageId,
    memberId: doc.memberId ? idOf(doc.memberId) : null,
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
    asker: doc.asker ?? null,
    itemId: doc.itemId ?? (doc.memberId ? doc._id : null),
    round: doc.round ?? 0,
  }
}

/** What opening a need takes: an executive's own names her; a constituent's names who asked and no one yet. */
export type NewNeed = Omit<Need, 'number' | 'status' | 'resolvedBy' | 'resolvedAt' | 'asker' | 'itemId' | 'round'> & {
  asker?: NeedAsker
}

export function createNeedRepo({ Need: N }: Models) {
  /** A new need, numbered; the same message opens it once (its id is the message's key). */
  async function open(need: NewNeed): Promise<{ created: boolean; record: Need }> {
    const { id, memberId, orgId, asker, ...rest } = need
    const { doc, created } = await insertNumbered(N, () => N.findById(id).lean<NeedDoc>(), {
      ...rest,
      _id: id,
      memberId: memberId ? oid(memberId) : null,
      orgId: oid(orgId),
      status: 'open',
      resolvedBy: null,
      resolvedAt: null,
      undoneAt: null,
      asker: asker ?? null,
      itemId: memberId ? id : null,
      round: 0,
      takenAt: null,
    })
    return { record: toNeed(doc), created }
  }

  /** The ids of the needs one WeChat id asked for on one day (YYYY-MM-DD): what her daily limit counts. */
  async function askedOn(contactId: string, date: string): Promise<string[]> {
    const docs = await N.find({ 'asker.contactId': contactId, date }, { _id: 1 }).limit(100).lean()
    return docs.map((d) => String(d._id))
  }

  /**
   * Makes a constituent's need hers, in the round her #认领 won (the claim decides who; this writes it
   * down, so the same taker may write it twice). `itemId` is the record of it in her year's ledger.
   */
  async function take(id: string, round: number, memberId: string, itemId: string, now: Date): Promise<void> {
    await N.updateOne({ _id: id, round, memberId: null }, { $set: { memberId: oid(memberId), itemId, takenAt: now } })
  }

  /**
   * A record of a need undone in her ledger (#撤销): a constituent's need goes back to its unit, waiting
   * for the next #认领 (a new round); an executive's own leaves the ledger.
   */
  async function withdraw(itemId: string, now: Date): Promise<void> {
    const taken = await N.findOne({ itemId, asker: { $ne: null }, undoneAt: null }).lean<NeedDoc>()
    if (!taken) return markUndone(itemId, now)
    await N.updateOne(
      { _id: taken._id, itemId },
      { $set: { memberId: null, itemId: null, takenAt: null, round: (taken.round ?? 0) + 1 } },
    )
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

  return { open, askedOn, take, withdraw, list, listOf, findByNumber, resolve, markUndone }
}

export type NeedRepo = ReturnType<typeof createNeedRepo>
