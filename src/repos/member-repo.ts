import type { Models } from './models'
import type { Member, Role } from '../domain/entities'
import { CHECKLIST_ROLES } from '../domain/entities'
import { claimValue, idOf, oid, tryClaim } from './to-plain'

type MemberDoc = { _id: unknown; name: string; role: Role; orgId: unknown; contactIds?: string[] }

/** Matches a missing or empty array alike (FerretDB leaves out an empty array given in $setOnInsert). */
const UNBOUND = { 'contactIds.0': { $exists: false } }

function toMember(doc: MemberDoc): Member {
  return { id: idOf(doc._id), name: doc.name, role: doc.role, orgId: idOf(doc.orgId), contactIds: doc.contactIds ?? [] }
}

export type BindResult = { member: Member } | { ambiguous: true } | undefined

export function createMemberRepo({ Member: M, Claim }: Models) {
  async function findByContactId(contactId: string): Promise<Member | undefined> {
    const doc = await M.findOne({ contactIds: contactId }).lean<MemberDoc>()
    return doc ? toMember(doc) : undefined
  }

  /**
   * Who this WeChat id is: the member who has used it before, or else, the first time only, the roster
   * entry with her name that has no WeChat id yet, and only when the name is unambiguous. Two people
   * racing for one entry: the unique claim decides, so exactly one of them gets it.
   */
  async function identify(name: string, contactId: string, now = new Date()): Promise<BindResult> {
    const mine = await findByContactId(contactId)
    if (mine) return { member: mine }
    const candidates = await M.find({ name, ...UNBOUND })
      .limit(2)
      .lean<MemberDoc[]>()
    if (candidates.length === 0) {
      // A racing first message of hers may have bound the entry since the lookup above.
      const again = await findByContactId(contactId)
      return again ? { member: again } : undefined
    }
    if (candidates.length > 1) return { ambiguous: true }
    const id = idOf(candidates[0]!._id)
    const won = await tryClaim(Claim, `bind:${id}`, now, contactId)
    // Two first messages from the same person race each other: both are hers.
    if (!won && (await claimValue(Claim, `bind:${id}`)) !== contactId) return undefined
    await M.updateOne({ _id: oid(id) }, { $addToSet: { contactIds: contactId } })
    return { member: toMember({ ...candidates[0]!, contactIds: [contactId] }) }
  }

  /** A roster line: creates the person or updates role and unit of the one with that name. */
  async function upsertByName(entry: { name: string; role: Role; orgId: string }, now: Date): Promise<Member> {
    const doc = await M.findOneAndUpdate(
      { name: entry.name },
      { $set: { role: entry.role, orgId: oid(entry.orgId) }, $setOnInsert: { contactIds: [], createdAt: now } },
      { upsert: true, returnDocument: 'after' },
    ).lean<MemberDoc>()
    return toMember(doc!)
  }

  async function findById(id: string): Promise<Member | undefined> {
    const doc = await M.findById(oid(id)).lean<MemberDoc>()
    return doc ? toMember(doc) : undefined
  }

  async function listWithChecklist(orgIds?: string[]): Promise<Member[]> {
    const filter: Record<string, unknown> = { role: { $in: CHECKLIST_ROLES } }
    if (orgIds) filter.orgId = { $in: orgIds.map(oid) }
    const docs = await M.find(filter).sort({ name: 1 }).lean<MemberDoc[]>()
    return docs.map(toMember)
  }

  async function listByRole(role: Role, orgIds?: string[]): Promise<Member[]> {
    const filter: Record<string, unknown> = { role }
    if (orgIds) filter.orgId = { $in: orgIds.map(oid) }
    const docs = await M.find(filter).sort({ name: 1 }).lean<MemberDoc[]>()
    return docs.map(toMember)
  }

  /** Members with one of these names within some units (for #轮值 张三 李四). */
  async function findByNames(names: string[], orgIds: string[]): Promise<Member[]> {
    const docs = await M.find({ name: { $in: names }, orgId: { $in: orgIds.map(oid) } }).lean<MemberDoc[]>()
    return docs.map(toMember)
  }

  async function listByIds(ids: string[]): Promise<Member[]> {
    const docs = await M.find({ _id: { $in: ids.map(oid) } })
      .sort({ name: 1 })
      .lean<MemberDoc[]>()
    return docs.map(toMember)
  }

  /** From a roster import that names her WeChat id: no name binding needed later. */
  async function addContactId(memberId: string, contactId: string): Promise<void> {
    await M.updateOne({ _id: oid(memberId) }, { $addToSet: { contactIds: contactId } })
  }

  return {
    addContactId,
    findByContactId,
    identify,
    upsertByName,
    findById,
    listWithChecklist,
    listByRole,
    findByNames,
    listByIds,
  }
}

export type MemberRepo = ReturnType<typeof createMemberRepo>
