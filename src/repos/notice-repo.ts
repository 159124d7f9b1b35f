import type { Models } from './models'
import type { AckDoc, NoticeDoc } from './documents'
import type { Ack, Notice } from '../domain/entities'
import { idOf, insertOnce, oid } from './to-plain'
import { insertNumbered } from './insert-numbered'

function toNotice(doc: NoticeDoc): Notice {
  return {
    id: idOf(doc._id),
    number: doc.number,
    orgId: idOf(doc.orgId),
    audience: doc.audience,
    content: doc.content,
    createdBy: idOf(doc.createdBy),
    createdAt: doc.createdAt,
    roomIds: doc.roomIds ?? [],
    executiveIds: (doc.executiveIds ?? []).map(idOf),
    followUpAt: doc.followUpAt,
  }
}

function toAck(doc: AckDoc): Ack {
  return {
    noticeId: idOf(doc.noticeId),
    contactId: doc.contactId,
    memberId: doc.memberId ? idOf(doc.memberId) : null,
    roomId: doc.roomId ?? null,
    at: doc.at,
  }
}

export function createNoticeRepo({ Notice: N, Ack: A }: Models) {
  /** One notice per admin message, numbered like needs (see insert-numbered). */
  async function create(
    input: Omit<Notice, 'id' | 'number'> & { sourceMessageId: string },
  ): Promise<{ notice: Notice; created: boolean }> {
    const { doc, created } = await insertNumbered(
      N,
      () => N.findOne({ sourceMessageId: input.sourceMessageId }).lean<NoticeDoc>(),
      {
        ...input,
        _id: oid(),
        orgId: oid(input.orgId),
        createdBy: oid(input.createdBy),
        executiveIds: input.executiveIds.map(oid),
        followUpDone: false,
      },
    )
    return { notice: toNotice(doc), created }
  }

  /** The newest notice sent to a group (before `before`, if given). */
  async function latestForRoom(roomId: string, before?: Date): Promise<Notice | undefined> {
    const filter = before ? { roomIds: roomId, createdAt: { $lt: before } } : { roomIds: roomId }
    const doc = await N.findOne(filter).sort({ createdAt: -1, number: -1 }).lean()
    return doc ? toNotice(doc) : undefined
  }

  /** The newest notice addressed to an executive (before `before`, if given). */
  async function latestForExecutive(memberId: string, before?: Date): Promise<Notice | undefined> {
    const filter = before
      ? { executiveIds: oid(memberId), createdAt: { $lt: before } }
      : { executiveIds: oid(memberId) }
    const doc = await N.findOne(filter).sort({ createdAt: -1, number: -1 }).lean()
    return doc ? toNotice(doc) : undefined
  }

  async function latestInOrgs(orgIds: string[]): Promise<Notice | undefined> {
    const doc = await N.findOne({ orgId: { $in: orgIds.map(oid) } })
      .sort({ createdAt: -1, number: -1 })
      .lean()
    return doc ? toNotice(doc) : undefined
  }

  async function listRecent(orgIds: string[] | undefined, limit: number): Promise<Notice[]> {
    const filter = orgIds ? { orgId: { $in: orgIds.map(oid) } } : {}
    const docs = await N.find(filter).sort({ createdAt: -1, number: -1 }).limit(limit).lean()
    return docs.map(toNotice)
  }

  async function findByNumber(number: number): Promise<Notice | undefined> {
    const doc = await N.findOne({ number }).lean()
    return doc ? toNotice(doc) : undefined
  }

  async function dueFollowUps(now: Date): Promise<Notice[]> {
    const docs = await N.find({ followUpDone: false, followUpAt: { $lte: now } })
      .sort({ followUpAt: 1 })
      .lean()
    return docs.map(toNotice)
  }

  async function markFollowUpDone(id: string): Promise<void> {
    await N.updateOne({ _id: oid(id) }, { $set: { followUpDone: true } })
  }

  /** Idempotent: one acknowledgement per person and notice, however often she says #收到. */
  async function addAck(ack: Ack): Promise<boolean> {
    return insertOnce(A, {
      _id: `${ack.noticeId}:${ack.contactId}`,
      noticeId: oid(ack.noticeId),
      contactId: ack.contactId,
      memberId: ack.memberId ? oid(ack.memberId) : null,
      roomId: ack.roomId,
      at: ack.at,
    })
  }

  async function acksOf(noticeId: string): Promise<Ack[]> {
    const docs = await A.find({ noticeId: oid(noticeId) }).lean()
    return docs.map(toAck)
  }

  return {
    create,
    latestForRoom,
    latestForExecutive,
    latestInOrgs,
    listRecent,
    findByNumber,
    dueFollowUps,
    markFollowUpDone,
    addAck,
    acksOf,
  }
}

export type NoticeRepo = ReturnType<typeof createNoticeRepo>
