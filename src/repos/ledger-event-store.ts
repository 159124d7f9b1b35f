import type { Models } from './models'
import type { LedgerEventDoc } from './documents'
import type { LedgerEvent } from '../domain/ledger'
import { insertOnce, oid } from './to-plain'
import { createTtlCache } from './ttl-cache'

/** An event and the slot it took in her year (`<member>:<year>#<n>`: the n-th change of her year). */
export type Slotted = LedgerEvent & { slot: string }

/**
 * The events of her year. Consistency rule: an event is inserted once, into the next slot of her year,
 * and never changed; its `_id` (the slot) and its `key` (from the message) are both unique, so one insert
 * takes the next change of her year and claims the message at once, atomically on every MongoDB-
 * compatible server (FerretDB 1.x included): of two writers only one gets a slot, and a message is never
 * stored twice. A copy kept in memory can never be wrong. Events are read back only when an insert is
 * refused (a redelivery, a replay, a writer in another process) and by the recount.
 */
export function createLedgerEventStore({ LedgerEvent: E }: Models) {
  /** Events this process stored or read lately, by key: a redelivery finds its event without a query. */
  const recent = createTtlCache<string, Slotted>(60 * 60_000, 5_000)

  const plain = (doc: LedgerEventDoc): Slotted => ({
    key: doc.key,
    by: doc.by,
    messageId: doc.messageId,
    change: doc.change,
    text: doc.text ?? null,
    note: doc.note ?? null,
    at: doc.at,
    slot: doc._id,
  })

  /** True when this call stored it in `slot`; false when the slot is taken or the key stored before. */
  async function insert(slot: string, memberId: string, year: number, event: LedgerEvent): Promise<boolean> {
    if (recent.has(event.key)) return false
    const inserted = await insertOnce(E, { ...event, _id: slot, memberId: oid(memberId), year })
    if (inserted) recent.set(event.key, { ...event, slot })
    return inserted
  }

  /** The event stored under this message key, with its slot, if any. */
  async function find(key: string): Promise<Slotted | undefined> {
    const known = recent.get(key)
    if (known) return known
    const doc = await E.findOne({ key }).lean()
    if (!doc) return undefined
    const event = plain(doc)
    recent.set(key, event)
    return event
  }

  /** The event in a slot, if one was stored there. */
  async function inSlot(slot: string): Promise<Slotted | undefined> {
    const doc = await E.findById(slot).lean()
    return doc ? plain(doc) : undefined
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

  return { insert, find, inSlot, ofMembers, years }
}

export type LedgerEventStore = ReturnType<typeof createLedgerEventStore>
