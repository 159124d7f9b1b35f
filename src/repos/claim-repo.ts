import type { Models } from './models'
import { deleteWhere, insertOnce } from './to-plain'

export type ClaimResult = { won: true } | { won: false; by: string; value: string | null }

/**
 * First insert wins, on every MongoDB-compatible server: a unique insert is the one write they all
 * make atomic (FerretDB 1.x applies conditional updates without isolation). Used for "this message is
 * being handled by instance X", "this stranger has been told once", "this roster entry is bound".
 */
export function createClaimRepo({ Claim }: Models) {
  async function claim(id: string, by: string, now: Date, value: string | null = null): Promise<ClaimResult> {
    if (await insertOnce(Claim, { _id: id, by, at: now, value })) return { won: true }
    const existing = await Claim.findById(id).lean()
    return { won: false, by: existing?.by ?? '', value: existing?.value ?? null }
  }

  /** True for the first caller with this id, ever. */
  async function tryClaim(id: string, now: Date, value: string | null = null): Promise<boolean> {
    return insertOnce(Claim, { _id: id, by: '-', at: now, value })
  }

  /** Claims taken before `cutoff` (see domain/retention). */
  async function deleteBefore(cutoff: Date): Promise<number> {
    return deleteWhere(Claim, { at: { $lt: cutoff } })
  }

  return { claim, tryClaim, deleteBefore }
}

export type ClaimRepo = ReturnType<typeof createClaimRepo>
