import type { Models } from './models'
import { setById } from './to-plain'

/** Weekly group averages, so the weekly post can say how the group moved since last week. */
export function createSnapshotRepo({ WeeklySnapshot: S }: Models) {
  async function get(roomId: string, week: string): Promise<number | undefined> {
    const doc = await S.findById(`${roomId}:${week}`).lean()
    return doc?.averageDone
  }

  async function save(roomId: string, week: string, averageDone: number, now: Date): Promise<void> {
    await setById(S, `${roomId}:${week}`, { averageDone, at: now })
  }

  return { get, save }
}
