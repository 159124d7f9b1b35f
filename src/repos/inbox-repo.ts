import type { Models } from './models'
import { createLeaseOps, type LeaseClaim } from './lease-ops'

export type Claim = LeaseClaim

/**
 * At-most-once handling of incoming messages across redeliveries, restarts and several bot processes:
 * the message id and a content fingerprint are both unique (two bot accounts see one message under
 * different ids), and a process that died mid-message leaves it to the next one after the lease.
 */
export function createInboxRepo({ Inbox, Claim }: Models) {
  const lease = createLeaseOps(Inbox, Claim, 'inbox')

  function claim(
    input: { messageId: string; fingerprint: string; owner: string; reclaimOwn?: boolean },
    now: Date,
    leaseMs = 30_000,
  ) {
    return lease.claim(
      {
        key: input.messageId,
        owner: input.owner,
        reclaimOwn: input.reclaimOwn,
        extra: { fingerprint: input.fingerprint, receivedAt: now },
        sameAs: [{ fingerprint: input.fingerprint }],
      },
      now,
      leaseMs,
    )
  }

  return { claim, finish: (key: string, now: Date) => lease.finish(key, now), release: lease.release }
}

export type InboxRepo = ReturnType<typeof createInboxRepo>
