import type { Models } from './models'
import { isDuplicateKey } from './to-plain'

export type Claim = { claimed: true; key: string } | { claimed: false; reason: 'done' | 'inProgress' }

/**
 * At-most-once handling of incoming messages across redeliveries, restarts and several bot processes.
 * The message id and a content fingerprint are both unique; a claim is a lease, so a process that died
 * mid-message leaves it to be finished by the next one after the lease runs out.
 */
export function createInboxRepo({ Inbox }: Models) {
  async function claim(
    input: { messageId: string; fingerprint: string; owner: string },
    now: Date,
    leaseMs = 60_000,
  ): Promise<Claim> {
    const leaseUntil = new Date(now.getTime() + leaseMs)
    try {
      await Inbox.create({ _id: input.messageId, fingerprint: input.fingerprint, status: 'processing', owner: input.owner, leaseUntil, receivedAt: now })
      return { claimed: true, key: input.messageId }
    } catch (err) {
      if (!isDuplicateKey(err)) throw err
    }
    const same = { $or: [{ _id: input.messageId }, { fingerprint: input.fingerprint }] }
    const taken = await Inbox.findOneAndUpdate(
      { ...same, status: 'processing', leaseUntil: { $lt: now } },
      { $set: { owner: input.owner, leaseUntil } },
      { returnDocument: 'after' },
    ).lean<{ _id: string }>()
    if (taken) return { claimed: true, key: taken._id }
    const existing = await Inbox.findOne(same, { status: 1 }).lean<{ status: string }>()
    return { claimed: false, reason: existing?.status === 'done' ? 'done' : 'inProgress' }
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
