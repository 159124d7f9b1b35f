import type { Model } from 'mongoose'
import { isDuplicateKey } from './to-plain'

/**
 * Inserts a document numbered one past the highest so far, once per source message (`findExisting`
 * finds what an earlier attempt made). Numbers come from the unique index, not a counter: $inc loses
 * updates on FerretDB 1.x, while a unique insert never does. A racing writer that takes our number
 * makes us try the next one.
 */
export async function insertNumbered<T extends { number: number }>(
  model: Model<T>,
  findExisting: () => Promise<T | null>,
  fields: Omit<T, 'number'>,
): Promise<{ doc: T; created: boolean }> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const existing = await findExisting()
    if (existing) return { doc: existing, created: false }
    const last = await model.findOne({}, { number: 1 }).sort({ number: -1 }).lean<{ number: number }>()
    try {
      const doc = await model.create({ ...fields, number: (last?.number ?? 0) + 1 } as T)
      return { doc: doc.toObject() as T, created: true }
    } catch (err) {
      if (!isDuplicateKey(err)) throw err
    }
  }
  throw new Error(`could not allocate a number in ${model.collection.name} after 50 attempts`)
}
