import type { Models } from './models'
import type { MemberDoc } from './documents'
import type { Member, Role } from '../domain/entities'
import { CHECKLIST_ROLES } from '../domain/vocabulary'
import { idOf, insertOnce, oid } from './to-plain'
import { createTtlCache } from './ttl-cache'

function toMember(doc: Pick<MemberDoc, '_id' | 'name' | 'role' | 'orgId' | 'contactIds'>): Member {
  return { id: idOf(doc._id), name: doc.name, role: doc.role, orgId: idOf(doc.orgId), contactIds: doc.contactIds ?? [] }
}

export type BindResult = { member: Member } | { ambiguous: true } | undefined

/** Matches a missing or empty array alike (FerretDB leaves out an empty array given in $setOnInsert). */
const UNBOUND = { 'contactIds.0': { $exists: false } }

export function createMemberRepo({ Member: M, Contact, Claim }: Models, options: { cacheMs?: number } = {}) {
  /** Who a WeChat id is (null: nobody), for the message path; see ttl-cache for how it stays fresh. */
  const byContact = createTtlCache<string, Member | null>(options.cacheMs ?? 60_000, 10_000)

  async function findById(id: string): Promise<Member | undefined> {
    const doc = await M.findById(oid(id)).lean()
    return doc ? toMember(doc) : undefined
  }

  /** Two lookups by key (contact, then member), or none when cached. */
  async function findByContactId(contactId: string): Promise<Member | undefined> {
    const cached = byContact.get(contactId)
    if (cached !== undefined) return cached ?? undefined
    const contact = await Contact.findById(contactId).lean()
    const member = contact ? await findById(idOf(contact.memberId)) : undefined
    byContact.set(contactId, member ?? null)
    return member
  }

  /**
   * Binds a WeChat id to a member. The contact document is keyed by the WeChat id, so an id already
   * bound to someone else is refused (false) whoever asks.
   */
  async function bindContact(memberId: string, contactId: string, now: Date): Promise<boolean> {
    if (!(await insertOnce(Contact, { _id: contactId, memberId: oid(memberId), at: now }))) {
      const existing = await Contact.findById(contactId).lean()
      if (!existing || idOf(existing.memberId) !== memberId) return false
    }
    await M.updateOne({ _id: oid(memberId) }, { $addToSet: { contactIds: contactId } })
    byContact.delete(contactId)
    return true
  }

  /**
   * Who this WeChat id is: the member it is bound to, or else, the first time only, the roster entry
   * with her name that has no WeChat id yet, and only when the name is unambiguous. Two people racing
   * for one entry: the unique claim decides, so exactly one of them gets it.
   */
  async function identify(name: string, contactId: string, now: Date): Promise<BindResult> {
    const mine = await findByContactId(contactId)
    if (mine) return { member: mine }
    const candidates = await M.find({ name, ...UNBOUND })
      .limit(2)
      .lean()
    if (candidates.length > 1) return { ambiguous: true }
    const entry = candidates[0]
    if (!entry) {
      // A racing first message of hers may have bound the entry since the lookup above.
      byContact.delete(contactId)
      const again = await findByContactId(contactId)
      return again ? { member: again } : undefined
    }
    const id = idOf(entry._id)
    if (!(await insertOnce(Claim, { _id: `bind:${id}`, by: contactId, at: now, value: contactId }))) {
      // Two first messages from the same person race each other: both are hers.
      const claim = await Claim.findById(`bind:${id}`).lean()
      if (claim?.value !== contactId) return undefined
    }
    if (!(await bindContact(id, contactId, now))) return undefined
    const member = toMember({ ...entry, contactIds: [contactId] })
    byContact.set(contactId, member)
    return { member }
  }

  /** A roster line: creates the person or updates role and unit of the one with that name. */
  async function upsertByName(entry: { name: string; role: Role; orgId: string }, now: Date): Promise<Member> {
    const doc = await M.findOneAndUpdate(
      { name: entry.name },
      { $set: { role: entry.role, orgId: oid(entry.orgId) }, $setOnInsert: { contactIds: [], createdAt: now } },
      { upsert: true, returnDocument: 'after' },
    ).lean()
    byContact.clear()
    return toMember(doc!)
  }

  async function listWithChecklist(orgIds?: string[]): Promise<Member[]> {
    const filter = orgIds
      ? { role: { $in: CHECKLIST_ROLES }, orgId: { $in: orgIds.map(oid) } }
      : { role: { $in: CHECKLIST_ROLES } }
    const docs = await M.find(filter).sort({ name: 1 }).lean()
    return docs.map(toMember)
  }

  async function listByRole(role: Role, orgIds?: string[]): Promise<Member[]> {
    const filter = orgIds ? { role, orgId: { $in: orgIds.map(oid) } } : { role }
    const docs = await M.find(filter).sort({ name: 1 }).lean()
    return docs.map(toMember)
  }

  /** Members with one of these names within some units (for #轮值 张三 李四). */
  async function findByNames(names: string[], orgIds: string[]): Promise<Member[]> {
    const docs = await M.find({ name: { $in: names }, orgId: { $in: orgIds.map(oid) } }).lean()
    return docs.map(toMember)
  }

  async function listByIds(ids: string[]): Promise<Member[]> {
    const docs = await M.find({ _id: { $in: ids.map(oid) } })
      .sort({ name: 1 })
      .lean()
    return docs.map(toMember)
  }

  /** Contacts of members bound before the contacts collection existed: written once, when it is empty. */
  async function backfillContacts(now: Date): Promise<void> {
    if ((await Contact.estimatedDocumentCount()) > 0) return
    for await (const doc of M.find(UNBOUND_NOT).lean().cursor()) {
      for (const contactId of doc.contactIds) await insertOnce(Contact, { _id: contactId, memberId: doc._id, at: now })
    }
  }

  return {
    findById,
    findByContactId,
    bindContact,
    identify,
    upsertByName,
    listWithChecklist,
    listByRole,
    findByNames,
    listByIds,
    backfillContacts,
  }
}

const UNBOUND_NOT = { 'contactIds.0': { $exists: true } }

export type MemberRepo = ReturnType<typeof createMemberRepo>
