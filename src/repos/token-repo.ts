import { createHash, randomBytes } from 'node:crypto'
import type { Models } from './models'
import { idOf, oid } from './to-plain'

export interface Principal {
  role: 'admin' | 'chair'
  /** null: the whole organisation tree. */
  orgId: string | null
  label: string
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

export function createTokenRepo({ ApiToken: T }: Models) {
  async function find(token: string): Promise<Principal | undefined> {
    const doc = await T.findById(hashToken(token)).lean()
    return doc ? { role: doc.role, orgId: doc.orgId ? idOf(doc.orgId) : null, label: doc.label } : undefined
  }

  /** ADMIN_TOKEN from the environment becomes the first admin, scoped to the whole tree. */
  async function bootstrap(token: string, now: Date): Promise<void> {
    await T.updateOne(
      { _id: hashToken(token) },
      { $set: { role: 'admin', orgId: null, label: 'ADMIN_TOKEN' }, $setOnInsert: { createdAt: now } },
      { upsert: true },
    ).catch((err: { code?: number }) => {
      if (err.code !== 11000) throw err
    })
  }

  /** A new token; the plain value is returned once and never stored. */
  async function issue(input: Omit<Principal, 'label'> & { label: string }, now: Date): Promise<string> {
    const token = `fl_${randomBytes(24).toString('base64url')}`
    await T.create({
      _id: hashToken(token),
      role: input.role,
      orgId: input.orgId ? oid(input.orgId) : null,
      label: input.label,
      createdAt: now,
    })
    return token
  }

  return { find, bootstrap, issue }
}

export type TokenRepo = ReturnType<typeof createTokenRepo>
