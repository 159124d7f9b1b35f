import { Schema, type Connection, type Model } from 'mongoose'
import { AUDIENCES, GROUP_KINDS, ROLES } from '../domain/vocabulary'
import type * as D from './documents'

/**
 * Collections and their indexes. The message path reads and writes by `_id` only (fast on every
 * MongoDB-compatible server, FerretDB 1.x included, which pushes down nothing else); the other indexes
 * serve jobs, views and the API on MongoDB.
 */
const opts = { versionKey: false as const }
const { ObjectId, Mixed } = Schema.Types
const stringId = { _id: { type: String, required: true } }

const orgUnitSchema = new Schema<D.OrgUnitDoc>(
  {
    name: { type: String, required: true, unique: true },
    parentId: { type: ObjectId, default: null },
    ancestors: { type: [ObjectId], default: [] },
    settings: { type: Mixed, default: {} },
    rotation: { type: Mixed, default: null },
  },
  opts,
)
orgUnitSchema.index({ ancestors: 1 })
orgUnitSchema.index({ parentId: 1 })

const memberSchema = new Schema<D.MemberDoc>(
  {
    name: { type: String, required: true },
    role: { type: String, enum: ROLES, required: true },
    orgId: { type: ObjectId, required: true },
    contactIds: { type: [String], default: [] },
    createdAt: { type: Date, required: true },
    groupAutoRecordOff: { type: Boolean },
  },
  opts,
)
memberSchema.index({ name: 1 })
memberSchema.index({ orgId: 1, role: 1 })

const contactSchema = new Schema<D.ContactDoc>(
  {
    ...stringId,
    memberId: { type: ObjectId, required: true },
    at: { type: Date, required: true },
    member: { type: Mixed },
    lastMessageAt: { type: Date },
  },
  opts,
)
contactSchema.index({ memberId: 1 })

const groupSchema = new Schema<D.GroupDoc>(
  {
    ...stringId,
    topic: { type: String, default: '' },
    kind: { type: String, enum: [...GROUP_KINDS, null], default: null },
    orgId: { type: ObjectId, default: null },
    boundBy: { type: ObjectId, default: null },
    boundAt: { type: Date, default: null },
    mentionBehind: { type: Boolean, default: false },
    autoRecordOff: { type: Boolean },
  },
  opts,
)
groupSchema.index({ kind: 1, orgId: 1 })

const needSchema = new Schema<D.NeedDoc>(
  {
    ...stringId,
    messageId: { type: String, required: true },
    /** Null while a constituent's need waits for an executive to take it. */
    memberId: { type: ObjectId, default: null },
    year: { type: Number, required: true },
    date: { type: String, required: true },
    createdAt: { type: Date, required: true },
    by: { type: String, required: true },
    undoneAt: { type: Date, default: null },
    number: { type: Number, required: true, unique: true },
    orgId: { type: ObjectId, required: true },
    content: { type: String, required: true },
    status: { type: String, enum: ['open', 'resolved'], required: true },
    resolvedBy: { type: ObjectId, default: null },
    resolvedAt: { type: Date, default: null },
    asker: { type: Mixed, default: null },
    itemId: { type: String, default: null },
    round: { type: Number, default: 0 },
    takenAt: { type: Date, default: null },
  },
  opts,
)
needSchema.index({ memberId: 1, year: 1 })
needSchema.index({ orgId: 1, number: -1 })

const ledgerEventSchema = new Schema<D.LedgerEventDoc>(
  {
    ...stringId,
    /** Unique: the message that made the change; the same message never changes a ledger twice. */
    key: { type: String, required: true, unique: true },
    by: { type: String, required: true },
    messageId: { type: String, required: true },
    memberId: { type: ObjectId, required: true },
    year: { type: Number, required: true },
    change: { type: Mixed, required: true },
    text: { type: String, default: null },
    note: { type: String, default: null },
    at: { type: Date, required: true },
  },
  opts,
)
ledgerEventSchema.index({ memberId: 1, year: 1 })

const ledgerSchema = new Schema<D.LedgerDoc>(
  {
    ...stringId,
    memberId: { type: ObjectId, required: true },
    orgId: { type: ObjectId, required: true },
    year: { type: Number, required: true },
    v: { type: Number, required: true },
    qv: { type: Number },
    items: { type: Mixed, default: [] },
    counts: { type: Mixed, required: true },
    lastDiary: { type: String, default: null },
    pending: { type: Mixed },
    lastActiveAt: { type: Date },
    updatedAt: { type: Date, required: true },
    seq: { type: Number },
  },
  opts,
)
ledgerSchema.index({ year: 1, orgId: 1 })
ledgerSchema.index({ year: 1, memberId: 1 })
// The standings' refresh: the years written since it last looked (standings-repo).
ledgerSchema.index({ year: 1, updatedAt: 1 })

const claimSchema = new Schema<D.ClaimDoc>(
  {
    ...stringId,
    by: { type: String, required: true },
    at: { type: Date, required: true },
    value: { type: String, default: null },
  },
  opts,
)

// The clean-up job deletes claims by age (see domain/retention).
claimSchema.index({ at: 1 })

const noticeSchema = new Schema<D.NoticeDoc>(
  {
    number: { type: Number, required: true, unique: true },
    orgId: { type: ObjectId, required: true },
    audience: { type: String, enum: AUDIENCES, required: true },
    content: { type: String, required: true },
    createdBy: { type: ObjectId, required: true },
    createdAt: { type: Date, required: true },
    sourceMessageId: { type: String, required: true, unique: true },
    roomIds: { type: [String], default: [] },
    executiveIds: { type: [ObjectId], default: [] },
    followUpAt: { type: Date, required: true },
    followUpDone: { type: Boolean, default: false },
  },
  opts,
)
noticeSchema.index({ roomIds: 1, createdAt: -1 })
noticeSchema.index({ executiveIds: 1, createdAt: -1 })
noticeSchema.index({ orgId: 1, createdAt: -1 })
noticeSchema.index({ followUpDone: 1, followUpAt: 1 })

const ackSchema = new Schema<D.AckDoc>(
  {
    ...stringId,
    noticeId: { type: ObjectId, required: true },
    contactId: { type: String, required: true },
    memberId: { type: ObjectId, default: null },
    roomId: { type: String, default: null },
    at: { type: Date, required: true },
  },
  opts,
)
ackSchema.index({ noticeId: 1 })

const weeklySnapshotSchema = new Schema<D.WeeklySnapshotDoc>(
  { ...stringId, averageDone: { type: Number, required: true }, at: { type: Date, required: true } },
  opts,
)
// The weekly job reads last week's averages of every group at once (snapshot-repo averagesOf).
weeklySnapshotSchema.index({ at: 1 })

/** API bearer tokens, stored as SHA-256 hashes: a leaked database does not leak working tokens. */
const apiTokenSchema = new Schema<D.ApiTokenDoc>(
  {
    ...stringId,
    role: { type: String, enum: ['admin', 'chair'], required: true },
    orgId: { type: ObjectId, default: null },
    label: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  opts,
)

const misreadSchema = new Schema<D.MisreadDoc>(
  {
    ...stringId,
    orgId: { type: ObjectId, required: true },
    at: { type: Date, required: true },
    where: { type: String, required: true },
    text: { type: String, required: true },
    reading: { type: String, required: true },
  },
  opts,
)
misreadSchema.index({ at: -1 })

const auditSchema = new Schema<D.AuditDoc>(
  {
    at: { type: Date, required: true },
    who: { type: String, required: true },
    role: { type: String, required: true },
    action: { type: String, required: true },
    detail: { type: String, default: '' },
    orgId: { type: ObjectId, default: null },
  },
  opts,
)
auditSchema.index({ at: -1 })

const outboxSchema = new Schema<D.OutboxDoc>(
  {
    /** Unique: a job or notice that runs twice enqueues each message once. */
    dedupeKey: { type: String, required: true, unique: true },
    kind: { type: String, required: true },
    target: { type: String, required: true },
    account: { type: String, default: null },
    triedBy: { type: [String], default: [] },
    sentBy: { type: String, default: null },
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
    failures: { type: Number, default: 0 },
    leaseUntil: { type: Date, default: null },
    error: { type: String, default: null },
  },
  opts,
)
outboxSchema.index({ account: 1, status: 1, notBefore: 1 })
outboxSchema.index({ status: 1, notBefore: 1 })
outboxSchema.index({ sentAt: 1 })
outboxSchema.index({ sentBy: 1, sentAt: 1 })
outboxSchema.index({ target: 1, sentAt: 1 })

const presenceSchema = new Schema<D.PresenceDoc>(
  {
    ...stringId,
    account: { type: String, required: true },
    target: { type: String, required: true },
    at: { type: Date, required: true },
  },
  opts,
)
presenceSchema.index({ target: 1 })
presenceSchema.index({ account: 1 })

const jobMarkSchema = new Schema<D.JobMarkDoc>({ ...stringId, at: { type: Date, required: true } }, opts)
jobMarkSchema.index({ at: 1 })

const representativeSchema = new Schema<D.RepresentativeDoc>(
  {
    ...stringId,
    orgId: { type: ObjectId, required: true },
    name: { type: String, required: true },
    at: { type: Date, required: true },
  },
  opts,
)
representativeSchema.index({ orgId: 1 })

const bindCodeSchema = new Schema<D.BindCodeDoc>(
  {
    ...stringId,
    memberId: { type: ObjectId, required: true },
    by: { type: String, required: true },
    at: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  opts,
)
bindCodeSchema.index({ expiresAt: 1 })

const simulatorThingSchema = new Schema<D.SimulatorThingDoc>(
  {
    ...stringId,
    kind: { type: String, enum: ['contact', 'room'], required: true },
    name: { type: String, required: true },
    memberIds: { type: [String], default: [] },
    botIn: { type: Boolean, default: false },
  },
  opts,
)

const importJobSchema = new Schema<D.ImportJobDoc>(
  {
    ...stringId,
    kind: { type: String, enum: ['roster'], required: true },
    active: { type: String, required: true, unique: true },
    status: { type: String, enum: ['planning', 'running', 'done', 'stopped'], required: true },
    by: { type: String, required: true },
    scopeOrgId: { type: ObjectId, default: null },
    plan: { type: String, default: '' },
    rows: { type: Number, required: true },
    newUnits: { type: Number, required: true },
    changes: { type: Number, required: true },
    chunks: { type: Number, required: true },
    chunksDone: { type: Number, required: true },
    rowsDone: { type: Number, required: true },
    bound: { type: Number, required: true },
    taken: { type: [Number], default: [] },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    finishedAt: { type: Date, default: null },
    owner: { type: String, default: null },
    leaseUntil: { type: Date, default: null },
    error: { type: String, default: null },
    failures: { type: Number, default: 0 },
  },
  opts,
)

const importChunkSchema = new Schema<D.ImportChunkDoc>(
  {
    ...stringId,
    jobId: { type: String, required: true },
    seq: { type: Number, required: true },
    kind: { type: String, enum: ['units', 'reparent', 'people'], required: true },
    items: { type: String, required: true },
  },
  opts,
)
importChunkSchema.index({ jobId: 1 })

function model<T>(conn: Connection, name: string, schema: Schema<T>, collection: string): Model<T> {
  return (conn.models[name] as Model<T> | undefined) ?? conn.model<T>(name, schema, collection)
}

export function bindModels(conn: Connection) {
  return {
    OrgUnit: model(conn, 'OrgUnit', orgUnitSchema, 'org_units'),
    Member: model(conn, 'Member', memberSchema, 'members'),
    Contact: model(conn, 'Contact', contactSchema, 'contacts'),
    Group: model(conn, 'Group', groupSchema, 'groups'),
    Need: model(conn, 'Need', needSchema, 'needs'),
    LedgerEvent: model(conn, 'LedgerEvent', ledgerEventSchema, 'ledger_events'),
    Ledger: model(conn, 'Ledger', ledgerSchema, 'ledgers'),
    Claim: model(conn, 'Claim', claimSchema, 'claims'),
    Outbox: model(conn, 'Outbox', outboxSchema, 'outbox'),
    Presence: model(conn, 'Presence', presenceSchema, 'presence'),
    JobMark: model(conn, 'JobMark', jobMarkSchema, 'job_marks'),
    BindCode: model(conn, 'BindCode', bindCodeSchema, 'bind_codes'),
    Representative: model(conn, 'Representative', representativeSchema, 'representatives'),
    Notice: model(conn, 'Notice', noticeSchema, 'notices'),
    Ack: model(conn, 'Ack', ackSchema, 'acks'),
    WeeklySnapshot: model(conn, 'WeeklySnapshot', weeklySnapshotSchema, 'weekly_snapshots'),
    ApiToken: model(conn, 'ApiToken', apiTokenSchema, 'api_tokens'),
    Audit: model(conn, 'Audit', auditSchema, 'audit_log'),
    Misread: model(conn, 'Misread', misreadSchema, 'misreads'),
    SimulatorThing: model(conn, 'SimulatorThing', simulatorThingSchema, 'simulator_world'),
    ImportJob: model(conn, 'ImportJob', importJobSchema, 'import_jobs'),
    ImportChunk: model(conn, 'ImportChunk', importChunkSchema, 'import_chunks'),
  }
}

export type Models = ReturnType<typeof bindModels>
