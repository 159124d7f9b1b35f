import { createHash, randomBytes } from 'node:crypto'
import type { Models } from './models'
import type { ApiTokenDoc } from './documents'
import { idOf, oid } from './to-plain'

export interface Principal {
  role: 'admin' | 'chair'
  /** null: the whole organisation tree. */
  orgId: string | null
  label: string
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

/** A token as the dashboard lists it: never the token, only a reference derived from its hash. */
export interface TokenInfo {
  /** The first 16 hex digits of the token's hash: enough to tell tokens apart, useless to sign in with. */
  ref: string
  role: Principal['role']
  orgId: string | null
  label: string
  createdAt: Date
  /** ADMIN_TOKEN from the environment: written again at every start, so it cannot be revoked here. */
  fromEnvironment: boolean
}

export const tokenRef = (token: string) => hashToken(token).slice(0, 16)
const BOOTSTRAP_LABEL = 'ADMIN_TOKEN'

export function createTokenRepo({ ApiToken: T }: Models) {
  async function find(token: string): Promise<Principal | undefined> {
    const doc = await T.findById(hashToken(token)).lean()
    return doc ? { role: doc.role, orgId: doc.orgId ? idOf(doc.orgId) : null, label: doc.label } : undefined
  }

  /** ADMIN_TOKEN from the environment becomes the first admin, scoped to the whole tree. */
  async function bootstrap(token: string, now: Date): Promise<void> {
    await T.updateOne(
      { _id: hashToken(token) },
      { $set: { role: 'admin', orgId: null, label: BOOTSTRAP_LABEL }, $setOnInsert: { createdAt: now } },
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

  const inScope = (orgIds?: string[]) => (orgIds ? { orgId: { $in: orgIds.map(oid) } } : {})
  const info = (d: ApiTokenDoc): TokenInfo => ({
    ref: d._id.slice(0, 16),
    role: d.role,
    orgId: d.orgId ? idOf(d.orgId) : null,
    label: d.label,
    createdAt: d.createdAt,
    fromEnvironment: d.label === BOOTSTRAP_LABEL && !d.orgId,
  })

  /** Tokens scoped to one of these units (all tokens when `orgIds` is undefined), newest first. */
  async function list(orgIds?: string[]): Promise<TokenInfo[]> {
    const docs = await T.find(inScope(orgIds)).sort({ createdAt: -1 }).lean<ApiTokenDoc[]>()
    return docs.map(info)
  }

  /** Deletes the token with this reference among those scoped to `orgIds` (all when undefined). */
  async function revoke(ref: string, orgIds?: string[]): Promise<TokenInfo | undefined> {
    const docs = await T.find(inScope(orgIds)).lean<ApiTokenDoc[]>()
    const doc = docs.find((d) => d._id.startsWith(ref) && !info(d).fromEnvironment)
    if (!doc) return undefined
    await T.deleteOne({ _id: doc._id })
    return info(doc)
  }

  return { find, bootstrap, issue, list, revoke }
}

export type TokenRepo = ReturnType<typeof createTokenRepo>
