import { createHash, randomInt } from 'node:crypto'
import type { Models } from './models'
import { deleteWhere, idOf, insertOnce, oid } from './to-plain'

const hash = (code: string) => createHash('sha256').update(code).digest('hex')

/** How long a code works, and how many wrong codes one WeChat id may try in that time. */
export const BIND_CODE_TTL_MS = 24 * 60 * 60_000
const WRONG_TRIES = 5

/**
 * One-time binding codes: an admin asks for one for a member (dashboard, API or chat) and hands it to
 * her; she sends it to the bot from her own WeChat, which binds that WeChat id to her. Eight digits,
 * stored only as a hash, valid for a day, used once; a WeChat id that sends five wrong codes is not
 * heard for the rest of the day (in this process).
 */
export function createBindCodeRepo({ BindCode: B, Claim }: Models) {
  const wrong = new Map<string, { count: number; until: number }>()

  async function issue(memberId: string, by: string, now: Date): Promise<{ code: string; expiresAt: Date }> {
    for (;;) {
      const code = String(randomInt(10_000_000, 100_000_000))
      const expiresAt = new Date(now.getTime() + BIND_CODE_TTL_MS)
      if (await insertOnce(B, { _id: hash(code), memberId: oid(memberId), by, at: now, expiresAt }))
        return { code, expiresAt }
    }
  }

  /** The member the code was issued for, once; undefined for a wrong, used or expired code. */
  async function redeem(
    code: string,
    contactId: string,
    now: Date,
  ): Promise<{ memberId: string; by: string } | 'throttled' | undefined> {
    const tries = wrong.get(contactId)
    if (tries && tries.until > now.getTime() && tries.count >= WRONG_TRIES) return 'throttled'
    const doc = await B.findById(hash(code)).lean()
    const usable =
      doc &&
      doc.expiresAt > now &&
      (await insertOnce(Claim, { _id: `code-used:${doc._id}`, by: contactId, at: now, value: null }))
    if (!doc || !usable) {
      const fresh = !tries || tries.until <= now.getTime()
      wrong.set(contactId, {
        count: fresh ? 1 : tries.count + 1,
        until: fresh ? now.getTime() + BIND_CODE_TTL_MS : tries.until,
      })
      return undefined
    }
    await B.deleteOne({ _id: doc._id })
    return { memberId: idOf(doc.memberId), by: doc.by }
  }

  /** Codes that expired before `cutoff` unused (a used one is deleted when it is redeemed). */
  async function deleteExpiredBefore(cutoff: Date): Promise<number> {
    return deleteWhere(B, { expiresAt: { $lt: cutoff } })
  }

  return { issue, redeem, deleteExpiredBefore }
}

export type BindCodeRepo = ReturnType<typeof createBindCodeRepo>
