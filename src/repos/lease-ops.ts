import type { Model } from 'mongoose'
import { isDuplicateKey, tryClaim } from './to-plain'

export type LeaseClaim = { claimed: true; key: string } | { claimed: false; reason: 'done' | 'inProgress' }

type LeaseDoc = { _id: string; status: 'processing' | 'done'; owner: string; leaseUntil: Date; attempt?: number }

/**
 * Work that must happen once (a message, a job run): the first caller inserts the record, later callers
 * see it done or in progress, and work whose lease ran out is taken over by exactly one caller through a
 * unique claim token. Inserts are the only writes every compatible server makes atomic.
 */
export function createLeaseOps(model: Model<any>, Claim: Model<any>, prefix: string) {
  async function claim(
    input: {
      key: string
      owner: string
      extra?: Record<string, unknown>
      sameAs?: Record<string, unknown>[]
      /** This process's own earlier attempt failed and is over (a journal replay): take it over at once. */
      reclaimOwn?: boolean
    },
    now: Date,
    leaseMs: number,
  ): Promise<LeaseClaim> {
    const leaseUntil = new Date(now.getTime() + leaseMs)
    try {
      await model.create({
        _id: input.key,
        ...input.extra,
        status: 'processing',
        owner: input.owner,
        leaseUntil,
        attempt: 0,
      })
      return { claimed: true, key: input.key }
    } catch (err) {
      if (!isDuplicateKey(err)) throw err
    }
    const existing = await model.findOne({ $or: [{ _id: input.key }, ...(input.sameAs ?? [])] }).lean<LeaseDoc>()
    if (!existing || existing.status === 'done') return { claimed: false, reason: 'done' }
    const own = input.reclaimOwn && existing.owner === input.owner
    if (!own && existing.leaseUntil.getTime() >= now.getTime()) return { claimed: false, reason: 'inProgress' }
    const attempt = (existing.attempt ?? 0) + 1
    if (!(await tryClaim(Claim, `${prefix}:${existing._id}#${attempt}`, now)))
      return { claimed: false, reason: 'inProgress' }
    await model.updateOne({ _id: existing._id }, { $set: { owner: input.owner, leaseUntil, attempt } })
    return { claimed: true, key: existing._id }
  }

  async function finish(key: string, now: Date, extra: Record<string, unknown> = {}): Promise<void> {
    await model.updateOne({ _id: key }, { $set: { ...extra, status: 'done', doneAt: now } })
  }

  /** Lets another process take the work at once, e.g. after the database failed mid-way. */
  async function release(key: string): Promise<void> {
    await model.updateOne({ _id: key, status: 'processing' }, { $set: { leaseUntil: new Date(0) } })
  }

  return { claim, finish, release }
}
