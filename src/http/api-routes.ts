import Router from '@koa/router'
import type Koa from 'koa'
import { z } from 'zod'
import { principalOf } from './auth'
import { readBody } from './read-body'
import { readJson, describeIssue } from './read-json'
import { reviewRuleBody } from './api-schemas'
import { auditor, type ApiDeps } from './api-scope'
import { tokenRoutes } from './token-routes'
import { progressReport, summarizeByUnit } from '../services/progress-report'
import { reviewWorkbook, reviewCsv } from '../services/review-workbook'
import { importRoster } from '../services/import-roster'
import { readUploadTable, UploadRefused } from './read-upload-table'
import { DEFAULT_REVIEW_RULE } from '../domain/review-grade'
import { toLocal } from '../domain/zoned-time'
import { GROUP_KINDS, LIMITS } from '../domain/vocabulary'

export type { ApiDeps } from './api-scope'

const yearSchema = z.coerce.number().int().min(2000).max(2100)
const orgSchema = z.string().trim().min(1).max(LIMITS.name).optional()

function parse<T extends z.ZodTypeAny>(ctx: Koa.Context, schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value)
  if (!result.success) ctx.throw(400, describeIssue(result.error))
  return result.data
}

/** /api/v1: every route is scoped to the token's unit subtree; an admin-only route says so. */
export function apiRoutes(deps: ApiDeps): Router {
  const { repos } = deps
  const router = new Router({ prefix: '/api/v1' })

  async function scope(ctx: Koa.Context, orgName?: string): Promise<{ orgIds?: string[]; orgId?: string }> {
    const p = principalOf(ctx)
    if (orgName) {
      const org = await repos.orgs.findByName(orgName)
      if (!org) ctx.throw(404, `No org unit named ${orgName}.`)
      if (p.orgId && !(await repos.orgs.isWithin(org.id, p.orgId))) ctx.throw(403, 'That unit is outside your scope.')
      return { orgIds: await repos.orgs.subtreeIds(org.id), orgId: org.id }
    }
    return p.orgId ? { orgIds: await repos.orgs.subtreeIds(p.orgId), orgId: p.orgId } : {}
  }

  const requireAdmin = (ctx: Koa.Context) => {
    if (principalOf(ctx).role !== 'admin') ctx.throw(403, 'Admins only.')
  }

  const audit = auditor(deps)

  router.get('/me', async (ctx) => {
    const p = principalOf(ctx)
    const org = p.orgId ? (await repos.orgs.tree(p.orgId)).get(p.orgId)?.name : null
    ctx.body = { ...p, org: org ?? null }
  })

  router.get('/progress', async (ctx) => {
    const q = parse(ctx, z.object({ year: yearSchema.optional(), org: orgSchema }), ctx.query)
    const year = q.year ?? toLocal(deps.clock.now(), deps.tz).year
    const { orgIds, orgId } = await scope(ctx, q.org)
    const rows = await progressReport(repos, orgIds, year)
    await audit(ctx, 'read progress', `year=${year} org=${q.org ?? '(scope)'} rows=${rows.length}`, orgId)
    ctx.body = rows.map((r) => ({ name: r.name, org: r.org, role: r.role, done: r.done, grade: r.grade, ...r.counts }))
  })

  router.get('/summary', async (ctx) => {
    const q = parse(ctx, z.object({ year: yearSchema.optional(), org: orgSchema }), ctx.query)
    const year = q.year ?? toLocal(deps.clock.now(), deps.tz).year
    const { orgIds } = await scope(ctx, q.org)
    ctx.body = summarizeByUnit(await progressReport(repos, orgIds, year))
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
    ctx.body = needs
  })

  router.get('/review/:file', async (ctx) => {
    const m = /^(\d{4})\.(xlsx|csv)$/.exec(ctx.params.file ?? '')
    if (!m) ctx.throw(400, 'Ask for /api/v1/review/<year>.xlsx or <year>.csv.')
    const year = parse(ctx, yearSchema, m![1])
    const q = parse(ctx, z.object({ org: orgSchema }), ctx.query)
    const { orgIds, orgId } = await scope(ctx, q.org)
    const rule = (orgId ? (await repos.orgs.findById(orgId))?.settings.review : undefined) ?? DEFAULT_REVIEW_RULE
    const rows = await progressReport(repos, orgIds, year, rule)
    await audit(
      ctx,
      'export review',
      `year=${year} format=${m![2]} org=${q.org ?? '(scope)'} rows=${rows.length}`,
      orgId,
    )
    const filename = encodeURIComponent(`${year}年执委履职考核.${m![2]}`)
    ctx.set('Content-Disposition', `attachment; filename*=UTF-8''${filename}`)
    if (m![2] === 'csv') {
      ctx.type = 'text/csv; charset=utf-8'
      ctx.body = reviewCsv(rows)
    } else {
      ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
      ctx.body = await reviewWorkbook(year, rows)
    }
  })

  router.put('/review-rule', async (ctx) => {
    requireAdmin(ctx)
    const body = await readJson(ctx, reviewRuleBody)
    const { orgId } = await scope(ctx, body.org)
    await repos.orgs.setSetting(orgId!, 'review', { excellent: body.excellent, pass: body.pass, basic: body.basic })
    ctx.body = { ok: true }
  })

  router.post('/members/import', async (ctx) => {
    requireAdmin(ctx)
    const body = await readBody(ctx, 1_000_000)
    const result = await readUploadTable(body, ctx.get('content-type')).then(
      (table) => importRoster(repos, table, principalOf(ctx).orgId, deps.clock.now()),
      (err: unknown) => {
        if (!(err instanceof UploadRefused)) throw err
        return { imported: 0, rejected: [{ line: 0, reason: err.reason }] }
      },
    )
    await audit(
      ctx,
      'import roster',
      `imported=${result.imported} rejected=${result.rejected.length}`,
      principalOf(ctx).orgId,
    )
    ctx.status = result.rejected.length ? 400 : 200
    ctx.body = result
  })

  tokenRoutes(router, deps)
  return router
}
