import type { Models } from './models'
import type { Diary } from '../domain/entities'
import { createRecordOps } from './record-ops'
import { idOf, oid } from './to-plain'

function toDiary(doc: any): Diary {
  return {
    id: idOf(doc._id),
    memberId: idOf(doc.memberId),
    year: doc.year,
    date: doc.date,
    createdAt: doc.createdAt,
    sourceMessageId: doc.sourceMessageId,
    content: doc.content,
  }
}

export function createDiaryRepo({ Diary: D }: Models) {
  const ops = createRecordOps(D, toDiary)

  async function insert(entry: Omit<Diary, 'id'>) {
    return ops.insertOnce({ ...entry, memberId: oid(entry.memberId) })
  }

  async function countForYear(memberId: string, year: number): Promise<number> {
    return D.countDocuments({ memberId: oid(memberId), year, undoneAt: null })
  }

  return { ...ops, insert, countForYear }
}

export type DiaryRepo = ReturnType<typeof createDiaryRepo>
