import Router from '@koa/router'
import { z } from 'zod'
import { principalOf } from './auth'
import { GROUP_KINDS } from '../domain/vocabulary'
import { auditor, parse, scopeResolver, type ApiDeps } from './api-scope'
import { reportRoutes } from './report-routes'
import { tokenRoutes } from './token-routes'
import { memberRoutes } from './member-routes'
import { importRoutes } from './import-routes'
import { checklistRoutes } from './checklist-routes'
import { dutyReportRoutes } from './duty-report-routes'
import { misreadRoutes } from './misread-routes'

export type { ApiDeps } from './api-scope'

/** /api/v1: every route is scoped to the token's unit subtree; an admin-only route says so. */
export function apiRoutes(deps: ApiDeps): Router {
  const { repos } = deps
  const router = new Router({ prefix: '/api/v1' })
  const scope = scopeResolver(repos)
  const audit = auditor(deps)

  router.get('/me', async (ctx) => {
    const p = principalOf(ctx)
    const org = p.orgId ? (await repos.orgs.tree(p.orgId)).get(p.orgId)?.name : null
    ctx.body = { ...p, org: org ?? null }
  })

  router.get('/orgs', async (ctx) => {
    const { orgIds } = await scope(ctx)
    const all = orgIds ? await repos.orgs.listByIds(orgIds) : await repos.orgs.listAll()
    ctx.body = all.map((o) => ({ id: o.id, name: o.name, parentId: o.parentId, settings: o.settings }))
  })

  router.get('/groups', async (ctx) => {
    const { orgIds } = await scope(ctx)
    ctx.body = await repos.groups.listBound(GROUP_KINDS, orgIds)
  })

  router.get('/notices', async (ctx) => {
    const { orgIds } = await scope(ctx)
    const notices = await repos.notices.listRecent(orgIds, 50)
    ctx.body = await Promise.all(
      notices.map(async (n) => {
        const acks = await repos.notices.acksOf(n.id)
        const acked = new Set(acks.map((a) => a.memberId))
        const executives = await repos.members.listByIds(n.executiveIds)
        return {
          number: n.number,
          audience: n.audience,
          content: n.content,
          createdAt: n.createdAt,
          groups: n.roomIds.length,
          acknowledged: executives.filter((e) => acked.has(e.id)).map((e) => e.name),
          notAcknowledged: executives.filter((e) => !acked.has(e.id)).map((e) => e.name),
          othersAcknowledged: acks.filter((a) => !a.memberId || !n.executiveIds.includes(a.memberId)).length,
        }
      }),
    )
  })

  router.get('/needs', async (ctx) => {
    const q = parse(ctx, z.object({ status: z.enum(['open', 'resolved']).optional() }), ctx.query)
    const { orgIds, orgId } = await scope(ctx)
    const needs = await repos.needs.list(orgIds, q.status)
    await audit(ctx, 'read needs', `status=${q.status ?? 'all'} rows=${needs.length}`, orgId)
    // Who asked, by her nickname only: her WeChat and group ids stay inside (the minimum, PIPL).
    ctx.body = needs.map(({ asker, ...n }) => ({ ...n, asker: asker && { name: asker.name } }))
  })

  importRoutes(router, deps)
  memberRoutes(router, deps)
  checklistRoutes(router, deps)
  reportRoutes(router, deps)
  dutyReportRoutes(router, deps)
  tokenRoutes(router, deps)
  misreadRoutes(router, deps)
  return router
}
