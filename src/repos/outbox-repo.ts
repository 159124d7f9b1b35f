import { OWN_BUDGET_KINDS } from '../domain/reply-budget'
import type { Models } from './models'
import type { OutboxDoc } from './documents'
import type { PresenceRepo } from './presence-repo'
import { deleteWhere, insertEach, insertOnce, oid } from './to-plain'

/** One message the account sent: a queued one or a direct reply. */
export interface SentRecently {
  target: string
  at: Date
}

export interface OutboxItem {
  id: string
  dedupeKey: string
  kind: string
  target: string
  /** The account that delivers it; null when none was known to reach the target when it was queued. */
  account: string | null
  /** Accounts that found the target unreachable. */
  triedBy: string[]
  text: string
  mentionIds: string[]
  file: { name: string; data: Buffer } | null
  respectRestDays: boolean
  notBefore: Date
  /** Claims taken so far, hand-overs included (each claim has its own key). */
  attempts: number
  /** Sends WeChat refused (not counting "unreachable", which hands the message over). */
  failures: number
}

export type NewOutboxItem = Omit<
  OutboxItem,
  'id' | 'attempts' | 'failures' | 'file' | 'mentionIds' | 'respectRestDays' | 'account' | 'triedBy'
> & {
  file?: { name: string; data: Buffer }
  mentionIds?: string[]
  respectRestDays?: boolean
  /** Who delivers it; left out, an account present at the target is chosen (see presence-repo). */
  account?: string | null
}

function toItem(doc: OutboxDoc): OutboxItem {
  return {
    id: String(doc._id),
    dedupeKey: doc.dedupeKey,
    kind: doc.kind,
    target: doc.target,
    account: doc.account ?? null,
    triedBy: doc.triedBy ?? [],
    text: doc.text ?? '',
    mentionIds: doc.mentionIds ?? [],
    file: doc.fileName && doc.fileData ? { name: doc.fileName, data: toBuffer(doc.fileData) } : null,
    respectRestDays: !!doc.respectRestDays,
    notBefore: doc.notBefore,
    attempts: doc.attempts ?? 0,
    failures: doc.failures ?? 0,
  }
}

/** A Buffer as stored, read back lean: the driver hands back a BSON Binary. */
function toBuffer(data: Buffer | { buffer: Uint8Array }): Buffer {
  return Buffer.isBuffer(data) ? data : Buffer.from(data.buffer)
}

export function createOutboxRepo({ Outbox: O, Claim }: Models, presence: PresenceRepo) {
  /**
   * Adds messages, each for the account that can deliver it; one whose dedupe key is already queued (or
   * sent) is skipped. Returns how many were new.
   */
  async function enqueue(items: NewOutboxItem[], now: Date): Promise<number> {
    const open = items.filter((i) => i.account === undefined).map((i) => i.target)
    const chosen = open.length > 0 ? await presence.accountFor(open) : new Map<string, string | null>()
    // One command for all of them (a weekly run queues thousands); a key queued before is skipped.
    return insertEach(
      O,
      items.map((item) => ({
        _id: oid(),
        dedupeKey: item.dedupeKey,
        kind: item.kind,
        target: item.target,
        account: item.account === undefined ? (chosen.get(item.target) ?? null) : item.account,
        triedBy: [],
        sentBy: null,
        text: item.text,
        mentionIds: item.mentionIds ?? [],
        fileName: item.file?.name ?? null,
        fileData: item.file?.data ?? null,
        respectRestDays: item.respectRestDays ?? false,
        status: 'pending' as const,
        notBefore: item.notBefore,
        createdAt: now,
        attempts: 0,
        failures: 0,
        sentAt: null,
        leaseUntil: null,
        error: null,
      })),
    )
  }

  /**
   * Queued messages `account` sent in the 24 hours before `now`, newest first, at most `keep` (the daily
   * cap): each account has caps of its own. Not those sent on a budget of their own (binding questions).
   */
  async function recentSends(now: Date, keep: number, account: string | null): Promise<SentRecently[]> {
    const since = new Date(now.getTime() - 86_400_000)
    const filter = { sentBy: account, sentAt: { $gte: since }, kind: { $nin: [...OWN_BUDGET_KINDS] } }
    const docs = await O.find(filter, { _id: 0, sentAt: 1, target: 1 })
      .sort({ sentAt: -1 })
      .limit(keep)
      .lean<Pick<OutboxDoc, 'sentAt' | 'target'>[]>()
    return docs.flatMap((d) => (d.sentAt ? [{ target: d.target, at: d.sentAt }] : []))
  }

  /**
   * The next message for `account` to consider, in order: its own and those no account was known for,
   * pending or left by a sender that died mid-send.
   */
  async function nextCandidate(now: Date, account: string): Promise<OutboxItem | undefined> {
    const doc = await O.findOne({
      account: { $in: [account, null] },
      $or: [{ status: 'pending' }, { status: 'sending', leaseUntil: { $lt: now } }],
    })
      .sort({ notBefore: 1, createdAt: 1, _id: 1 })
      .lean()
    return doc ? toItem(doc) : undefined
  }

  /** Won by exactly one process per attempt, through a unique claim. */
  async function claim(item: OutboxItem, now: Date, leaseMs = 60_000): Promise<boolean> {
    const attempt = item.attempts + 1
    if (!(await insertOnce(Claim, { _id: `send:${item.id}#${attempt}`, by: '-', at: now, value: null }))) return false
    await O.updateOne(
      { _id: oid(item.id) },
      { $set: { status: 'sending', attempts: attempt, leaseUntil: new Date(now.getTime() + leaseMs) } },
    )
    return true
  }

  async function markSent(id: string, at: Date, account: string): Promise<void> {
    await O.updateOne({ _id: oid(id) }, { $set: { status: 'sent', sentAt: at, sentBy: account, fileData: null } })
  }

  /**
   * Back to pending for a later try, or failed for good after the last attempt (`notBefore` then says
   * when: the clean-up job goes by it).
   */
  async function markFailed(item: OutboxItem, error: string, retryAt: Date | null, now: Date): Promise<void> {
    const failures = item.failures + 1
    await O.updateOne(
      { _id: oid(item.id) },
      {
        $set: retryAt
          ? { status: 'pending', notBefore: retryAt, error, failures }
          : { status: 'failed', notBefore: now, error, failures, fileData: null },
      },
    )
  }

  /** Given up without a refusal: no account reaches the target. */
  async function markUnreachable(id: string, now: Date): Promise<void> {
    await O.updateOne(
      { _id: oid(id) },
      { $set: { status: 'failed', notBefore: now, error: 'unreachable from every account', fileData: null } },
    )
  }

  /** To another account, as pending: `triedBy` could not reach the target. Written by the claim holder only. */
  async function handOver(id: string, account: string, triedBy: string[]): Promise<void> {
    await O.updateOne({ _id: oid(id) }, { $set: { status: 'pending', account, triedBy, leaseUntil: null } })
  }

  async function exists(dedupeKey: string): Promise<boolean> {
    return (await O.countDocuments({ dedupeKey })) > 0
  }

  async function depth(): Promise<number> {
    return O.countDocuments({ status: { $in: ['pending', 'sending'] } })
  }

  /** Sent before `sent`, or given up before `failed`; waiting messages are never deleted. */
  async function deleteFinishedBefore(cutoffs: { sent: Date; failed: Date }): Promise<number> {
    const sent = await deleteWhere(O, { status: 'sent', sentAt: { $lt: cutoffs.sent } })
    return sent + (await deleteWhere(O, { status: 'failed', notBefore: { $lt: cutoffs.failed } }))
  }

  return {
    enqueue,
    deleteFinishedBefore,
    recentSends,
    nextCandidate,
    claim,
    markSent,
    markFailed,
    markUnreachable,
    handOver,
    depth,
    exists,
  }
}

export type OutboxRepo = ReturnType<typeof createOutboxRepo>
