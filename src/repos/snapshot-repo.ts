import type { Models } from './models'

/** Weekly group averages, so the weekly post can say how the group moved since last week. */
export function createSnapshotRepo({ WeeklySnapshot: S }: Models) {
  async function get(roomId: string, week: string): Promise<number | undefined> {
    const doc = await S.findById(`${roomId}:${week}`).lean<{ averageDone: number }>()
    return doc?.averageDone
  }

  async function save(roomId: string, week: string, averageDone: number, now: Date): Promise<void> {
    await S.updateOne({ _id: `${roomId}:${week}` }, { $set: { averageDone, at: now } }, { upsert: true }).catch(
      (err: { code?: number }) => {
        if (err.code !== 11000) throw err
      },
    )
  }

  return { get, save }
}
