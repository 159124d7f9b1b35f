import type { Models } from './models'
import { insertEach, setById } from './to-plain'

/** Weekly group averages, so the weekly post can say how the group moved since last week. */
export function createSnapshotRepo({ WeeklySnapshot: S }: Models) {
  async function get(roomId: string, week: string): Promise<number | undefined> {
    const doc = await S.findById(`${roomId}:${week}`).lean()
    return doc?.averageDone
  }

  async function save(roomId: string, week: string, averageDone: number, now: Date): Promise<void> {
    await setById(S, `${roomId}:${week}`, { averageDone, at: now })
  }

  /** The averages of a week saved since `since` (its Monday), by room: one read for every group. */
  async function averagesOf(week: string, since: Date): Promise<Map<string, number>> {
    const suffix = `:${week}`
    const docs = await S.find({ at: { $gte: since } }).lean()
    return new Map(
      docs.flatMap((d) => (d._id.endsWith(suffix) ? [[d._id.slice(0, -suffix.length), d.averageDone]] : [])),
    )
  }

  /**
   * Keeps each room's average for a week, the first one saved: what the week's post said (a forced run
   * again that week leaves it). Inserts only, in one command.
   */
  async function keepAll(week: string, averages: readonly { roomId: string; averageDone: number }[], now: Date) {
    await insertEach(
      S,
      averages.map((a) => ({ _id: `${a.roomId}:${week}`, averageDone: a.averageDone, at: now })),
    )
  }

  return { get, save, averagesOf, keepAll }
}
