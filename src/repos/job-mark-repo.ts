import type { Models } from './models'
import { deleteWhere, insertEach, insertOnce } from './to-plain'

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

  /**
   * Which of these marks are made, in one read of the marks made since `since` (the period's start):
   * none when all are remembered.
   */
  async function doneAmong(ids: readonly string[], since: Date): Promise<Set<string>> {
    const wanted = ids.filter((id) => !seen.has(id))
    if (wanted.length > 0) {
      const want = new Set(wanted)
      for (const doc of await J.find({ at: { $gte: since } }, { _id: 1 }).lean())
        if (want.has(doc._id)) seen.add(doc._id)
    }
    return new Set(ids.filter((id) => seen.has(id)))
  }

  async function markAllDone(ids: readonly string[], now: Date): Promise<void> {
    await insertEach(
      J,
      ids.map((_id) => ({ _id, at: now })),
    )
    for (const id of ids) seen.add(id)
  }

  /** Marks made before `cutoff`: their periods are long past (see domain/retention). */
  async function deleteBefore(cutoff: Date): Promise<number> {
    return deleteWhere(J, { at: { $lt: cutoff } })
  }

  return { isDone, markDone, doneAmong, markAllDone, deleteBefore }
}

export type JobMarkRepo = ReturnType<typeof createJobMarkRepo>
