import type Router from '@koa/router'
import { requireAdmin, scopeResolver, type ApiDeps } from './api-scope'

/**
 * GET /api/v1/misreads: the messages of her subtree the bot did not understand (masked, no digits; see
 * domain/misread), newest first, with what the bot read them as. Admins only, within their scope.
 */
export function misreadRoutes(router: Router, deps: ApiDeps): void {
  const { repos } = deps
  const scope = scopeResolver(repos)
  router.get('/misreads', async (ctx) => {
    requireAdmin(ctx)
    const { orgIds } = await scope(ctx, typeof ctx.query.org === 'string' ? ctx.query.org : undefined)
    const tree = await repos.orgs.tree()
    ctx.body = (await repos.misreads.recent(orgIds)).map((m) => ({
      at: m.at,
      org: tree.get(m.orgId)?.name ?? null,
      where: m.where,
      text: m.text,
      reading: m.reading,
    }))
  })
}
