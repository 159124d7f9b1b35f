import type Router from '@koa/router'
import { readJson } from './read-json'
import { tokenBody } from './api-schemas'
import { auditor, requireAdmin, scopeResolver, type ApiDeps } from './api-scope'
import { bearerOf } from './auth'
import { tokenRef } from '../repos/token-repo'
import { auditLabel } from '../domain/audit-actions'

/**
 * Tokens and the audit trail, for admins, within their subtree: an admin issues, lists and revokes tokens
 * of chairs and admins of her subtree (the token is shown once and stored hashed), and sees the audit
 * trail of her subtree's records only.
 */
export function tokenRoutes(router: Router, deps: ApiDeps): void {
  const { repos } = deps
  const scope = scopeResolver(repos)
  const audit = auditor(deps)

  router.get('/tokens', async (ctx) => {
    requireAdmin(ctx)
    const { orgIds } = await scope(ctx)
    const tree = await repos.orgs.tree()
    const mine = tokenRef(bearerOf(ctx)!)
    ctx.body = (await repos.tokens.list(orgIds)).map((t) => ({
      ref: t.ref,
      role: t.role,
      org: t.orgId ? (tree.get(t.orgId)?.name ?? null) : null,
      label: t.label,
      createdAt: t.createdAt,
      revocable: !t.fromEnvironment && t.ref !== mine,
      current: t.ref === mine,
    }))
  })

  router.post('/tokens', async (ctx) => {
    requireAdmin(ctx)
    const body = await readJson(ctx, tokenBody)
    const { orgId } = await scope(ctx, body.org)
    const token = await repos.tokens.issue({ role: body.role, orgId: orgId!, label: body.label }, deps.clock.now())
    await audit(ctx, 'issue token', `role=${body.role} org=${body.org} label=${body.label}`, orgId)
    ctx.status = 201
    ctx.body = { token, ref: tokenRef(token) }
  })

  router.delete('/tokens/:ref', async (ctx) => {
    requireAdmin(ctx)
    const ref = ctx.params.ref ?? ''
    if (!/^[0-9a-f]{16}$/.test(ref)) ctx.throw(400, 'A token reference is 16 hex digits, as GET /api/v1/tokens lists.')
    if (ref === tokenRef(bearerOf(ctx)!)) ctx.throw(400, 'That is the token you are using; revoke it with another.')
    const { orgIds } = await scope(ctx)
    const revoked = await repos.tokens.revoke(ref, orgIds)
    if (!revoked) ctx.throw(404, 'No token with that reference in your scope (ADMIN_TOKEN cannot be revoked here).')
    await audit(ctx, 'revoke token', `role=${revoked!.role} label=${revoked!.label}`, revoked!.orgId)
    ctx.body = { ok: true }
  })

  router.get('/audit', async (ctx) => {
    requireAdmin(ctx)
    const { orgIds } = await scope(ctx)
    const tree = await repos.orgs.tree()
    ctx.body = (await repos.audit.recent(orgIds)).map(({ orgId, ...e }) => ({
      ...e,
      label: auditLabel(e.action),
      org: orgId ? (tree.get(orgId)?.name ?? null) : null,
    }))
  })
}
