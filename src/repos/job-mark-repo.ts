import type { Models } from './models'
import { deleteWhere, insertOnce } from './to-plain'

/**
 * "Job J has done scope S for period P" (e.g. the weekly post of one group for one week). Jobs enqueue
 * under dedupe keys, so doing the work twice is harmless; a mark only spares later ticks the work, and
 * a mark seen once is remembered, so a tick with nothing to do reads and writes nothing.
 */
export function createJobMarkRepo({ JobMark: J }: Models) {
  const seen = new Set<string>()

  async function isDone(id: string): Promise<boolean> {
    if (seen.has(id)) return true
    if (!(await J.findById(id).lean())) return false
    seen.add(id)
    return true
  }

  async function markDone(id: string, now: Date): Promise<void> {
    await insertOnce(J, { _id: id, at: now })
    seen.add(id)
  }

  /** Marks made before `cutoff`: their periods are long past (see domain/retention). */
  async function deleteBefore(cutoff: Date): Promise<number> {
    return deleteWhere(J, { at: { $lt: cutoff } })
  }

  return { isDone, markDone, deleteBefore }
}

export type JobMarkRepo = ReturnType<typeof createJobMarkRepo>
