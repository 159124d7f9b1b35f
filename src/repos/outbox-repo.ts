import type { Models } from './models'
import type { OutboxDoc } from './documents'
import { insertOnce, oid } from './to-plain'

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
  text: string
  mentionIds: string[]
  file: { name: string; data: Buffer } | null
  respectRestDays: boolean
  notBefore: Date
  attempts: number
}

export type NewOutboxItem = Omit<OutboxItem, 'id' | 'attempts' | 'file' | 'mentionIds' | 'respectRestDays'> & {
  file?: { name: string; data: Buffer }
  mentionIds?: string[]
  respectRestDays?: boolean
}

function toItem(doc: OutboxDoc): OutboxItem {
  return {
    id: String(doc._id),
    dedupeKey: doc.dedupeKey,
    kind: doc.kind,
    target: doc.target,
    text: doc.text ?? '',
    mentionIds: doc.mentionIds ?? [],
    file: doc.fileName && doc.fileData ? { name: doc.fileName, data: toBuffer(doc.fileData) } : null,
    respectRestDays: !!doc.respectRestDays,
    notBefore: doc.notBefore,
    attempts: doc.attempts ?? 0,
  }
}

/** A Buffer as stored, read back lean: the driver hands back a BSON Binary. */
function toBuffer(data: Buffer | { buffer: Uint8Array }): Buffer {
  return Buffer.isBuffer(data) ? data : Buffer.from(data.buffer)
}

export function createOutboxRepo({ Outbox: O, Claim }: Models) {
  /** Adds messages; one whose dedupe key is already queued (or sent) is skipped. Returns how many were new. */
  async function enqueue(items: NewOutboxItem[], now: Date): Promise<number> {
    let added = 0
    for (const item of items) {
      const inserted = await insertOnce(O, {
        _id: oid(),
        dedupeKey: item.dedupeKey,
        kind: item.kind,
        target: item.target,
        text: item.text,
        mentionIds: item.mentionIds ?? [],
        fileName: item.file?.name ?? null,
        fileData: item.file?.data ?? null,
        respectRestDays: item.respectRestDays ?? false,
        status: 'pending',
        notBefore: item.notBefore,
        createdAt: now,
        attempts: 0,
        sentAt: null,
        leaseUntil: null,
        error: null,
      })
      if (inserted) added++
    }
    return added
  }

  /** Queued messages sent in the 24 hours before `now`, newest first, at most `keep` (the daily cap). */
  async function recentSends(now: Date, keep: number): Promise<SentRecently[]> {
    const since = new Date(now.getTime() - 86_400_000)
    const docs = await O.find({ sentAt: { $gte: since } }, { _id: 0, sentAt: 1, target: 1 })
      .sort({ sentAt: -1 })
      .limit(keep)
      .lean<Pick<OutboxDoc, 'sentAt' | 'target'>[]>()
    return docs.flatMap((d) => (d.sentAt ? [{ target: d.target, at: d.sentAt }] : []))
  }

  /** The next message to consider: pending ones in order, or one whose sender died mid-send. */
  async function nextCandidate(now: Date): Promise<OutboxItem | undefined> {
    const doc = await O.findOne({
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

  async function markSent(id: string, at: Date): Promise<void> {
    await O.updateOne({ _id: oid(id) }, { $set: { status: 'sent', sentAt: at, fileData: null } })
  }

  /** Back to pending for a later try, or failed for good after the last attempt. */
  async function markFailed(id: string, error: string, retryAt: Date | null): Promise<void> {
    await O.updateOne(
      { _id: oid(id) },
      { $set: retryAt ? { status: 'pending', notBefore: retryAt, error } : { status: 'failed', error } },
    )
  }

  async function exists(dedupeKey: string): Promise<boolean> {
    return (await O.countDocuments({ dedupeKey })) > 0
  }

  async function depth(): Promise<number> {
    return O.countDocuments({ status: { $in: ['pending', 'sending'] } })
  }

  return { enqueue, recentSends, nextCandidate, claim, markSent, markFailed, depth, exists }
}

export type OutboxRepo = ReturnType<typeof createOutboxRepo>
