import { randomUUID } from 'node:crypto'
import type { Models } from './models'
import type { SendState } from '../domain/send-policy'
import { isDuplicateKey, oid, tryClaim } from './to-plain'

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

function toItem(doc: any): OutboxItem {
  return {
    id: String(doc._id),
    dedupeKey: doc.dedupeKey,
    kind: doc.kind,
    target: doc.target,
    text: doc.text ?? '',
    mentionIds: doc.mentionIds ?? [],
    file:
      doc.fileName && doc.fileData
        ? { name: doc.fileName, data: Buffer.from(doc.fileData.buffer ?? doc.fileData) }
        : null,
    respectRestDays: !!doc.respectRestDays,
    notBefore: doc.notBefore,
    attempts: doc.attempts ?? 0,
  }
}

export function createOutboxRepo({ Outbox: O, Claim }: Models) {
  /** Adds messages; one whose dedupe key is already queued (or sent) is skipped. Returns how many were new. */
  async function enqueue(items: NewOutboxItem[], now: Date): Promise<number> {
    let added = 0
    for (const item of items) {
      try {
        await O.create({
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
        })
        added++
      } catch (err) {
        if (!isDuplicateKey(err)) throw err
      }
    }
    return added
  }

  /** A reply went out directly; it still counts toward the caps. */
  async function recordSent(target: string, kind: string, at: Date): Promise<void> {
    await O.create({
      dedupeKey: `${kind}:${randomUUID()}`,
      kind,
      target,
      status: 'sent',
      notBefore: at,
      createdAt: at,
      sentAt: at,
    })
  }

  /**
   * What the spacing rules need: the newest sends of the last 24 hours (at most `keep`, the daily cap:
   * no rule looks further back) and, given a target, the last send to it.
   */
  async function sendState(target: string | undefined, now: Date, keep: number): Promise<SendState> {
    const since = new Date(now.getTime() - 86_400_000)
    const [recent, lastToTarget] = await Promise.all([
      O.find({ sentAt: { $gte: since } }, { _id: 0, sentAt: 1, target: 1 })
        .sort({ sentAt: -1 })
        .limit(keep)
        .lean<{ sentAt: Date; target: string }[]>(),
      target
        ? O.findOne({ target, sentAt: { $gte: since } }, { sentAt: 1 })
            .sort({ sentAt: -1 })
            .lean<{ sentAt: Date }>()
        : undefined,
    ])
    return {
      lastSentAt: recent[0]?.sentAt,
      lastTarget: recent[0]?.target,
      lastSentToTarget: lastToTarget?.sentAt,
      recent: recent.map((r) => r.sentAt).reverse(),
    }
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
    if (!(await tryClaim(Claim, `send:${item.id}#${attempt}`, now))) return false
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

  return { enqueue, recordSent, sendState, nextCandidate, claim, markSent, markFailed, depth, exists }
}

export type OutboxRepo = ReturnType<typeof createOutboxRepo>
