import { Schema, type Connection, type Model } from 'mongoose'
import { DUTY_KINDS } from '../domain/checklist'

/**
 * Collections and the indexes behind every query the product runs. Only the repositories use these;
 * they hand plain objects to everyone else.
 */
const opts = { versionKey: false as const }

const orgUnitSchema = new Schema(
  {
    name: { type: String, required: true, unique: true },
    parentId: { type: Schema.Types.ObjectId, default: null },
    /** Every ancestor from the root down: a subtree is one indexed equality match on this array. */
    ancestors: { type: [Schema.Types.ObjectId], default: [] },
    /** Per-unit schedule overrides, e.g. { weeklyProgress: { weekday: 1, hour: 9, minute: 0 } }. */
    settings: { type: Schema.Types.Mixed, default: {} },
    /** 执委轮值: executives in turn, one a week, counted from startWeek. */
    rotation: { type: Schema.Types.Mixed, default: null },
  },
  opts,
)
orgUnitSchema.index({ ancestors: 1 })

const memberSchema = new Schema(
  {
    name: { type: String, required: true },
    role: { type: String, enum: ['executive', 'chair', 'admin'], required: true },
    orgId: { type: Schema.Types.ObjectId, required: true },
    /** WeChat ids this person has written from; names change, ids do not. */
    contactIds: { type: [String], default: [] },
    createdAt: { type: Date, required: true },
  },
  opts,
)
memberSchema.index({ contactIds: 1 })
memberSchema.index({ name: 1 })
memberSchema.index({ orgId: 1, role: 1 })

const groupSchema = new Schema(
  {
    roomId: { type: String, required: true, unique: true },
    topic: { type: String, default: '' },
    kind: { type: String, enum: ['executive', 'constituent', null], default: null },
    orgId: { type: Schema.Types.ObjectId, default: null },
    boundBy: { type: Schema.Types.ObjectId, default: null },
    boundAt: { type: Date, default: null },
    /** Whether the weekly post @-mentions executives who are behind (people tire of it: off by default). */
    mentionBehind: { type: Boolean, default: false },
  },
  opts,
)
groupSchema.index({ kind: 1, orgId: 1 })

/** Shared by the three kinds of record an executive writes: a message makes at most one of each. */
const recordFields = {
  memberId: { type: Schema.Types.ObjectId, required: true },
  year: { type: Number, required: true },
  date: { type: String, required: true },
  createdAt: { type: Date, required: true },
  sourceMessageId: { type: String, required: true, unique: true },
  undoneAt: { type: Date, default: null },
  undoneBy: { type: String, default: null },
}

const dutyLogSchema = new Schema(
  {
    ...recordFields,
    kind: { type: String, enum: DUTY_KINDS, required: true },
    subject: { type: String, required: true },
    subjectKey: { type: String, required: true },
    detail: { type: String, default: null },
  },
  opts,
)
dutyLogSchema.index({ memberId: 1, year: 1, undoneAt: 1 })
dutyLogSchema.index({ memberId: 1, createdAt: -1 })
dutyLogSchema.index({ undoneBy: 1 }, { sparse: true })

const diarySchema = new Schema({ ...recordFields, content: { type: String, required: true } }, opts)
diarySchema.index({ memberId: 1, year: 1, undoneAt: 1 })
diarySchema.index({ memberId: 1, createdAt: -1 })
diarySchema.index({ memberId: 1, date: 1 })
diarySchema.index({ date: 1 })
diarySchema.index({ undoneBy: 1 }, { sparse: true })

const needSchema = new Schema(
  {
    ...recordFields,
    number: { type: Number, required: true, unique: true },
    orgId: { type: Schema.Types.ObjectId, required: true },
    content: { type: String, required: true },
    status: { type: String, enum: ['open', 'resolved'], required: true },
    resolvedBy: { type: Schema.Types.ObjectId, default: null },
    resolvedAt: { type: Date, default: null },
  },
  opts,
)
needSchema.index({ memberId: 1, year: 1, status: 1 })
needSchema.index({ memberId: 1, createdAt: -1 })
needSchema.index({ undoneBy: 1 }, { sparse: true })
needSchema.index({ orgId: 1, number: -1 })

const progressSchema = new Schema(
  {
    _id: { type: String, required: true },
    memberId: { type: Schema.Types.ObjectId, required: true },
    orgId: { type: Schema.Types.ObjectId, required: true },
    year: { type: Number, required: true },
    counts: { type: Schema.Types.Mixed, required: true },
    updatedAt: { type: Date, required: true },
  },
  opts,
)
progressSchema.index({ year: 1, orgId: 1 })
progressSchema.index({ year: 1, memberId: 1 })

/** A fresh random token per change to one executive's year of records (see syncProgress). */
const progressMarkSchema = new Schema(
  {
    _id: { type: String, required: true },
    token: { type: String, required: true },
    at: { type: Date, required: true },
  },
  opts,
)

const inboxSchema = new Schema(
  {
    _id: { type: String, required: true },
    /** Same sender, conversation, text and second: the same message seen by two accounts or re-sent by a puppet. */
    fingerprint: { type: String, required: true, unique: true },
    status: { type: String, enum: ['processing', 'done'], required: true },
    owner: { type: String, required: true },
    leaseUntil: { type: Date, required: true },
    /** Which take-over this is; each is won through a unique claim, see inbox-repo. */
    attempt: { type: Number, default: 0 },
    receivedAt: { type: Date, required: true },
    doneAt: { type: Date, default: null },
  },
  opts,
)

const noticeSchema = new Schema(
  {
    number: { type: Number, required: true, unique: true },
    orgId: { type: Schema.Types.ObjectId, required: true },
    audience: { type: String, enum: ['executive', 'constituent', 'all'], required: true },
    content: { type: String, required: true },
    createdBy: { type: Schema.Types.ObjectId, required: true },
    createdAt: { type: Date, required: true },
    sourceMessageId: { type: String, required: true, unique: true },
    roomIds: { type: [String], default: [] },
    /** Executives of the unit's subtree: the people whose #收到 the admin tracks by name. */
    executiveIds: { type: [Schema.Types.ObjectId], default: [] },
    followUpAt: { type: Date, required: true },
    followUpDone: { type: Boolean, default: false },
  },
  opts,
)
noticeSchema.index({ roomIds: 1, createdAt: -1 })
noticeSchema.index({ executiveIds: 1, createdAt: -1 })
noticeSchema.index({ orgId: 1, createdAt: -1 })
noticeSchema.index({ followUpDone: 1, followUpAt: 1 })

const ackSchema = new Schema(
  {
    _id: { type: String, required: true },
    noticeId: { type: Schema.Types.ObjectId, required: true },
    contactId: { type: String, required: true },
    memberId: { type: Schema.Types.ObjectId, default: null },
    roomId: { type: String, default: null },
    at: { type: Date, required: true },
  },
  opts,
)
ackSchema.index({ noticeId: 1 })

/** The group's average completion each week, for "比上周" in the weekly post. */
const weeklySnapshotSchema = new Schema(
  {
    _id: { type: String, required: true },
    averageDone: { type: Number, required: true },
    at: { type: Date, required: true },
  },
  opts,
)

/** API bearer tokens, stored as SHA-256 hashes: a leaked database does not leak working tokens. */
const apiTokenSchema = new Schema(
  {
    _id: { type: String, required: true },
    role: { type: String, enum: ['admin', 'chair'], required: true },
    /** null: the whole tree (the bootstrap admin). */
    orgId: { type: Schema.Types.ObjectId, default: null },
    label: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  opts,
)

/** Who read or exported which personal records, for admins to review. */
const auditSchema = new Schema(
  {
    at: { type: Date, required: true },
    who: { type: String, required: true },
    role: { type: String, required: true },
    action: { type: String, required: true },
    detail: { type: String, default: '' },
  },
  opts,
)
auditSchema.index({ at: -1 })

/** Each run of a scheduled job: who runs it, until when, and what it did. */
const jobRunSchema = new Schema(
  {
    _id: { type: String, required: true },
    job: { type: String, required: true },
    status: { type: String, enum: ['processing', 'done'], required: true },
    owner: { type: String, required: true },
    leaseUntil: { type: Date, required: true },
    attempt: { type: Number, default: 0 },
    startedAt: { type: Date, required: true },
    doneAt: { type: Date, default: null },
    enqueued: { type: Number, default: 0 },
  },
  opts,
)
jobRunSchema.index({ job: 1, startedAt: -1 })

/** The persistent send queue: every message the bot sends on its own, and a record of each reply (caps). */
const outboxSchema = new Schema(
  {
    /** Unique: a job or notice that runs twice enqueues each message once. */
    dedupeKey: { type: String, required: true, unique: true },
    kind: { type: String, required: true },
    /** "room:<id>" or "contact:<id>": what the spacing rules count as one target. */
    target: { type: String, required: true },
    text: { type: String, default: '' },
    mentionIds: { type: [String], default: [] },
    fileName: { type: String, default: null },
    fileData: { type: Buffer, default: null },
    respectRestDays: { type: Boolean, default: false },
    status: { type: String, enum: ['pending', 'sending', 'sent', 'failed'], required: true },
    notBefore: { type: Date, required: true },
    createdAt: { type: Date, required: true },
    sentAt: { type: Date, default: null },
    attempts: { type: Number, default: 0 },
    leaseUntil: { type: Date, default: null },
    error: { type: String, default: null },
  },
  opts,
)
outboxSchema.index({ status: 1, notBefore: 1 })
outboxSchema.index({ sentAt: 1 })
outboxSchema.index({ target: 1, sentAt: 1 })

/**
 * One-time tokens won by inserting them. A unique insert is the one write every MongoDB-compatible
 * server makes atomic: FerretDB 1.x (SQLite) applies conditional updates and $inc without isolation,
 * so two racing updateOne({…, version: n}) calls can both succeed there.
 */
const claimSchema = new Schema(
  {
    _id: { type: String, required: true },
    createdAt: { type: Date, required: true },
    value: { type: String, default: null },
  },
  opts,
)

/** Models stay untyped here on purpose: each repository maps documents to its own plain type. */
function model(conn: Connection, name: string, schema: Schema, collection: string): Model<any> {
  return (
    (conn.models[name] as Model<any> | undefined) ?? (conn.model(name, schema, collection) as unknown as Model<any>)
  )
}

export function bindModels(conn: Connection) {
  return {
    OrgUnit: model(conn, 'OrgUnit', orgUnitSchema, 'org_units'),
    Member: model(conn, 'Member', memberSchema, 'members'),
    Group: model(conn, 'Group', groupSchema, 'groups'),
    DutyLog: model(conn, 'DutyLog', dutyLogSchema, 'duty_logs'),
    Diary: model(conn, 'Diary', diarySchema, 'diaries'),
    Need: model(conn, 'Need', needSchema, 'needs'),
    Progress: model(conn, 'Progress', progressSchema, 'progress'),
    ProgressMark: model(conn, 'ProgressMark', progressMarkSchema, 'progress_marks'),
    Inbox: model(conn, 'Inbox', inboxSchema, 'inbox'),
    Claim: model(conn, 'Claim', claimSchema, 'claims'),
    Outbox: model(conn, 'Outbox', outboxSchema, 'outbox'),
    JobRun: model(conn, 'JobRun', jobRunSchema, 'job_runs'),
    Notice: model(conn, 'Notice', noticeSchema, 'notices'),
    Ack: model(conn, 'Ack', ackSchema, 'acks'),
    WeeklySnapshot: model(conn, 'WeeklySnapshot', weeklySnapshotSchema, 'weekly_snapshots'),
    ApiToken: model(conn, 'ApiToken', apiTokenSchema, 'api_tokens'),
    Audit: model(conn, 'Audit', auditSchema, 'audit_log'),
  }
}

export type Models = ReturnType<typeof bindModels>
