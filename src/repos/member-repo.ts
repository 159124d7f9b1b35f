import type { Models } from './models'
import type { MemberDoc } from './documents'
import type { Member, Role } from '../domain/entities'
import { CHECKLIST_ROLES } from '../domain/vocabulary'
import { idOf, insertManyKeyed, insertOnce, oid } from './to-plain'
import { createTtlCache } from './ttl-cache'
import { createBatch } from './batched-writes'
import type { RosterEntry } from './standings-roster'

function toMember(
  doc: Pick<MemberDoc, '_id' | 'name' | 'role' | 'orgId' | 'contactIds' | 'groupAutoRecordOff'>,
): Member {
  return {
    id: idOf(doc._id),
    name: doc.name,
    role: doc.role,
    orgId: idOf(doc.orgId),
    contactIds: doc.contactIds ?? [],
    ...(doc.groupAutoRecordOff ? { groupAutoRecordOff: true as const } : {}),
  }
}

const toRosterEntry = (d: Pick<MemberDoc, '_id' | 'name' | 'role' | 'orgId'>): RosterEntry => ({
  id: idOf(d._id),
  name: d.name,
  role: d.role,
  orgId: idOf(d.orgId),
})

export type BindResult = { member: Member } | { ambiguous: true } | undefined

/** A new person of an import, under the `_id` chosen for her beforehand (see addMany). */
export interface KeyedPerson {
  id: string
  line: number
  name: string
  role: Role
  orgId: string
  /** A WeChat id to bind to her. */
  bind?: string
}

/** What an import changes about someone already there (see changeMany): only the fields given. */
export interface PersonChange {
  id: string
  line: number
  role?: Role
  orgId?: string
  bind?: string
}

/** A WeChat id to bind to her, and her member document once bound (its copy goes on the contact). */
interface Binding {
  id: string
  line: number
  bind: string
  after: Pick<MemberDoc, 'name' | 'role' | 'orgId' | 'contactIds'>
}

const copyOf = ({ name, role, orgId, contactIds }: Binding['after']) => ({ name, role, orgId, contactIds })

/** Bindings an import made, and the lines whose WeChat id someone else took after the plan was checked. */
export interface BindOutcome {
  bound: number
  taken: number[]
}

/**
 * Past this many names (or WeChat ids), a lookup reads the whole collection once and picks in memory:
 * FerretDB 1.x tests each document against every value of an $in (20,000 names over 20,000 members took
 * 12 s there, a plain read of them 3 s), and on MongoDB one pass over the collection stays one pass.
 */
const MANY_KEYS = 1_000

/**
 * Updates sent in one command: FerretDB 1.24 never answered an update command of 100 statements (99
 * took 1.2 s; measured on its SQLite backend, the write lock held meanwhile), so fewer than that.
 */
const UPDATES_PER_COMMAND = 50

/** Matches a missing or empty array alike (FerretDB leaves out an empty array given in $setOnInsert). */
const UNBOUND = { 'contactIds.0': { $exists: false } }

export function createMemberRepo(
  { Member: M, Contact, Claim, Ledger }: Models,
  options: {
    cacheMs?: number
    batchMs?: number
    onError?: (err: unknown) => void
    /** Called after a write that may change someone's name, role or unit (the standings read the roster again). */
    onRosterChange?: () => void
  } = {},
) {
  const rosterChanged = options.onRosterChange ?? (() => undefined)
  /** Who a WeChat id is (null: nobody), for the message path; see ttl-cache for how it stays fresh. */
  const byContact = createTtlCache<string, Member | null>(options.cacheMs ?? 60_000, 10_000)

  async function findById(id: string): Promise<Member | undefined> {
    const doc = await M.findById(oid(id)).lean()
    return doc ? toMember(doc) : undefined
  }

  /** One lookup by key (the contact carries a copy of her member document), or none when cached. */
  async function findByContactId(contactId: string): Promise<Member | undefined> {
    const cached = byContact.get(contactId)
    if (cached !== undefined) return cached ?? undefined
    const contact = await Contact.findById(contactId).lean()
    const member = !contact
      ? undefined
      : contact.member
        ? toMember({ _id: contact.memberId, ...contact.member })
        : await findById(idOf(contact.memberId))
    byContact.set(contactId, member ?? null)
    return member
  }

  /**
   * Writes her member document's copy onto each of her contacts. Consistency rule: every change of a
   * member's name, role, unit or WeChat ids goes through this repository, which calls this after it; a
   * process that cached the old copy sees the new one within its cache time, as before.
   */
  async function copyToContacts(memberId: string): Promise<void> {
    const doc = await M.findById(oid(memberId)).lean()
    if (!doc) return
    const member = {
      name: doc.name,
      role: doc.role,
      orgId: doc.orgId,
      contactIds: doc.contactIds ?? [],
      groupAutoRecordOff: !!doc.groupAutoRecordOff,
    }
    for (const contactId of member.contactIds) {
      await Contact.updateOne({ _id: contactId, memberId: doc._id }, { $set: { member } })
      byContact.delete(contactId)
    }
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
    await copyToContacts(memberId)
    return true
  }

  /**
   * Who this WeChat id is: the member it is bound to. Or else, only when she writes in a bound
   * executives' group (`groupOrgIds`: its unit and the units below), the one executive there with her
   * name as nickname and no WeChat id yet: an admin put her in that group, and a stranger who copies the
   * nickname cannot post there. Never a chair or an admin, never in private chat, never when two match
   * (they write "我是 姓名" instead). Two people racing for one entry: the unique claim decides.
   */
  async function identify(
    name: string,
    contactId: string,
    now: Date,
    groupOrgIds?: readonly string[],
  ): Promise<BindResult> {
    const mine = await findByContactId(contactId)
    if (mine) return { member: mine }
    if (!groupOrgIds?.length) return undefined
    const candidates = await M.find({ name, role: 'executive', orgId: { $in: groupOrgIds.map(oid) }, ...UNBOUND })
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

  /**
   * A roster line: creates the person or updates the role of the one with that name in that unit. A
   * person is her name and her unit: 王芳 of 白庙村 and 王芳 of 李庄村 are two people, and naming one never
   * moves the other.
   */
  async function upsertByName(entry: { name: string; role: Role; orgId: string }, now: Date): Promise<Member> {
    const before = await M.findOneAndUpdate(
      { name: entry.name, orgId: oid(entry.orgId) },
      { $set: { role: entry.role }, $setOnInsert: { contactIds: [], createdAt: now } },
      { upsert: true, returnDocument: 'before' },
    ).lean()
    const doc = before
      ? { ...before, role: entry.role }
      : await M.findOne({ name: entry.name, orgId: oid(entry.orgId) }).lean()
    if (before && before.role !== entry.role) await copyToContacts(idOf(before._id))
    if (!before || before.role !== entry.role) rosterChanged()
    return toMember(doc!)
  }

  /** Everyone with this name, in any unit (for "我是 王芳": which one she is). */
  async function findByName(name: string): Promise<Member[]> {
    const docs = await M.find({ name }).limit(50).lean()
    return docs.map(toMember)
  }

  /** Moves a member to another unit (an admin's explicit choice, never a name match). */
  async function moveTo(memberId: string, orgId: string): Promise<void> {
    await M.updateOne({ _id: oid(memberId) }, { $set: { orgId: oid(orgId) } })
    rosterChanged()
    await copyToContacts(memberId)
  }

  /** Takes every WeChat id off a member; returns the ids removed. */
  async function unbind(memberId: string): Promise<string[]> {
    const doc = await M.findById(oid(memberId)).lean()
    const ids = doc?.contactIds ?? []
    await Contact.deleteMany({ memberId: oid(memberId) })
    await M.updateOne({ _id: oid(memberId) }, { $set: { contactIds: [] } })
    await Claim.deleteOne({ _id: `bind:${memberId}` })
    for (const id of ids) byContact.delete(id)
    return ids
  }

  /** Members of these units with no WeChat id: they get no reminders and no follow-ups. */
  async function listUnbound(orgIds: string[]): Promise<Member[]> {
    const docs = await M.find({ orgId: { $in: orgIds.map(oid) }, ...UNBOUND })
      .sort({ name: 1 })
      .lean()
    return docs.map(toMember)
  }

  async function listWithChecklist(orgIds?: string[]): Promise<Member[]> {
    const filter = orgIds
      ? { role: { $in: CHECKLIST_ROLES }, orgId: { $in: orgIds.map(oid) } }
      : { role: { $in: CHECKLIST_ROLES } }
    const docs = await M.find(filter).sort({ name: 1 }).lean()
    return docs.map(toMember)
  }

  /** Everyone with a checklist, as the standings keep them (no WeChat ids). */
  async function roster(): Promise<RosterEntry[]> {
    const docs = await M.find({ role: { $in: CHECKLIST_ROLES } }, { name: 1, role: 1, orgId: 1 }).lean()
    return docs.map(toRosterEntry)
  }

  /** These members, where they have a checklist. */
  async function rosterOf(ids: string[]): Promise<RosterEntry[]> {
    const docs = await M.find(
      { _id: { $in: ids.map(oid) }, role: { $in: CHECKLIST_ROLES } },
      { name: 1, role: 1, orgId: 1 },
    ).lean()
    return docs.map(toRosterEntry)
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

  /** Everyone with one of these names, in any unit (a roster file's people, read at once). */
  async function listByNames(names: string[]): Promise<Member[]> {
    if (names.length <= MANY_KEYS) return (await M.find({ name: { $in: names } }).lean()).map(toMember)
    const wanted = new Set(names)
    const out: Member[] = []
    for await (const doc of M.find({}, { name: 1, role: 1, orgId: 1, contactIds: 1 }).lean().cursor())
      if (wanted.has(doc.name)) out.push(toMember(doc))
    return out
  }

  /** Who each of these WeChat ids is bound to, where it is bound. */
  async function holdersOf(contactIds: string[]): Promise<Map<string, Member>> {
    const wanted = new Set(contactIds)
    const contacts =
      contactIds.length <= MANY_KEYS
        ? await Contact.find({ _id: { $in: contactIds } }, { memberId: 1, member: 1 }).lean()
        : (await Contact.find({}, { memberId: 1, member: 1 }).lean()).filter((c) => wanted.has(c._id))
    // The copy each contact carries of her member document is kept with it (copyToContacts).
    const bare = contacts.filter((c) => !c.member).map((c) => idOf(c.memberId))
    const members = new Map((await (bare.length ? listByIds(bare) : [])).map((m) => [m.id, m]))
    const out = new Map<string, Member>()
    for (const c of contacts) {
      const member = c.member ? toMember({ _id: c.memberId, ...c.member }) : members.get(idOf(c.memberId))
      if (member) out.set(c._id, member)
    }
    return out
  }

  /**
   * Binds WeChat ids an import gives, each contact inserted under its id with the copy of her member
   * document she will have (a resumed batch finds its own contact and counts it again). One that
   * someone else took since the plan was checked is not hers: her member document lets go of it.
   * Members are written before their contacts, so no contact ever names a member that is not there.
   */
  async function insertContacts(wanted: readonly Binding[], now: Date): Promise<BindOutcome> {
    const refused = await insertManyKeyed(
      Contact,
      wanted.map((w) => ({ _id: w.bind, memberId: oid(w.id), at: now, member: copyOf(w.after) })),
    )
    const taken: Binding[] = []
    if (refused.length) {
      const owners = await Contact.find({ _id: { $in: refused.map((i) => wanted[i]!.bind) } }, { memberId: 1 }).lean()
      const owner = new Map(owners.map((c) => [c._id, idOf(c.memberId)]))
      for (const i of refused) if (owner.get(wanted[i]!.bind) !== wanted[i]!.id) taken.push(wanted[i]!)
    }
    for (const t of taken) await M.updateOne({ _id: oid(t.id) }, { $pull: { contactIds: t.bind } })
    for (const w of wanted) byContact.delete(w.bind)
    return { bound: wanted.length - taken.length, taken: taken.map((t) => t.line) }
  }

  /**
   * New people of a roster import, each under the `_id` the import chose for her, with her WeChat id:
   * inserted in batches (a person already under her `_id` is left alone, so a batch sent twice adds no
   * one), then her contacts, each carrying its copy of her member document. Inserts only.
   */
  async function addMany(people: readonly KeyedPerson[], now: Date): Promise<BindOutcome> {
    const docs = people.map((p) => ({
      _id: oid(p.id),
      name: p.name,
      role: p.role,
      orgId: oid(p.orgId),
      contactIds: p.bind ? [p.bind] : [],
      createdAt: now,
    }))
    await insertManyKeyed(M, docs)
    if (docs.length) rosterChanged()
    const binding = people.flatMap((p, i) =>
      p.bind ? [{ id: p.id, line: p.line, bind: p.bind, after: docs[i]! }] : [],
    )
    return insertContacts(binding, now)
  }

  /**
   * What a roster import changes about people already there (a role, a unit, a further WeChat id): one
   * read of them, one update by key per person changed, a new contact per WeChat id (carrying her
   * copy), and the copy on each contact she had before. Setting the same values twice changes nothing,
   * so a resumed batch may run again. On FerretDB 1.x each update reads its whole collection: changes
   * cost per person changed, never per row of the file.
   */
  async function changeMany(changes: readonly PersonChange[], now: Date): Promise<BindOutcome> {
    if (!changes.length) return { bound: 0, taken: [] }
    const before = new Map((await readByIds(changes.map((c) => c.id))).map((d) => [idOf(d._id), d]))
    const present = changes.filter((c) => before.has(c.id))
    const after = new Map(
      present.map((c) => {
        const doc = before.get(c.id)!
        const contactIds = doc.contactIds ?? []
        return [
          c.id,
          {
            ...doc,
            ...(c.role ? { role: c.role } : {}),
            ...(c.orgId ? { orgId: oid(c.orgId) } : {}),
            contactIds: c.bind && !contactIds.includes(c.bind) ? [...contactIds, c.bind] : contactIds,
          },
        ]
      }),
    )
    const binding = present.flatMap((c) =>
      c.bind ? [{ id: c.id, line: c.line, bind: c.bind, after: after.get(c.id)! }] : [],
    )
    const outcome = await insertContacts(binding, now)
    const taken = new Set(outcome.taken)
    const writes = present.flatMap((c) => {
      const set = { ...(c.role ? { role: c.role } : {}), ...(c.orgId ? { orgId: oid(c.orgId) } : {}) }
      const update = {
        ...(Object.keys(set).length ? { $set: set } : {}),
        ...(c.bind && !taken.has(c.line) ? { $addToSet: { contactIds: c.bind } } : {}),
      }
      return Object.keys(update).length ? [{ updateOne: { filter: { _id: oid(c.id) }, update } }] : []
    })
    // Her contacts from before carry the copy of her as she was; a taken id is not hers to list.
    const copies = present.flatMap((c) => {
      const doc = after.get(c.id)!
      const member = copyOf({
        ...doc,
        contactIds: doc.contactIds.filter((id) => !(taken.has(c.line) && id === c.bind)),
      })
      return (before.get(c.id)!.contactIds ?? []).map((contactId) => ({
        updateOne: { filter: { _id: contactId, memberId: doc._id }, update: { $set: { member } } },
      }))
    })
    for (let i = 0; i < writes.length; i += UPDATES_PER_COMMAND)
      await M.bulkWrite(writes.slice(i, i + UPDATES_PER_COMMAND), { ordered: false })
    for (let i = 0; i < copies.length; i += UPDATES_PER_COMMAND)
      await Contact.bulkWrite(copies.slice(i, i + UPDATES_PER_COMMAND), { ordered: false })
    for (const doc of before.values()) for (const contactId of doc.contactIds ?? []) byContact.delete(contactId)
    if (present.some((c) => c.role || c.orgId)) rosterChanged()
    return outcome
  }

  async function listByIds(ids: string[]): Promise<Member[]> {
    const docs = await M.find({ _id: { $in: ids.map(oid) } })
      .sort({ name: 1 })
      .lean()
    return docs.map(toMember)
  }

  /** Member documents by `_id`, in one read (the whole collection once when they are many, see MANY_KEYS). */
  async function readByIds(ids: readonly string[]): Promise<MemberDoc[]> {
    if (ids.length <= MANY_KEYS) return M.find({ _id: { $in: ids.map(oid) } }).lean()
    const wanted = new Set(ids)
    return (await M.find({}).lean()).filter((d) => wanted.has(idOf(d._id)))
  }

  /**
   * Notes that this WeChat id wrote to the bot at `at` (an hour's precision is enough: the caller stamps
   * each id at most once an hour). One update by key; an id bound to nobody matches nothing.
   */
  async function stampLastMessage(contactId: string, at: Date): Promise<void> {
    await Contact.updateOne({ _id: contactId }, { $max: { lastMessageAt: at } })
  }

  const stamps = createBatch<{ contactId: string; at: Date }>(
    async (items) => {
      await Contact.bulkWrite(
        items.map(({ contactId, at }) => ({
          updateOne: { filter: { _id: contactId }, update: { $max: { lastMessageAt: at } } },
        })),
        { ordered: false },
      )
    },
    options.batchMs ?? 60_000,
    options.onError ?? (() => undefined),
  )

  /** When each member last wrote to the bot, as stamped on her WeChat ids (members never stamped: absent). */
  async function lastMessages(memberIds: string[]): Promise<Map<string, Date>> {
    const ids = memberIds.map(oid)
    const [contacts, years] = await Promise.all([
      Contact.find({ memberId: { $in: ids } }, { memberId: 1, lastMessageAt: 1 }).lean(),
      // A message that recorded something (or raised a question) is noted in her year, not stamped.
      Ledger.find({ memberId: { $in: ids }, lastActiveAt: { $exists: true } }, { memberId: 1, lastActiveAt: 1 }).lean(),
    ])
    const out = new Map<string, Date>()
    const note = (id: string, at: Date | undefined) => {
      if (at && !(out.get(id)! >= at)) out.set(id, at)
    }
    for (const c of contacts) note(idOf(c.memberId), c.lastMessageAt)
    for (const y of years) note(idOf(y.memberId), y.lastActiveAt)
    return out
  }

  /**
   * Contacts of members bound before the contacts collection existed, and the copy of her member document
   * on contacts written before it was kept there: written once, at start-up.
   */
  async function backfillContacts(now: Date): Promise<void> {
    if ((await Contact.estimatedDocumentCount()) === 0)
      for await (const doc of M.find(UNBOUND_NOT).lean().cursor())
        for (const contactId of doc.contactIds)
          await insertOnce(Contact, { _id: contactId, memberId: doc._id, at: now })
    const bare = await Contact.find({ member: { $exists: false } }, { memberId: 1 }).lean()
    for (const memberId of new Set(bare.map((c) => idOf(c.memberId)))) await copyToContacts(memberId)
  }

  /** #设置 群里自动记 开|关: on her member document, and so on each contact's copy of it. */
  async function setGroupAutoRecord(memberId: string, on: boolean): Promise<void> {
    await M.updateOne({ _id: oid(memberId) }, { $set: { groupAutoRecordOff: !on } })
    await copyToContacts(memberId)
  }

  return {
    findById,
    findByContactId,
    setGroupAutoRecord,
    bindContact,
    identify,
    upsertByName,
    findByName,
    moveTo,
    unbind,
    listUnbound,
    listWithChecklist,
    roster,
    rosterOf,
    listByRole,
    findByNames,
    listByNames,
    holdersOf,
    addMany,
    changeMany,
    stampLastMessage,
    /** The same, written with others in the next batch (see batched-writes): for the message path. */
    stampSoon: (contactId: string, at: Date) => stamps.add({ contactId, at }),
    flush: stamps.flush,
    lastMessages,
    listByIds,
    backfillContacts,
  }
}

const UNBOUND_NOT = { 'contactIds.0': { $exists: true } }

export type MemberRepo = ReturnType<typeof createMemberRepo>
