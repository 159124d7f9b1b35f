import type { Model } from 'mongoose'
import { isDuplicateKey, oid } from './to-plain'

/**
 * What duty logs, diary entries and needs share: one record per source message (a redelivered or
 * re-processed message finds its record instead of adding one), newest-first lookup and soft undo.
 */
export function createRecordOps<T>(model: Model<any>, toPlain: (doc: any) => T) {
  /** Inserts, or returns the record this message already made. */
  async function insertOnce(fields: Record<string, unknown>): Promise<{ record: T; created: boolean }> {
    try {
      const doc = await model.create({ undoneAt: null, undoneBy: null, ...fields })
      return { record: toPlain(doc.toObject()), created: true }
    } catch (err) {
      if (!isDuplicateKey(err)) throw err
      const existing = await model.findOne({ sourceMessageId: fields.sourceMessageId }).lean()
      if (!existing) throw err
      return { record: toPlain(existing), created: false }
    }
  }

  async function latestActive(memberId: string): Promise<T | undefined> {
    const doc = await model
      .findOne({ memberId: oid(memberId), undoneAt: null })
      .sort({ createdAt: -1, _id: -1 })
      .lean()
    return doc ? toPlain(doc) : undefined
  }

  async function markUndone(id: string, undoKey: string, now: Date): Promise<boolean> {
    const res = await model.updateOne({ _id: oid(id), undoneAt: null }, { $set: { undoneAt: now, undoneBy: undoKey } })
    return res.modifiedCount === 1
  }

  async function findUndoneBy(undoKey: string): Promise<T | undefined> {
    const doc = await model.findOne({ undoneBy: undoKey }).lean()
    return doc ? toPlain(doc) : undefined
  }

  /** Years in which she has records, undone ones included (their year must be recounted too). */
  async function yearsOf(memberId: string): Promise<number[]> {
    return model.distinct('year', { memberId: oid(memberId) })
  }

  return { insertOnce, latestActive, markUndone, findUndoneBy, yearsOf }
}
