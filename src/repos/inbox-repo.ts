import type { Models } from './models'
import { isDuplicateKey, tryClaim } from './to-plain'

export type Claim = { claimed: true; key: string } | { claimed: false; reason: 'done' | 'inProgress' }

type InboxDoc = { _id: string; status: 'processing' | 'done'; leaseUntil: Date; attempt?: number }

/**
 * At-most-once handling of incoming messages across redeliveries, restarts and several bot processes.
 * The message id and a content fingerprint are both unique; a claim is a lease, so a process that died
 * mid-message leaves it to be finished by the next one after the lease runs out. Both the first claim
 * and every take-over are unique inserts, the only race-free write on every compatible server.
 */
export function createInboxRepo({ Inbox, Claim }: Models) {
  async function claim(
    input: { messageId: string; fingerprint: string; owner: string },
    now: Date,
    leaseMs = 60_000,
  ): Promise<Claim> {
    const leaseUntil = new Date(now.getTime() + leaseMs)
    try {
      await Inbox.create({
        _id: input.messageId,
        fingerprint: input.fingerprint,
        status: 'processing',
        owner: input.owner,
        leaseUntil,
        attempt: 0,
        receivedAt: now,
      })
      return { claimed: true, key: input.messageId }
    } catch (err) {
      if (!isDuplicateKey(err)) throw err
    }
    const existing = await Inbox.findOne({
      $or: [{ _id: input.messageId }, { fingerprint: input.fingerprint }],
    }).lean<InboxDoc>()
    if (!existing || existing.status === 'done') return { claimed: false, reason: 'done' }
    if (existing.leaseUntil.getTime() >= now.getTime()) return { claimed: false, reason: 'inProgress' }
    const attempt = (existing.attempt ?? 0) + 1
    if (!(await tryClaim(Claim, `inbox:${existing._id}#${attempt}`, now)))
      return { claimed: false, reason: 'inProgress' }
    await Inbox.updateOne({ _id: existing._id }, { $set: { owner: input.owner, leaseUntil, attempt } })
    return { claimed: true, key: existing._id }
  }

  async function finish(key: string, now: Date): Promise<void> {
    await Inbox.updateOne({ _id: key }, { $set: { status: 'done', doneAt: now } })
  }

  /** Lets another process take the message at once, e.g. after the database failed mid-way. */
  async function release(key: string): Promise<void> {
    await Inbox.updateOne({ _id: key, status: 'processing' }, { $set: { leaseUntil: new Date(0) } })
  }

  return { claim, finish, release }
}

export type InboxRepo = ReturnType<typeof createInboxRepo>
