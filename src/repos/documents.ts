import type { Types } from 'mongoose'
import type { OrgSettings, Role } from '../domain/entities'
import type { GroupKind, Audience } from '../domain/vocabulary'
import type { LedgerEvent, LedgerItem } from '../domain/ledger'
import type { PendingQuestion } from '../domain/proposal'
import type { ProgressCounts } from '../domain/progress'

/** The stored shape of every collection; only the repositories see these. */

export interface OrgUnitDoc {
  _id: Types.ObjectId
  name: string
  parentId: Types.ObjectId | null
  /** Every ancestor from the root down: a subtree is one equality match on this array. */
  ancestors: Types.ObjectId[]
  settings: OrgSettings
  rotation: { memberIds: Types.ObjectId[]; startMonday: string } | null
}

export interface MemberDoc {
  _id: Types.ObjectId
  name: string
  role: Role
  orgId: Types.ObjectId
  /** WeChat ids she writes from: how jobs reach her. Who a WeChat id is comes from `contacts`. */
  contactIds: string[]
  createdAt: Date
  /** #设置 群里自动记 关 (see Member). */
  groupAutoRecordOff?: boolean
}

/** A WeChat id bound to one member, keyed by the id: "who wrote this" is one lookup by key. */
export interface ContactDoc {
  _id: string
  memberId: Types.ObjectId
  at: Date
  /**
   * A copy of her member document, kept by member-repo whenever it changes her: "who wrote this" is one
   * read by key. Absent on contacts written before 2026-12 (then her member document is read too).
   */
  member?: Pick<MemberDoc, 'name' | 'role' | 'orgId' | 'contactIds' | 'groupAutoRecordOff'>
  /** When she last wrote to the bot from this id (stamped at most hourly; absent: not since it was kept). */
  lastMessageAt?: Date
}

/** A WeChat group, keyed by its room id. */
export interface GroupDoc {
  _id: string
  topic: string
  kind: GroupKind | null
  orgId: Types.ObjectId | null
  boundBy: Types.ObjectId | null
  boundAt: Date | null
  /** #设置 本群自动记 关 (see Group). */
  autoRecordOff?: boolean
  mentionBehind: boolean
}

/** A need in the ledger of women's needs: numbered across the federation, its `_id` derived from the message. */
export interface NeedDoc {
  _id: string
  messageId: string
  memberId: Types.ObjectId | null
  year: number
  date: string
  createdAt: Date
  by: string
  undoneAt: Date | null
  number: number
  orgId: Types.ObjectId
  content: string
  status: 'open' | 'resolved'
  resolvedBy: Types.ObjectId | null
  resolvedAt: Date | null
  /** Absent on needs stored before constituents could ask (2026-12): read as null / 0. */
  asker?: { contactId: string; name: string; roomId: string } | null
  itemId?: string | null
  round?: number
  takenAt?: Date | null
}

/**
 * One change to one executive's year (see domain/ledger) in its slot `<member>:<year>#<n>`, with the key
 * of the message (or question) that made it; both are unique, so one insert takes the slot and claims the
 * message, on every compatible server. Never updated.
 */
export interface LedgerEventDoc extends LedgerEvent {
  _id: string
  memberId: Types.ObjectId
  year: number
}

/**
 * Her year: every active record as a short item, and the counts the views read, written together as
 * change `v` of her records (see year-ledger-store), and her waiting questions as change `qv` of them.
 * `seq` is the version of the design before 2026-12: a document that has it and no `v` is migrated at
 * start-up.
 */
export interface LedgerDoc {
  _id: string
  memberId: Types.ObjectId
  orgId: Types.ObjectId
  year: number
  v: number
  qv?: number
  items: LedgerItem[]
  counts: ProgressCounts
  /** Her newest diary entry's date (YYYY-MM-DD), for the weekly diary reminder. */
  lastDiary: string | null
  /** Questions asked of her (in any conversation) waiting for her digit, see domain/proposal. */
  pending?: StoredQuestion[]
  /** When she last did something that wrote here (a record, a question); absent: nothing since 2026-12. */
  lastActiveAt?: Date
  updatedAt: Date
  seq?: number
}

/** A waiting question as stored (its member is the document's). */
export type StoredQuestion = Omit<PendingQuestion, 'memberId'>

/** First insert wins: a message handled once, a one-time message told once, a roster entry bound once. */
export interface ClaimDoc {
  _id: string
  by: string
  at: Date
  value: string | null
}

export interface NoticeDoc {
  _id: Types.ObjectId
  number: number
  orgId: Types.ObjectId
  audience: Audience
  content: string
  createdBy: Types.ObjectId
  createdAt: Date
  sourceMessageId: string
  roomIds: string[]
  executiveIds: Types.ObjectId[]
  followUpAt: Date
  followUpDone: boolean
}

export interface AckDoc {
  _id: string
  noticeId: Types.ObjectId
  contactId: string
  memberId: Types.ObjectId | null
  roomId: string | null
  at: Date
}

export interface WeeklySnapshotDoc {
  _id: string
  averageDone: number
  at: Date
}

export interface ApiTokenDoc {
  _id: string
  role: 'admin' | 'chair'
  orgId: Types.ObjectId | null
  label: string
  createdAt: Date
}

/** A message the bot did not understand, masked (see domain/misread), keyed by the message's key. */
export interface MisreadDoc {
  _id: string
  orgId: Types.ObjectId
  at: Date
  where: string
  text: string
  reading: string
}

export interface AuditDoc {
  _id: Types.ObjectId
  at: Date
  who: string
  role: string
  action: string
  detail: string
  orgId?: Types.ObjectId | null
}

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed'

export interface OutboxDoc {
  _id: Types.ObjectId
  dedupeKey: string
  kind: string
  target: string
  /** The bot account that delivers it (null: none known when it was queued; any account may try). */
  account: string | null
  /** Accounts that found the target unreachable, in order; none of them is given it again. */
  triedBy: string[]
  /** The account that sent it: the caps are per account. */
  sentBy: string | null
  text: string
  mentionIds: string[]
  fileName: string | null
  fileData: Buffer | null
  respectRestDays: boolean
  status: OutboxStatus
  notBefore: Date
  createdAt: Date
  sentAt: Date | null
  attempts: number
  failures: number
  leaseUntil: Date | null
  error: string | null
}

/** A bot account can reach a room or a contact: `${account}:${target}` (see presence-repo). */
export interface PresenceDoc {
  _id: string
  account: string
  target: string
  at: Date
}

/** "This job has done this unit's work for this period": lets later ticks skip without writing. */
export interface JobMarkDoc {
  _id: string
  at: Date
}

/** A one-time code an admin handed to a member, stored by its hash: whoever sends it is bound to her. */
export interface BindCodeDoc {
  _id: string
  memberId: Types.ObjectId
  /** Who issued it (an admin's name or token label), for the audit trail. */
  by: string
  at: Date
  expiresAt: Date
}

/** A women representative on the federation's own list, for one unit: keyed by unit and name. */
export interface RepresentativeDoc {
  _id: string
  orgId: Types.ObjectId
  name: string
  at: Date
}

/** A contact or room of the built-in simulator's WeChat (see simulator-repo), keyed by its WeChat id. */
export interface SimulatorThingDoc {
  _id: string
  kind: 'contact' | 'room'
  /** A contact's nickname or a room's topic. */
  name: string
  memberIds: string[]
  botIn: boolean
}

/**
 * A confirmed roster import being written (see services/roster-job): its checked plan is stored in
 * `import_chunks`, and `chunksDone` says how many of them are written, so a restart goes on from there.
 */
export interface ImportJobDoc {
  _id: string
  kind: 'roster'
  /**
   * Unique: `roster` while the job is unfinished, its own `_id` once it is done or stopped. Inserting a
   * job is what takes the one place for a running roster import (one unique key, no lock to release).
   */
  active: string
  /** `planning`: the place is taken and the plan being read (no chunk yet); `running`: being written. */
  status: 'planning' | 'running' | 'done' | 'stopped'
  by: string
  scopeOrgId: Types.ObjectId | null
  plan: string
  rows: number
  newUnits: number
  changes: number
  chunks: number
  chunksDone: number
  rowsDone: number
  bound: number
  /** Lines whose WeChat id someone else took after the plan was checked (not bound). */
  taken: number[]
  createdAt: Date
  updatedAt: Date
  finishedAt: Date | null
  /** The process writing it, until `leaseUntil`; another takes over after that. */
  owner: string | null
  leaseUntil: Date | null
  /** Why the last attempt stopped, and how many attempts in a row made no progress. */
  error: string | null
  failures: number
}

/** One batch of a job's plan: units to create, units to move, or people (their rows). */
export interface ImportChunkDoc {
  /** `<job>:<seq>`. */
  _id: string
  jobId: string
  seq: number
  kind: 'units' | 'reparent' | 'people'
  /** Its items as JSON. */
  items: string
}
