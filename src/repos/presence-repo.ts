import type { Models } from './models'
import { chooseAccount } from '../domain/choose-account'
import type { PresenceDoc } from './documents'
import { insertOnce, isDuplicateKey } from './to-plain'
import { createBatch } from './batched-writes'

/**
 * Which bot account can reach which room or contact, keyed `${account}:${target}`: inserted once when the
 * account first sees it (a message there, an invitation, a friendship, the lists it reads at login) and
 * removed when WeChat says the account cannot reach it. The send queue routes each message to an account
 * present at its target. Keys this process has seen are remembered, so a known room costs nothing.
 */
export function createPresenceRepo(
  { Presence: P }: Models,
  options: { batchMs?: number; onError?: (err: unknown) => void } = {},
) {
  const known = new Set<string>()
  const keyOf = (account: string, target: string) => `${account}:${target}`
  const batch = createBatch<PresenceDoc>(
    async (docs) => {
      try {
        await P.insertMany(docs, { ordered: false, lean: true })
      } catch (err) {
        // Some were known to the database already (another process, an earlier run): the rest went in.
        const errors = (err as { writeErrors?: unknown[] }).writeErrors
        if (!isDuplicateKey(err) && !(errors?.length && errors.every(isDuplicateKey))) throw err
      }
    },
    options.batchMs ?? 60_000,
    options.onError ?? (() => undefined),
  )

  /** True when this was news to the database. */
  async function see(account: string, target: string, now: Date): Promise<boolean> {
    const _id = keyOf(account, target)
    if (known.has(_id)) return false
    const inserted = await insertOnce(P, { _id, account, target, at: now })
    known.add(_id)
    return inserted
  }

  /** The same, for a message: written with others in the next batch (see batched-writes). */
  function seeSoon(account: string, target: string, now: Date): void {
    const _id = keyOf(account, target)
    if (known.has(_id)) return
    known.add(_id)
    batch.add({ _id, account, target, at: now })
  }

  async function forget(account: string, target: string): Promise<void> {
    const _id = keyOf(account, target)
    known.delete(_id)
    await P.deleteOne({ _id })
  }

  /** What the database already knows of this account: one read at login instead of an insert per room. */
  async function load(account: string): Promise<number> {
    const docs = await P.find({ account }, { _id: 1 }).lean()
    for (const d of docs) known.add(d._id)
    return docs.length
  }

  /** Every account present at each target (targets nobody reaches are absent from the map). */
  async function accountsAt(targets: readonly string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>()
    if (targets.length === 0) return out
    const docs = await P.find({ target: { $in: [...new Set(targets)] } }, { account: 1, target: 1 }).lean()
    for (const d of docs) out.set(d.target, [...(out.get(d.target) ?? []), d.account])
    return out
  }

  /** The account that sends to each target (see chooseAccount), or null where none is known. */
  async function accountFor(targets: readonly string[]): Promise<Map<string, string | null>> {
    const present = await accountsAt(targets)
    return new Map(targets.map((t) => [t, chooseAccount(t, present.get(t) ?? [])]))
  }

  return { see, seeSoon, forget, load, accountsAt, accountFor, flush: batch.flush }
}

export type PresenceRepo = ReturnType<typeof createPresenceRepo>
