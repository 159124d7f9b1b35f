import { randomBytes } from 'node:crypto'
import type { HandlerRepos } from '../../handlers/message-context'
import type { OrgRepo } from '../../src/repos/org-repo'
import type { MemberRepo } from '../../src/repos/member-repo'
import type { GroupRepo } from '../../src/repos/group-repo'
import type { NeedRepo } from '../../src/repos/need-repo'
import type { ProgressRepo } from '../../src/repos/progress-repo'
import type { ClaimRepo } from '../../src/repos/claim-repo'
import type { NoticeRepo } from '../../src/repos/notice-repo'
import type { OutboxItem, OutboxRepo, SentRecently } from '../../src/repos/outbox-repo'
import type { ProposalRepo } from '../../src/repos/proposal-repo'
import type { Proposal } from '../../src/domain/proposal'
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
      if (org) org.settings = { ...org.settings, [key]: value }
    },
    setRotation: async (id, rotation) => {
      const org = orgs.get(id)
      if (org) org.rotation = rotation
    },
    tree: async (_mustHave?: string) =>
      buildOrgTree([...orgs.values()].map((o) => ({ ...o, settings: { ...o.settings } }))),
  }
}

function memberRepo(claims: Map<string, string>): MemberRepo {
  const members = new Map<string, Member>()
  const contacts = new Map<string, string>()
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
    bindContact,
    async identify(name, contactId) {
      const mine = await findByContactId(contactId)
      if (mine) return { member: mine }
      const candidates = [...members.values()].filter((m) => m.name === name && m.contactIds.length === 0)
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
      const existing = [...members.values()].find((m) => m.name === entry.name)
      const member = existing ?? { id: newId(), name: entry.name, role: entry.role, orgId: entry.orgId, contactIds: [] }
      member.role = entry.role
      member.orgId = entry.orgId
      members.set(member.id, member)
      return copy(member)!
    },
    listWithChecklist: async (orgIds) =>
      [...members.values()]
        .filter((m) => CHECKLIST_ROLES.includes(m.role) && (!orgIds || orgIds.includes(m.orgId)))
        .sort(byName)
        .map((m) => copy(m)!),
    listByRole: async (role, orgIds) =>
      [...members.values()]
        .filter((m) => m.role === role && (!orgIds || orgIds.includes(m.orgId)))
        .sort(byName)
        .map((m) => copy(m)!),
    findByNames: async (names, orgIds) =>
      [...members.values()].filter((m) => names.includes(m.name) && orgIds.includes(m.orgId)).map((m) => copy(m)!),
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
      const need = { ...input, number, status: 'open' as const, resolvedBy: null, resolvedAt: null, undoneAt: null }
      needs.set(input.id, need)
      return { created: true, record: plain(need) }
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

/** Her ledgers as lists of events, with the real repository's rules: a key records once, changes are idempotent. */
function progressRepo(): ProgressRepo {
  const ledgers = new Map<string, { owner: { id: string; orgId: string }; year: number; events: LedgerEvent[] }>()
  const byKey = new Map<string, LedgerEvent>()
  const key = (memberId: string, year: number) => `${memberId}:${year}`
  const itemsOf = (k: string) =>
    (ledgers.get(k)?.events ?? []).reduce<LedgerItem[]>((acc, e) => applyChange(acc, e.change) ?? acc, [])
  const lastDiary = (items: LedgerItem[]) =>
    items
      .filter((i) => i.kind === 'diary')
      .map((i) => i.date)
      .sort()
      .pop()
  return {
    async record(owner, year, input, now) {
      const k = key(owner.id, year)
      const ledger = ledgers.get(k) ?? { owner, year, events: [] }
      ledger.owner = owner
      ledgers.set(k, ledger)
      const event: LedgerEvent = { text: null, note: null, ...input, at: now }
      const found = byKey.get(event.key)
      const next = found ? undefined : applyChange(itemsOf(k), event.change)
      if (next) {
        ledger.events.push(event)
        byKey.set(event.key, event)
      }
      const items = itemsOf(k)
      return { ledger: k, created: !found, changed: !!next, event: found ?? event, items, counts: countLedger(items) }
    },
    ledger: async (memberId, year) => itemsOf(key(memberId, year)),
    recalled: async (memberId, year) => itemsOf(key(memberId, year)),
    findEvent: async (k) => byKey.get(k),
    get: async (memberId, year) =>
      ledgers.has(key(memberId, year)) ? countLedger(itemsOf(key(memberId, year))) : undefined,
    listForYear: async (year, memberIds) =>
      [...ledgers.entries()]
        .filter(([, l]) => l.year === year && memberIds.includes(l.owner.id))
        .map(([k, l]) => ({ memberId: l.owner.id, orgId: l.owner.orgId, year, counts: countLedger(itemsOf(k)) })),
    diaryWritersSince: async (year, memberIds, from) =>
      new Set(
        memberIds.filter((id) => {
          const last = lastDiary(itemsOf(key(id, year)))
          return !!last && last >= from
        }),
      ),
    whenSaved: async () => undefined,
    saveAll: async () => undefined,
    eventsOf: async () => new Map(),
    repair: async () => false,
    years: async () => [...new Set([...ledgers.values()].map((l) => l.year))],
  }
}

function claimRepo(claims: Map<string, string>): ClaimRepo {
  const values = new Map<string, { by: string; value: string | null }>()
  return {
    async claim(id, by, _now, value = null) {
      const existing = values.get(id)
      if (existing) return { won: false, by: existing.by, value: existing.value }
      values.set(id, { by, value })
      return { won: true }
    },
    async tryClaim(id, _now, value = null) {
      if (values.has(id) || claims.has(id)) return false
      values.set(id, { by: '-', value })
      return true
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

function outboxRepo(): OutboxRepo {
  const items: (OutboxItem & { status: string; sentAt: Date | null })[] = []
  return {
    async enqueue(newItems, now) {
      let added = 0
      for (const item of newItems) {
        if (items.some((i) => i.dedupeKey === item.dedupeKey)) continue
        items.push({
          ...item,
          id: newId(),
          attempts: 0,
          file: item.file ?? null,
          mentionIds: item.mentionIds ?? [],
          respectRestDays: item.respectRestDays ?? false,
          status: 'pending',
          sentAt: null,
        })
        void now
        added++
      }
      return added
    },
    recentSends: async (now, keep) =>
      items
        .filter((i) => i.sentAt && i.sentAt.getTime() >= now.getTime() - 86_400_000)
        .sort((a, b) => b.sentAt!.getTime() - a.sentAt!.getTime())
        .slice(0, keep)
        .map((i): SentRecently => ({ target: i.target, at: i.sentAt! })),
    nextCandidate: async () => items.find((i) => i.status === 'pending'),
    claim: async (item) => {
      const row = items.find((i) => i.id === item.id)
      if (!row || row.status !== 'pending') return false
      row.status = 'sending'
      row.attempts++
      return true
    },
    markSent: async (id, at) => {
      const row = items.find((i) => i.id === id)
      if (row) Object.assign(row, { status: 'sent', sentAt: at })
    },
    markFailed: async (id, _error, retryAt) => {
      const row = items.find((i) => i.id === id)
      if (row) Object.assign(row, retryAt ? { status: 'pending', notBefore: retryAt } : { status: 'failed' })
    },
    depth: async () => items.filter((i) => i.status === 'pending' || i.status === 'sending').length,
    exists: async (dedupeKey) => items.some((i) => i.dedupeKey === dedupeKey),
  }
}

function proposalRepo(): ProposalRepo {
  const waiting = new Map<string, Proposal>()
  return {
    put: async (conversation, proposal) => void waiting.set(conversation, { ...proposal }),
    get: async (conversation, now) => {
      const p = waiting.get(conversation)
      return p && p.expiresAt.getTime() > now.getTime() ? { ...p } : undefined
    },
    remove: async (conversation, key) => {
      if (waiting.get(conversation)?.key === key) waiting.delete(conversation)
    },
  }
}

export function createMemoryRepos(): HandlerRepos {
  const bindClaims = new Map<string, string>()
  return {
    orgs: orgRepo(),
    members: memberRepo(bindClaims),
    groups: groupRepo(),
    needs: needRepo(),
    progress: progressRepo(),
    claims: claimRepo(bindClaims),
    notices: noticeRepo(),
    outbox: outboxRepo(),
    proposals: proposalRepo(),
  }
}
