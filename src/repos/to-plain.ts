import { Types, type Model, type QueryFilter, type UpdateQuery } from 'mongoose'

/** Lean documents carry ObjectIds; the rest of the code sees strings. */
export function idOf(value: Types.ObjectId | string): string {
  return value instanceof Types.ObjectId ? value.toHexString() : String(value)
}

/** The ObjectId of a hex string, or a new one. */
export function oid(id?: string): Types.ObjectId {
  return new Types.ObjectId(id)
}

export function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: number }).code === 11000
}

/**
 * True when this call inserted the document; false when one with its unique key was already there.
 * Goes straight to the driver: the documents are complete and typed here, and on the message path
 * mongoose's per-document casting and validation cost more than the insert itself.
 */
export async function insertOnce<T extends object>(model: Model<T>, doc: T): Promise<boolean> {
  try {
    await model.collection.insertOne(doc as Parameters<typeof model.collection.insertOne>[0])
    return true
  } catch (err) {
    if (isDuplicateKey(err)) return false
    throw err
  }
}

/**
 * Inserts each document unless one with its unique key is there; returns how many were inserted. One
 * command for all of them (unordered: a duplicate does not stop the rest).
 */
export async function insertEach<T extends object>(model: Model<T>, docs: T[]): Promise<number> {
  if (docs.length === 0) return 0
  try {
    const result = await model.collection.insertMany(docs as Parameters<typeof model.collection.insertMany>[0], {
      ordered: false,
    })
    return result.insertedCount
  } catch (err) {
    const e = err as { insertedCount?: number; writeErrors?: { code?: number }[] | { code?: number } }
    const errors = Array.isArray(e.writeErrors) ? e.writeErrors : e.writeErrors ? [e.writeErrors] : []
    if (errors.length === 0 || !errors.every((w) => w.code === 11000)) throw err
    return e.insertedCount ?? docs.length - errors.length
  }
}

/**
 * Deletes what matches and says how many; when nothing does, only reads (a daily clean-up with nothing
 * due writes nothing).
 */
export async function deleteWhere<T>(model: Model<T>, filter: QueryFilter<T>): Promise<number> {
  if (!(await model.exists(filter))) return 0
  return (await model.deleteMany(filter)).deletedCount
}

/**
 * Sets fields on the document with this string _id, creating it if need be. Two first writers racing on
 * the insert: the loser's upsert fails on the unique _id, and a plain update then does what it meant.
 */
export async function setById<T extends { _id: string }>(
  model: Model<T>,
  _id: string,
  fields: Partial<Omit<T, '_id'>>,
): Promise<void> {
  const filter = { _id } as QueryFilter<T>
  const update = { $set: fields } as UpdateQuery<T>
  try {
    await model.updateOne(filter, update, { upsert: true })
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
    await model.updateOne(filter, update)
  }
}

/**
 * Inserts documents whose unique keys say who they are, in batches, skipping those already there:
 * returns the positions (in `docs`) that were refused as duplicates. A batch sent twice (a resumed
 * import) inserts nothing the second time, and on every compatible server an insert checks its unique
 * keys by index (FerretDB 1.x included, which uses no index for a find), so its cost follows the batch.
 */
export async function insertManyKeyed<T extends object>(model: Model<T>, docs: readonly T[], batch = 1_000) {
  const duplicates: number[] = []
  for (let start = 0; start < docs.length; start += batch) {
    const part = docs.slice(start, start + batch) as Parameters<typeof model.collection.insertMany>[0]
    try {
      await model.collection.insertMany(part, { ordered: false })
    } catch (err) {
      const errors = (err as { writeErrors?: unknown }).writeErrors
      const list = (Array.isArray(errors) ? errors : errors ? [errors] : []) as { index: number; code?: number }[]
      if (!list.length || list.some((e) => e.code !== 11000)) throw err
      for (const e of list) duplicates.push(start + e.index)
    }
  }
  return duplicates
}
