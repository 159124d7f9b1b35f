import type Koa from 'koa'
import { z } from 'zod'
import type { Repos } from '../repos/create-repos'
import type { Clock } from '../clock'
import { principalOf } from './auth'
import { describeIssue } from './read-json'
import type { AuditAction } from '../domain/audit-actions'
import type { Logger } from '../logger'

export interface ApiDeps {
  repos: Repos
  clock: Clock
  tz: string
  log?: Logger
  /** Roster rows written within the import's request; more are written as a job (tests set it low). */
  importInlineRows?: number
}

/** What a request may see: a unit's subtree (`orgId`, `orgIds`), or everything (both undefined). */
export interface Scope {
  orgId?: string
  orgIds?: string[]
}

export function parse<T extends z.ZodTypeAny>(ctx: Koa.Context, schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value)
  if (!result.success) ctx.throw(400, describeIssue(result.error))
  return result.data
}

/**
 * The token's subtree, or the named unit within it (403 outside it, 404 if there is none). Subtrees come
 * from the cached org tree: no query per unit.
 */
export function scopeResolver(repos: Pick<Repos, 'orgs'>) {
  return async function scope(ctx: Koa.Context, orgName?: string): Promise<Scope> {
    const p = principalOf(ctx)
    const org = orgName ? await repos.orgs.findByName(orgName) : undefined
    if (orgName && !org) ctx.throw(404, `No org unit named ${orgName}.`)
    const tree = await repos.orgs.tree(org?.id ?? p.orgId ?? undefined)
    const subtree = (id: string) => tree.subtree(id).map((u) => u.id)
    if (org) {
      if (p.orgId && !tree.isWithin(org.id, p.orgId)) ctx.throw(403, 'That unit is outside your scope.')
      return { orgIds: subtree(org.id), orgId: org.id }
    }
    return p.orgId ? { orgIds: subtree(p.orgId), orgId: p.orgId } : {}
  }
}

export const requireAdmin = (ctx: Koa.Context) => {
  if (principalOf(ctx).role !== 'admin') ctx.throw(403, 'Admins only.')
}

/** Writes who did what to which unit's records (null: the whole tree) into the audit trail. */
export function auditor(deps: ApiDeps) {
  return (ctx: Koa.Context, action: AuditAction, detail: string, orgId: string | null | undefined) => {
    const p = principalOf(ctx)
    return deps.repos.audit.record({
      at: deps.clock.now(),
      who: p.label,
      role: p.role,
      action,
      detail,
      orgId: orgId ?? null,
    })
  }
}
