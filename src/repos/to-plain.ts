import { Types } from 'mongoose'

/** Lean documents carry ObjectIds; the rest of the code sees strings. */
export function idOf(value: unknown): string {
  return value instanceof Types.ObjectId ? value.toHexString() : String(value)
}

export function oid(id: string): Types.ObjectId {
  return new Types.ObjectId(id)
}

export function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: number }).code === 11000
}

/**
 * Sets fields on the document with this _id, creating it if need be. Two first writers racing on the
 * insert: the loser's upsert fails on the unique _id, and a plain update then does what it meant.
 */
export async function setById(
  model: import('mongoose').Model<any>,
  _id: string,
  fields: Record<string, unknown>,
): Promise<void> {
  try {
    await model.updateOne({ _id }, { $set: fields }, { upsert: true })
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
    await model.updateOne({ _id }, { $set: fields })
  }
}

/** True if this caller inserted the token first; see the claims collection in models.ts. */
export async function tryClaim(
  claims: import('mongoose').Model<any>,
  id: string,
  now: Date,
  value: string | null = null,
): Promise<boolean> {
  try {
    await claims.create({ _id: id, createdAt: now, value })
    return true
  } catch (err) {
    if (isDuplicateKey(err)) return false
    throw err
  }
}

/** What the winner of a claim wrote into it (e.g. which WeChat id bound a roster entry). */
export async function claimValue(claims: import('mongoose').Model<any>, id: string): Promise<string | null> {
  const doc = await claims.findById(id).lean<{ value?: string | null }>()
  return doc?.value ?? null
}
