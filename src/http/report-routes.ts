import type Router from '@koa/router'
import type Koa from 'koa'
import { z } from 'zod'
import { readJson } from './read-json'
import { countingBody, reviewRuleBody } from './api-schemas'
import { auditor, parse, requireAdmin, scopeResolver, type ApiDeps } from './api-scope'
import { unitReport, type UnitReport } from '../services/unit-report'
import { reviewCsvOf, writeReviewWorkbook } from '../services/review-workbook'
import { standingsReviewSource } from '../services/review-source'
import { PassThrough } from 'node:stream'
import type { UnitFigures, Totals } from '../domain/roll-up'
import { toLocal } from '../domain/zoned-time'
import { weeklyView, whoIsBehind } from '../domain/weekly-view'
import type { PersonFigures } from '../domain/person-figures'
import { LIMITS } from '../domain/vocabulary'
import { DEFAULT_CHECKLIST } from '../domain/checklist'
import { checklistFor } from '../domain/unit-checklist'
import { PROGRESS_PAGE_MAX, progressPage, readCursor } from '../domain/progress-page'

const yearSchema = z.coerce.number().int().min(2000).max(2100)
const orgSchema = z.string().trim().min(1).max(LIMITS.name).optional()
const round = (n: number, digits: number) => Number(n.toFixed(digits))
const NAMED_MAX = 500

/** A unit's figures as the API gives them (the dashboard reads these; it computes none itself). */
function figuresJson(u: Totals & { name: string }, report: UnitReport) {
  const unit = u as Partial<UnitFigures>
  return {
    org: u.name,
    parent: unit.parentId ? (report.tree.get(unit.parentId)?.name ?? null) : null,
    depth: unit.depth ?? 0,
    counted: u.counted,
    executives: u.executives,
    chairs: u.chairs,
    direct: unit.direct ?? u.counted,
    averageDone: round(u.averageDone, 2),
    onTrack: u.onTrack,
    onTrackShare: round(u.onTrackShare, 4),
    nothingYet: u.nothingYet,
    nothingYetShare: round(u.nothingYetShare, 4),
    grades: u.grades,
    itemsDone: u.itemsDone,
    itemsHeld: u.itemsHeld,
    // Items of this unit's own checklist (units below may differ; see itemsHeld).
    checklistSize: checklistSizeOf(report, unit.orgId ?? report.rootId),
    rank: unit.rank ?? null,
    ranked: unit.ranked ?? 0,
  }
}

function checklistSizeOf(report: UnitReport, orgId: string | undefined): number {
  return orgId ? checklistFor(report.tree, orgId).length : DEFAULT_CHECKLIST.length
}

/** People a leader should look at, as the weekly post names them: everyone of a village or township, else its own level. */
function whoToName(r: UnitReport) {
  const roots = r.units.filter((u) => u.depth === 0)
  const focus = r.rootId ?? (roots.length === 1 ? roots[0]!.orgId : undefined)
  if (!focus || !r.unit(focus)) return { named: null, behind: [], nothingYet: [] }
  const view = weeklyView(r, focus)
  const { behind, nothing } = whoIsBehind(view.kind === 'people' ? view.people : view.direct)
  const person = (p: PersonFigures) => ({
    name: p.displayName,
    org: r.tree.get(p.orgId)?.name ?? '',
    done: p.done,
    total: p.total,
  })
  return {
    named: view.kind === 'people' ? 'everyone' : 'ownLevel',
    behind: behind.slice(0, NAMED_MAX).map(person),
    nothingYet: nothing.slice(0, NAMED_MAX).map(person),
  }
}

/** Progress, roll-ups and the annual review: one report per request, the same for every view. */
export function reportRoutes(router: Router, deps: ApiDeps): void {
  const { repos } = deps
  const scope = scopeResolver(repos)
  const audit = auditor(deps)
  const report = async (ctx: Koa.Context, year: number | undefined, org?: string) => {
    const today = toLocal(deps.clock.now(), deps.tz)
    const { orgId } = await scope(ctx, org)
    return { orgId, report: await unitReport(repos, orgId, year ?? today.year, today) }
  }

  router.get('/progress', async (ctx) => {
    const q = parse(
      ctx,
      z.object({
        year: yearSchema.optional(),
        org: orgSchema,
        cursor: z.string().max(2_000).optional(),
        limit: z.coerce.number().int().min(1).max(PROGRESS_PAGE_MAX).optional(),
      }),
      ctx.query,
    )
    const mark = q.cursor === undefined ? undefined : readCursor(q.cursor)
    if (q.cursor !== undefined && !mark) ctx.throw(400, 'That cursor is not one this API gave.')
    const today = toLocal(deps.clock.now(), deps.tz)
    const { orgId } = await scope(ctx, q.org)
    const view = await repos.standings.view(q.year ?? today.year, today)
    const roots = orgId ? [orgId] : view.tree.roots().map((r) => r.id)
    const page = progressPage(view, roots, q.limit ?? PROGRESS_PAGE_MAX, mark)
    await audit(
      ctx,
      'read progress',
      `year=${view.year} org=${q.org ?? '(scope)'} rows=${page.people.length}${q.cursor ? ' page>1' : ''}`,
      orgId,
    )
    if (page.next) {
      const params = new URLSearchParams({ year: String(view.year), ...(q.org ? { org: q.org } : {}) })
      if (q.limit) params.set('limit', String(q.limit))
      params.set('cursor', page.next)
      ctx.set('X-Next-Cursor', page.next)
      ctx.set('Link', `</api/v1/progress?${params}>; rel="next"`)
    }
    ctx.body = page.people.map((p) => ({
      name: p.name,
      displayName: p.displayName,
      org: view.tree.get(p.orgId)?.name ?? '',
      role: p.role,
      done: p.done,
      total: p.total,
      grade: p.grade,
      onTrack: p.onTrack,
      nothingYet: p.nothingYet,
      ...p.counts,
      // Her own unit's checklist, item by item (targets and added items as her unit set them).
      items: p.items.map((i) => ({
        key: i.key,
        label: i.label,
        count: i.count,
        min: i.min,
        max: i.max ?? null,
        done: i.done,
      })),
    }))
  })

  router.get('/summary', async (ctx) => {
    const q = parse(ctx, z.object({ year: yearSchema.optional(), org: orgSchema }), ctx.query)
    const { report: r } = await report(ctx, q.year, q.org)
    ctx.body = {
      year: r.year,
      unit: figuresJson(r.totals(), r),
      units: r.units.map((u) => figuresJson(u, r)),
      ...whoToName(r),
    }
  })

  router.get('/review/:file', async (ctx) => {
    const m = /^(\d{4})\.(xlsx|csv)$/.exec(ctx.params.file ?? '')
    if (!m) return ctx.throw(400, 'Ask for /api/v1/review/<year>.xlsx or <year>.csv.')
    const year = parse(ctx, yearSchema, m[1])
    const q = parse(ctx, z.object({ org: orgSchema }), ctx.query)
    const today = toLocal(deps.clock.now(), deps.tz)
    const { orgId } = await scope(ctx, q.org)
    const view = await repos.standings.view(year, today)
    const roots = orgId ? [orgId] : view.tree.roots().map((r) => r.id)
    const rows = roots.reduce((n, id) => n + view.tally(id).counted, 0)
    await audit(ctx, 'export review', `year=${year} format=${m[2]} org=${q.org ?? '(scope)'} rows=${rows}`, orgId)
    const source = standingsReviewSource(view, orgId)
    const filename = encodeURIComponent(`${year}年执委履职考核.${m[2]}`)
    ctx.set('Content-Disposition', `attachment; filename*=UTF-8''${filename}`)
    if (m[2] === 'csv') {
      ctx.type = 'text/csv; charset=utf-8'
      ctx.body = reviewCsvOf(source)
      return
    }
    ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    // Written as it is made: a province's workbook is never whole in memory (see writeReviewWorkbook).
    const out = new PassThrough()
    ctx.body = out
    writeReviewWorkbook(source, today, out).catch((err: unknown) => out.destroy(err as Error))
  })

  router.put('/review-rule', async (ctx) => {
    requireAdmin(ctx)
    const body = await readJson(ctx, reviewRuleBody)
    const { orgId } = await scope(ctx, body.org)
    await repos.orgs.setSetting(orgId!, 'review', { excellent: body.excellent, pass: body.pass, basic: body.basic })
    await audit(ctx, 'set review rule', `org=${body.org} ${body.excellent}/${body.pass}/${body.basic}`, orgId)
    ctx.body = { ok: true }
  })

  router.put('/counting', async (ctx) => {
    requireAdmin(ctx)
    const body = await readJson(ctx, countingBody)
    const { orgId } = await scope(ctx, body.org)
    await repos.orgs.setSetting(orgId!, 'countChairs', body.chairs)
    await audit(ctx, 'set counting', `org=${body.org} chairs=${body.chairs}`, orgId)
    ctx.body = { ok: true }
  })
}
