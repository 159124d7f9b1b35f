import { OWN_BUDGET_KINDS } from '../../src/domain/reply-budget'
import { randomBytes } from 'node:crypto'
import type { HandlerRepos } from '../../handlers/core/message-context'
import type { OrgRepo } from '../../src/repos/org-repo'
import type { MemberRepo } from '../../src/repos/member-repo'
import type { GroupRepo } from '../../src/repos/group-repo'
import type { NeedRepo } from '../../src/repos/need-repo'
import type { ProgressRepo } from '../../src/repos/progress-repo'
import type { LedgerEventDoc } from '../../src/repos/documents'
import type { ClaimRepo } from '../../src/repos/claim-repo'
import type { NoticeRepo } from '../../src/repos/notice-repo'
import type { OutboxItem, OutboxRepo, SentRecently } from '../../src/repos/outbox-repo'
import type { QuestionRepo } from '../../src/repos/question-repo'
import type { PresenceRepo } from '../../src/repos/presence-repo'
import { chooseAccount } from '../../src/domain/choose-account'
import { nextQuestionNumber, openQuestions, type PendingQuestion } from '../../src/domain/proposal'
import { BIND_CODE_TTL_MS, type BindCodeRepo } from '../../src/repos/bind-code-repo'
import { auditEntryAsKept, type AuditEntry, type AuditRepo } from '../../src/repos/audit-repo'
import type { RepresentativeRepo } from '../../src/repos/representative-repo'
import type { MisreadRepo } from '../../src/repos/misread-repo'
import type { Misread } from '../../src/domain/misread'
import { createStandingsRepo, type CountsRow, type StandingsRepo } from '../../src/repos/standings-repo'
import type { Ack, Group, Member, Need, Notice, OrgUnit } from '../../src/domain/entities'
import { CHECKLIST_ROLES } from '../../src/domain/vocabulary'
import { buildOrgTree } from '../../src/domain/org-tree'
import { applyChange, countLedger, type LedgerEvent, type LedgerItem } from '../../src/domain/ledger'

/**
 * The repositories of the message path in memory, for handler and guard tests that run in
 * milliseconds. They follow the real ones' documented behaviour (tests/integration/repo-contract.test.ts
 * runs the same checks against both); the real database stays for what only it can show.
 */
const newId = () => randomBytes(12).toString('hex')
const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)

function orgRepo(): OrgRepo {
  const orgs = new Map<string, OrgUnit>()
  const findByName = async (name: string) => [...orgs.values()].find((o) => o.name === name)
  const ensure = async (name: string, parentName?: string): Promise<OrgUnit> => {
    const existing = await findByName(name)
    if (existing) return existing
    const parent = parentName ? await ensure(parentName) : undefined
    const org: OrgUnit = {
      id: newId(),
      name,
      parentId: parent?.id ?? null,
      ancestors: parent ? [...parent.ancestors, parent.id] : [],
      settings: {},
      rotation: null,
    }
    orgs.set(org.id, org)
    return org
  }
  return {
    findByName,
    findById: async (id) => orgs.get(id),
    ensure,
    async insertKeyed(units) {
      const there: OrgUnit[] = []
      for (const u of units) {
        const same = await findByName(u.name)
        if (same) there.push(same)
        else if (!orgs.has(u.id)) orgs.set(u.id, { ...u, ancestors: [...u.ancestors], settings: {}, rotation: null })
      }
      return there.filter((o) => !units.some((u) => u.id === o.id))
    },
    subtreeIds: async (rootId) => [
      rootId,
      ...[...orgs.values()].filter((o) => o.ancestors.includes(rootId)).map((o) => o.id),
    ],
    isWithin: async (orgId, rootId) => orgId === rootId || !!orgs.get(orgId)?.ancestors.includes(rootId),
    listAll: async () => [...orgs.values()].sort(byName),
    listByIds: async (ids) => ids.flatMap((id) => (orgs.has(id) ? [orgs.get(id)!] : [])),
    children: async (id) => [...orgs.values()].filter((o) => o.parentId === id).sort(byName),
    setSetting: async (id, key, value) => {
      const org = orgs.get(id)
      if (!org) return
      const { [key]: _old, ...rest } = org.settings
      org.settings = value === undefined ? rest : { ...rest, [key]: value }
    },
    setRotation: async (id, rotation) => {
      const org = orgs.get(id)
      if (org) org.rotation = rotation
    },
    async reparent(id, parentId) {
      const unit = orgs.get(id)!
      const parent = parentId ? orgs.get(parentId) : undefined
      if (parent && (parent.id === id || parent.ancestors.includes(id)))
        throw new Error('a unit cannot move under itself')
      const ancestors = parent ? [...parent.ancestors, parent.id] : []
      unit.parentId = parent?.id ?? null
      unit.ancestors = ancestors
      for (const o of orgs.values())
        if (o.ancestors.includes(id)) o.ancestors = [...ancestors, ...o.ancestors.slice(o.ancestors.indexOf(id))]
    },
    invalidate: () => undefined,
    tree: async (_mustHave?: string) =>
      buildOrgTree([...orgs.values()].map((o) => ({ ...o, settings: { ...o.settings } }))),
  }
}

function memberRepo(claims: Map<string, string>): MemberRepo {
  const members = new Map<string, Member>()
  const contacts = new Map<string, string>()
  const lastMessage = new Map<string, Date>()
  const copy = (m: Member | undefined) => (m ? { ...m, contactIds: [...m.contactIds] } : undefined)
  const bindContact = async (memberId: string, contactId: string) => {
    const owner = contacts.get(contactId)
    if (owner && owner !== memberId) return false
    contacts.set(contactId, memberId)
    const m = members.get(memberId)
    if (m && !m.contactIds.includes(contactId)) m.contactIds.push(contactId)
    return true
  }
  const findByContactId = async (contactId: string) => copy(members.get(contacts.get(contactId) ?? ''))
  return {
    findById: async (id) => copy(members.get(id)),
    findByContactId,
    async setGroupAutoRecord(memberId, on) {
      const m = members.get(memberId)
      if (!m) return
      if (on) delete m.groupAutoRecordOff
      else m.groupAutoRecordOff = true
    },
    bindContact,
    async identify(name, contactId, _now, groupOrgIds) {
      const mine = await findByContactId(contactId)
      if (mine) return { member: mine }
      if (!groupOrgIds?.length) return undefined
      const candidates = [...members.values()].filter(
        (m) => m.name === name && m.role === 'executive' && groupOrgIds.includes(m.orgId) && m.contactIds.length === 0,
      )
      if (candidates.length > 1) return { ambiguous: true }
      const entry = candidates[0]
      if (!entry) {
        const again = await findByContactId(contactId)
        return again ? { member: again } : undefined
      }
      const holder = claims.get(`bind:${entry.id}`) ?? contactId
      claims.set(`bind:${entry.id}`, holder)
      if (holder !== contactId || !(await bindContact(entry.id, contactId))) return undefined
      return { member: copy(entry)! }
    },
    async upsertByName(entry, now) {
      void now
      const existing = [...members.values()].find((m) => m.name === entry.name && m.orgId === entry.orgId)
      const member = existing ?? { id: newId(), name: entry.name, role: entry.role, orgId: entry.orgId, contactIds: [] }
      member.role = entry.role
      members.set(member.id, member)
      return copy(member)!
    },
    findByName: async (name) => [...members.values()].filter((m) => m.name === name).map((m) => copy(m)!),
    async moveTo(memberId, orgId) {
      const m = members.get(memberId)
      if (m) m.orgId = orgId
    },
    async unbind(memberId) {
      const m = members.get(memberId)
      const ids = m ? [...m.contactIds] : []
      for (const id of ids) {
        contacts.delete(id)
        lastMessage.delete(id)
      }
      if (m) m.contactIds = []
      claims.delete(`bind:${memberId}`)
      return ids
    },
    listUnbound: async (orgIds) =>
      [...members.values()]
        .filter((m) => orgIds.includes(m.orgId) && m.contactIds.length === 0)
        .sort(byName)
        .map((m) => copy(m)!),
    listWithChecklist: async (orgIds) =>
      [...members.values()]
        .filter((m) => CHECKLIST_ROLES.includes(m.role) && (!orgIds || orgIds.includes(m.orgId)))
        .sort(byName)
        .map((m) => copy(m)!),
    roster: async () =>
      [...members.values()]
        .filter((m) => CHECKLIST_ROLES.includes(m.role))
        .map(({ id, name, role, orgId }) => ({ id, name, role, orgId })),
    rosterOf: async (ids) =>
      [...members.values()]
        .filter((m) => ids.includes(m.id) && CHECKLIST_ROLES.includes(m.role))
        .map(({ id, name, role, orgId }) => ({ id, name, role, orgId })),
    listByRole: async (role, orgIds) =>
      [...members.values()]
        .filter((m) => m.role === role && (!orgIds || orgIds.includes(m.orgId)))
        .sort(byName)
        .map((m) => copy(m)!),
    findByNames: async (names, orgIds) =>
      [...members.values()].filter((m) => names.includes(m.name) && orgIds.includes(m.orgId)).map((m) => copy(m)!),
    async stampLastMessage(contactId, at) {
      if (contacts.has(contactId) && !(lastMessage.get(contactId)! >= at)) lastMessage.set(contactId, at)
    },
    stampSoon(contactId, at) {
      void this.stampLastMessage(contactId, at)
    },
    flush: async () => undefined,

    lastMessages: async (memberIds) => {
      const out = new Map<string, Date>()
      for (const [contactId, at] of lastMessage) {
        const id = contacts.get(contactId)
        if (id && memberIds.includes(id) && !(out.get(id)! >= at)) out.set(id, at)
      }
      return out
    },
    listByNames: async (names) => [...members.values()].filter((m) => names.includes(m.name)).map((m) => copy(m)!),
    async addMany(people) {
      const taken: number[] = []
      for (const p of people) {
        if (!members.has(p.id))
          members.set(p.id, { id: p.id, name: p.name, role: p.role, orgId: p.orgId, contactIds: [] })
        if (p.bind && !(await bindContact(p.id, p.bind))) taken.push(p.line)
      }
      return { bound: people.filter((p) => p.bind).length - taken.length, taken }
    },
    async changeMany(changes) {
      const taken: number[] = []
      for (const c of changes) {
        const m = members.get(c.id)
        if (!m) continue
        if (c.role) m.role = c.role
        if (c.orgId) m.orgId = c.orgId
        if (c.bind && !(await bindContact(c.id, c.bind))) taken.push(c.line)
      }
      return { bound: changes.filter((c) => c.bind).length - taken.length, taken }
    },
    holdersOf: async (contactIds) =>
      new Map(contactIds.flatMap((id) => (contacts.has(id) ? [[id, copy(members.get(contacts.get(id)!))!]] : []))),
    listByIds: async (ids) => ids.flatMap((id) => (members.has(id) ? [copy(members.get(id))!] : [])).sort(byName),
    backfillContacts: async () => undefined,
  }
}

function groupRepo(): GroupRepo {
  const groups = new Map<string, Group>()
  return {
    findByRoomId: async (roomId) => (groups.has(roomId) ? { ...groups.get(roomId)! } : undefined),
    async bind(input) {
      const group: Group = {
        roomId: input.roomId,
        topic: input.topic,
        kind: input.kind,
        orgId: input.orgId,
        mentionBehind: groups.get(input.roomId)?.mentionBehind ?? false,
        ...(groups.get(input.roomId)?.autoRecordOff ? { autoRecordOff: true as const } : {}),
      }
      groups.set(input.roomId, group)
      return { ...group }
    },
    listBound: async (kinds, orgIds) =>
      [...groups.values()]
        .filter((g) => g.kind && kinds.includes(g.kind) && (!orgIds || (g.orgId && orgIds.includes(g.orgId))))
        .sort((a, b) => (a.roomId < b.roomId ? -1 : 1)),
    setMentionBehind: async (roomId, on) => {
      const g = groups.get(roomId)
      if (g) g.mentionBehind = on
    },
    setAutoRecord: async (roomId, on) => {
      const g = groups.get(roomId)
      if (!g) return
      if (on) delete g.autoRecordOff
      else g.autoRecordOff = true
    },
  }
}

function needRepo(): NeedRepo {
  const needs = new Map<string, Need & { undoneAt: Date | null }>()
  const live = () => [...needs.values()].filter((n) => !n.undoneAt)
  const plain = ({ undoneAt: _u, ...n }: Need & { undoneAt: Date | null }): Need => ({ ...n })
  return {
    async open(input) {
      const existing = needs.get(input.id)
      if (existing) return { created: false, record: plain(existing) }
      const number = Math.max(0, ...[...needs.values()].map((n) => n.number)) + 1
      const need = {
        ...input,
        asker: input.asker ?? null,
        itemId: input.memberId ? input.id : null,
        round: 0,
        number,
        status: 'open' as const,
        resolvedBy: null,
        resolvedAt: null,
        undoneAt: null,
      }
      needs.set(input.id, need)
      return { created: true, record: plain(need) }
    },
    askedOn: async (contactId, date) =>
      [...needs.values()].filter((n) => n.asker?.contactId === contactId && n.date === date).map((n) => n.id),
    async take(id, round, memberId, itemId) {
      const n = needs.get(id)
      if (n && n.round === round && n.memberId === null) Object.assign(n, { memberId, itemId })
    },
    async withdraw(itemId, now) {
      const taken = live().find((n) => n.itemId === itemId && n.asker)
      if (!taken) {
        const own = needs.get(itemId)
        if (own) own.undoneAt = now
        return
      }
      Object.assign(taken, { memberId: null, itemId: null, round: taken.round + 1 })
    },
    list: async (orgIds, status) =>
      live()
        .filter((n) => (!orgIds || orgIds.includes(n.orgId)) && (!status || n.status === status))
        .sort((a, b) => b.number - a.number)
        .map(plain),
    listOf: async (memberId) =>
      live()
        .filter((n) => n.memberId === memberId)
        .sort((a, b) => b.number - a.number)
        .map(plain),
    findByNumber: async (number) => {
      const n = live().find((x) => x.number === number)
      return n ? plain(n) : undefined
    },
    async resolve(number, by, now) {
      const n = live().find((x) => x.number === number && x.status === 'open')
      if (!n) return false
      Object.assign(n, { status: 'resolved', resolvedBy: by, resolvedAt: now })
      return true
    },
    markUndone: async (id, now) => {
      const n = needs.get(id)
      if (n) n.undoneAt = now
    },
  }
}

/**
 * Her years as lists of events plus her waiting questions, with the real repositories' rules: a key
 * records once, changes are idempotent, a question is asked once under its message's key, answering takes
 * it away with the record (`consumes`), her own new question replaces her earlier one there.
 */
function yearsInMemory(): {
  progress: ProgressRepo
  questions: QuestionRepo
  countsOfYear: (year: number) => CountsRow[]
} {
  type Year = { owner: { id: string; orgId: string }; year: number; events: LedgerEvent[]; pending: PendingQuestion[] }
  const ledgers = new Map<string, Year>()
  const byKey = new Map<string, LedgerEvent>()
  const key = (memberId: string, year: number) => `${memberId}:${year}`
  const yearOf = (owner: { id: string; orgId: string }, year: number) => {
    const y = ledgers.get(key(owner.id, year)) ?? { owner, year, events: [], pending: [] }
    y.owner = owner
    ledgers.set(key(owner.id, year), y)
    return y
  }
  const itemsOf = (k: string) =>
    (ledgers.get(k)?.events ?? []).reduce<LedgerItem[]>((acc, e) => applyChange(acc, e.change) ?? acc, [])
  const lastDiary = (items: LedgerItem[]) =>
    items
      .filter((i) => i.kind === 'diary')
      .map((i) => i.date)
      .sort()
      .pop()
  const progress: ProgressRepo = {
    async record(owner, year, input, now) {
      const k = key(owner.id, year)
      const ledger = yearOf(owner, year)
      const { consumes, ...rest } = input
      const event: LedgerEvent = { text: null, note: null, ...rest, at: now }
      const found = byKey.get(event.key)
      const next = found ? undefined : applyChange(itemsOf(k), event.change)
      if (next) {
        ledger.events.push(event)
        byKey.set(event.key, event)
      }
      if (consumes) ledger.pending = ledger.pending.filter((q) => q.key !== consumes)
      const items = itemsOf(k)
      return { ledger: k, created: !found, changed: !!next, event: found ?? event, items, counts: countLedger(items) }
    },
    ledger: async (memberId, year) => itemsOf(key(memberId, year)),
    recalled: async (memberId, year) => itemsOf(key(memberId, year)),
    findEvent: async (k) => {
      const event = byKey.get(k)
      return event ? { ...event, slot: k } : undefined
    },
    get: async (memberId, year) =>
      ledgers.has(key(memberId, year)) ? countLedger(itemsOf(key(memberId, year))) : undefined,
    listForYear: async (year, memberIds) =>
      [...ledgers.entries()]
        .filter(([, l]) => l.year === year && memberIds.includes(l.owner.id) && l.events.length)
        .map(([k, l]) => ({ memberId: l.owner.id, orgId: l.owner.orgId, year, counts: countLedger(itemsOf(k)) })),
    diaryWritersSince: async (year, memberIds, from) =>
      new Set(
        memberIds.filter((id) => {
          const last = lastDiary(itemsOf(key(id, year)))
          return !!last && last >= from
        }),
      ),
    // As stored: under their keys, by member (the real one's `_id` and `memberId`, as plain strings).
    eventsOf: async (memberIds, year) =>
      new Map(
        memberIds.flatMap((id) => {
          const events = ledgers.get(key(id, year))?.events ?? []
          const docs = events.map((e) => ({ ...e, _id: e.key, memberId: id, year }))
          return docs.length ? [[id, docs as unknown as LedgerEventDoc[]] as const] : []
        }),
      ),
    repair: async () => false,
    migrate: async () => 0,
    years: async () => [...new Set([...ledgers.values()].map((l) => l.year))],
  }
  const questions: QuestionRepo = {
    async ask(owner, year, input) {
      const y = yearOf(owner, year)
      const now = input.createdAt
      const live = y.pending.filter((q) => q.expiresAt.getTime() > now.getTime())
      const existing = live.find((q) => q.key === input.key)
      if (existing)
        return {
          created: false,
          by: existing.by,
          question: existing,
          open: openQuestions(live, input.conversation, now),
          replaced: [],
        }
      const mine = (q: PendingQuestion) => q.conversation === input.conversation && q.from === input.from
      const replaced = live.filter(mine)
      const kept = live.filter((q) => !mine(q))
      const question = {
        ...input,
        memberId: owner.id,
        n: nextQuestionNumber(openQuestions(kept, input.conversation, now)),
      }
      y.pending = [...kept, question]
      return {
        created: true,
        by: input.by,
        question,
        open: openQuestions(y.pending, input.conversation, now),
        replaced,
      }
    },
    waiting: async (memberId, years, conversation, now) =>
      openQuestions(
        years.flatMap((yr) => ledgers.get(key(memberId, yr))?.pending ?? []),
        conversation,
        now,
      ),
    async dismiss(owner, year, k) {
      const y = yearOf(owner, year)
      const before = y.pending.length
      y.pending = y.pending.filter((q) => q.key !== k)
      return y.pending.length < before
    },
    async deleteLapsedBefore(cutoff) {
      let removed = 0
      for (const y of ledgers.values()) {
        const kept = y.pending.filter((q) => q.expiresAt.getTime() >= cutoff.getTime())
        removed += y.pending.length - kept.length
        y.pending = kept
      }
      return removed
    },
  }
  /** Every year document of a year, versioned by its number of events (events are only ever added). */
  const countsOfYear = (year: number): CountsRow[] =>
    [...ledgers.entries()]
      .filter(([, l]) => l.year === year && l.events.length)
      .map(([k, l]) => ({ memberId: l.owner.id, v: l.events.length, counts: countLedger(itemsOf(k)) }))
  return { progress, questions, countsOfYear }
}

function claimRepo(claims: Map<string, string>): ClaimRepo {
  const values = new Map<string, { by: string; value: string | null; at: Date }>()
  return {
    async claim(id, by, now, value = null) {
      const existing = values.get(id)
      if (existing) return { won: false, by: existing.by, value: existing.value }
      values.set(id, { by, value, at: now })
      return { won: true }
    },
    async tryClaim(id, now, value = null) {
      if (values.has(id) || claims.has(id)) return false
      values.set(id, { by: '-', value, at: now })
      return true
    },
    async deleteBefore(cutoff) {
      const old = [...values.entries()].filter(([, v]) => v.at < cutoff).map(([k]) => k)
      for (const k of old) values.delete(k)
      return old.length
    },
  }
}

function noticeRepo(): NoticeRepo {
  const notices: (Notice & { sourceMessageId: string; followUpDone: boolean })[] = []
  const acks = new Map<string, Ack>()
  const newest = (list: typeof notices) =>
    [...list].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.number - a.number)[0]
  return {
    async create(input) {
      const existing = notices.find((n) => n.sourceMessageId === input.sourceMessageId)
      if (existing) return { notice: { ...existing }, created: false }
      const notice = { ...input, id: newId(), number: notices.length + 1, followUpDone: false }
      notices.push(notice)
      return { notice: { ...notice }, created: true }
    },
    latestForRoom: async (roomId, before) =>
      newest(notices.filter((n) => n.roomIds.includes(roomId) && (!before || n.createdAt < before))),
    latestForExecutive: async (memberId, before) =>
      newest(notices.filter((n) => n.executiveIds.includes(memberId) && (!before || n.createdAt < before))),
    latestInOrgs: async (orgIds) => newest(notices.filter((n) => orgIds.includes(n.orgId))),
    listRecent: async (orgIds, limit) =>
      [...notices]
        .filter((n) => !orgIds || orgIds.includes(n.orgId))
        .reverse()
        .slice(0, limit),
    findByNumber: async (number) => notices.find((n) => n.number === number),
    dueFollowUps: async (now) => notices.filter((n) => !n.followUpDone && n.followUpAt <= now),
    markFollowUpDone: async (id) => {
      const n = notices.find((x) => x.id === id)
      if (n) n.followUpDone = true
    },
    async addAck(ack) {
      const k = `${ack.noticeId}:${ack.contactId}`
      if (acks.has(k)) return false
      acks.set(k, ack)
      return true
    },
    acksOf: async (noticeId) => [...acks.values()].filter((a) => a.noticeId === noticeId),
  }
}

function presenceRepo(): PresenceRepo {
  const present = new Map<string, { account: string; target: string }>()
  const accountsAt: PresenceRepo['accountsAt'] = async (targets) => {
    const out = new Map<string, string[]>()
    for (const { account, target } of present.values())
      if (targets.includes(target)) out.set(target, [...(out.get(target) ?? []), account])
    return out
  }
  return {
    async see(account, target) {
      const key = `${account}:${target}`
      if (present.has(key)) return false
      present.set(key, { account, target })
      return true
    },
    seeSoon(account, target) {
      present.set(`${account}:${target}`, { account, target })
    },
    flush: async () => undefined,
    forget: async (account, target) => void present.delete(`${account}:${target}`),
    load: async (account) => [...present.values()].filter((p) => p.account === account).length,
    accountsAt,
    async accountFor(targets) {
      const at = await accountsAt(targets)
      return new Map(targets.map((t) => [t, chooseAccount(t, at.get(t) ?? [])]))
    },
  }
}

function outboxRepo(presence: PresenceRepo): OutboxRepo {
  const items: (OutboxItem & { status: string; sentAt: Date | null; sentBy: string | null })[] = []
  const row = (id: string) => items.find((i) => i.id === id)
  return {
    async enqueue(newItems, now) {
      const chosen = await presence.accountFor(newItems.map((i) => i.target))
      let added = 0
      for (const item of newItems) {
        if (items.some((i) => i.dedupeKey === item.dedupeKey)) continue
        items.push({
          ...item,
          id: newId(),
          account: item.account === undefined ? (chosen.get(item.target) ?? null) : item.account,
          triedBy: [],
          attempts: 0,
          failures: 0,
          file: item.file ?? null,
          mentionIds: item.mentionIds ?? [],
          respectRestDays: item.respectRestDays ?? false,
          status: 'pending',
          sentAt: null,
          sentBy: null,
        })
        void now
        added++
      }
      return added
    },
    recentSends: async (now, keep, account) =>
      items
        .filter((i) => i.sentBy === account && i.sentAt && i.sentAt.getTime() >= now.getTime() - 86_400_000)
        .filter((i) => !OWN_BUDGET_KINDS.includes(i.kind))
        .sort((a, b) => b.sentAt!.getTime() - a.sentAt!.getTime())
        .slice(0, keep)
        .map((i): SentRecently => ({ target: i.target, at: i.sentAt! })),
    nextCandidate: async (_now, account) =>
      items.find((i) => i.status === 'pending' && (i.account === null || i.account === account)),
    claim: async (item) => {
      const r = row(item.id)
      if (!r || r.status !== 'pending') return false
      r.status = 'sending'
      r.attempts++
      return true
    },
    markSent: async (id, at, account) =>
      void Object.assign(row(id) ?? {}, { status: 'sent', sentAt: at, sentBy: account }),
    markFailed: async (item, _error, retryAt) =>
      void Object.assign(
        row(item.id) ?? {},
        retryAt
          ? { status: 'pending', notBefore: retryAt, failures: item.failures + 1 }
          : { status: 'failed', failures: item.failures + 1 },
      ),
    markUnreachable: async (id) => void Object.assign(row(id) ?? {}, { status: 'failed' }),
    handOver: async (id, account, triedBy) =>
      void Object.assign(row(id) ?? {}, { status: 'pending', account, triedBy }),
    depth: async () => items.filter((i) => i.status === 'pending' || i.status === 'sending').length,
    exists: async (dedupeKey) => items.some((i) => i.dedupeKey === dedupeKey),
    async deleteFinishedBefore(cutoffs) {
      const gone = (i: (typeof items)[number]) =>
        (i.status === 'sent' && i.sentAt! < cutoffs.sent) || (i.status === 'failed' && i.notBefore < cutoffs.failed)
      const before = items.length
      items.splice(0, items.length, ...items.filter((i) => !gone(i)))
      return before - items.length
    },
  }
}

function bindCodeRepo(): BindCodeRepo {
  const codes = new Map<string, { memberId: string; by: string; expiresAt: Date }>()
  const used = new Set<string>()
  return {
    async issue(memberId, by, now) {
      let code = ''
      do code = String(10_000_000 + Math.floor(Math.random() * 90_000_000))
      while (codes.has(code))
      const expiresAt = new Date(now.getTime() + BIND_CODE_TTL_MS)
      codes.set(code, { memberId, by, expiresAt })
      return { code, expiresAt }
    },
    async redeem(code, _contactId, now) {
      const c = codes.get(code)
      if (!c || c.expiresAt <= now || used.has(code)) return undefined
      used.add(code)
      return { memberId: c.memberId, by: c.by }
    },
    async deleteExpiredBefore(cutoff) {
      const old = [...codes.entries()].filter(([, c]) => c.expiresAt < cutoff).map(([k]) => k)
      for (const k of old) codes.delete(k)
      return old.length
    },
  }
}

function auditRepo(): AuditRepo {
  const entries: AuditEntry[] = []
  return {
    record: async (entry) => void entries.unshift(auditEntryAsKept(entry)),
    recent: async (orgIds, limit = 200) =>
      entries.filter((e) => !orgIds || (e.orgId !== null && orgIds.includes(e.orgId))).slice(0, limit),
    async deleteBefore(cutoff) {
      const before = entries.length
      entries.splice(0, entries.length, ...entries.filter((e) => e.at >= cutoff))
      return before - entries.length
    },
  }
}

function representativeRepo(orgs: OrgRepo): RepresentativeRepo {
  const lists = new Map<string, Set<string>>()
  // Each unit's own array while its list is unchanged, as the real repository hands them out (the
  // reader's index is kept per array).
  const read = new Map<string, string[]>()
  const listsFor = async (orgId: string) => {
    const units = [orgId, ...[...((await orgs.findById(orgId))?.ancestors ?? [])].reverse()]
    return units.flatMap((id) => {
      const list = lists.get(id)
      if (!list?.size) return []
      if (!read.has(id)) read.set(id, [...list])
      return [read.get(id)!]
    })
  }
  return {
    listsFor,
    namesFor: async (orgId) => [...new Set((await listsFor(orgId)).flat())],
    async add(orgId, names) {
      read.delete(orgId)
      const list = lists.get(orgId) ?? new Set<string>()
      const before = list.size
      for (const n of names) list.add(n)
      lists.set(orgId, list)
      return list.size - before
    },
    listedIn: async (orgIds) => new Map(orgIds.flatMap((id) => (lists.has(id) ? [[id, new Set(lists.get(id))]] : []))),
    backfillFlags: async () => undefined,
  }
}

/** The real standings over the repositories in memory, reading everything again for every view. */
function standingsOver(orgs: OrgRepo, members: MemberRepo, countsOfYear: (year: number) => CountsRow[]): StandingsRepo {
  const standings = createStandingsRepo(
    {
      tree: () => orgs.tree(),
      roster: members.roster,
      rosterOf: members.rosterOf,
      counts: async (year) => countsOfYear(year),
    },
    { freshMs: 0 },
  )
  return {
    ...standings,
    view(year, today) {
      standings.rosterChanged()
      return standings.view(year, today)
    },
  }
}

export function createMemoryRepos(): HandlerRepos {
  const bindClaims = new Map<string, string>()
  const orgs = orgRepo()
  const presence = presenceRepo()
  const members = memberRepo(bindClaims)
  const { progress, questions, countsOfYear } = yearsInMemory()
  return {
    orgs,
    members,
    standings: standingsOver(orgs, members, countsOfYear),
    groups: groupRepo(),
    needs: needRepo(),
    progress,
    questions,
    claims: claimRepo(bindClaims),
    notices: noticeRepo(),
    outbox: outboxRepo(presence),
    presence,
    bindCodes: bindCodeRepo(),
    audit: auditRepo(),
    representatives: representativeRepo(orgs),
    misreads: misreadRepo(),
  }
}

function misreadRepo(): MisreadRepo {
  const kept = new Map<string, Misread>()
  return {
    keep: async (entry) => void (kept.has(entry.id) || kept.set(entry.id, { ...entry })),
    recent: async (orgIds, limit = 200) =>
      [...kept.values()]
        .filter((m) => !orgIds || orgIds.includes(m.orgId))
        .sort((a, b) => b.at.getTime() - a.at.getTime())
        .slice(0, limit),
    async deleteBefore(cutoff) {
      const old = [...kept.values()].filter((m) => m.at < cutoff)
      for (const m of old) kept.delete(m.id)
      return old.length
    },
  }
}
