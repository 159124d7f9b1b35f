import type { Models } from './models'
import type { CountsRow } from './standings-repo'
import { emptyCounts } from '../domain/progress'
import { idOf } from './to-plain'

/**
 * The counts of a year's documents for the standings, without their items: all of them, or those
 * written at or after `since` (index {year, updatedAt} on MongoDB; FerretDB 1.x reads the collection).
 */
export function createYearCountsReader({ Ledger: L }: Models) {
  return async function counts(year: number, since?: Date): Promise<CountsRow[]> {
    const filter = since ? { year, updatedAt: { $gte: since } } : { year }
    const docs = await L.find(filter, { memberId: 1, v: 1, counts: 1 }).lean()
    return docs.map((d) => ({ memberId: idOf(d.memberId), v: d.v ?? 0, counts: { ...emptyCounts(), ...d.counts } }))
  }
}
