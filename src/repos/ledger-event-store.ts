import type { Models } from './models'
import type { LedgerEventDoc } from './documents'
import type { LedgerEvent } from '../domain/ledger'
import { insertOnce, oid } from './to-plain'
import { createTtlCache } from './ttl-cache'

/**
 * The events of her year, each under the key of the message that made it. Consistency rule: an event
 * is inserted once and never changed, so whoever inserts a key first has claimed that message (a unique
 * insert is atomic on every MongoDB-compatible server, FerretDB 1.x included), and a copy of an event
 * kept in memory can never be wrong. Events are read back only for a redelivery, a replay and the recount.
 */
export function createLedgerEventStore({ LedgerEvent: E }: Models) {
  /** Events this process inserted or read lately: a redelivery finds its event without a query. */
  const recent = createTtlCache<string, LedgerEvent>(60 * 60_000, 5_000)

  const plain = (doc: LedgerEventDoc): LedgerEvent => ({
    key: doc.key,
    by: doc.by,
    messageId: doc.messageId,
    change: doc.change,
    text: doc.text ?? null,
    note: doc.note ?? null,
    at: doc.at,
  })

  /** True when this call stored it (and so claimed its key); false when the key was stored before. */
  async function insert(memberId: string, year: number, event: LedgerEvent): Promise<boolean> {
    if (recent.has(event.key)) return false
    const inserted = await insertOnce(E, { ...event, _id: event.key, memberId: oid(memberId), year })
    if (inserted) recent.set(event.key, event)
    return inserted
  }

  /** The event stored under this key: from memory, by `_id`, or (stored before 2026-12) by its key field. */
  async function find(key: string): Promise<LedgerEvent | undefined> {
    const known = recent.get(key)
    if (known) return known
    const doc = (await E.findById(key).lean()) ?? (await E.findOne({ key }).lean())
    if (!doc) return undefined
    const event = plain(doc)
    recent.set(key, event)
    return event
  }

  /** Every event of some members' years, by member: one query per batch, for the recount. */
  async function ofMembers(memberIds: readonly string[], year: number): Promise<Map<string, LedgerEventDoc[]>> {
    const docs = await E.find({ memberId: { $in: memberIds.map((id) => oid(id)) }, year }).lean()
    const byMember = new Map<string, LedgerEventDoc[]>()
    for (const doc of docs) {
      const id = doc.memberId.toHexString()
      byMember.set(id, [...(byMember.get(id) ?? []), doc])
    }
    return byMember
  }

  /** Years in which anyone has an event. */
  async function years(): Promise<number[]> {
    return (await E.distinct('year')).map(Number).sort()
  }

  return { insert, find, ofMembers, years }
}

export type LedgerEventStore = ReturnType<typeof createLedgerEventStore>
