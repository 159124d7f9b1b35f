import type Router from '@koa/router'
import { z } from 'zod'
import { auditor, parse, scopeResolver, type ApiDeps } from './api-scope'
import { isCounted } from '../domain/counted'
import { LIMITS } from '../domain/vocabulary'
import type { Member } from '../domain/entities'
import type { OrgTree } from '../domain/org-tree'
import { dutyReports } from '../services/duty-reports'
import { dutyReportDocx } from '../services/duty-report-docx'
import { DUTY_REPORT_CSP, dutyReportHtml } from '../services/duty-report-html'

const yearSchema = z.coerce.number().int().min(2000).max(2100)
const orgSchema = z.string().trim().min(1).max(LIMITS.name).optional()
/** About 600 pages: more than one meeting reads, and a minute of work; a chair asks for a sub-unit instead. */
const MAX_REPORTS = 300

/** Unit after unit in the order of the tree (parents first, siblings by name), by name within a unit. */
function inTreeOrder(members: Member[], tree: OrgTree): Member[] {
  const order = new Map(
    tree
      .roots()
      .flatMap((r) => tree.subtree(r.id))
      .map((u, i) => [u.id, i]),
  )
  const place = (m: Member) => order.get(m.orgId) ?? Number.MAX_SAFE_INTEGER
  return [...members].sort((a, b) => place(a) - place(b) || a.name.localeCompare(b.name, 'zh'))
}

/**
 * Every counted person's 述职报告 in the token's subtree (or the unit named in it), in one file: one
 * Word document whose reports each start on a new page (the chair prints them for the meeting in one go;
 * a zip of 40 files is 40 files to open on an office PC), or the same as a page to print from a browser.
 */
export function dutyReportRoutes(router: Router, deps: ApiDeps): void {
  const { repos } = deps
  const scope = scopeResolver(repos)
  const audit = auditor(deps)

  router.get('/duty-reports/:file', async (ctx) => {
    const m = /^(\d{4})\.(docx|html)$/.exec(ctx.params.file ?? '')
    if (!m) return ctx.throw(400, 'Ask for /api/v1/duty-reports/<year>.docx or <year>.html.')
    const year = parse(ctx, yearSchema, m[1])
    const q = parse(ctx, z.object({ org: orgSchema }), ctx.query)
    const { orgId, orgIds } = await scope(ctx, q.org)
    const tree = await repos.orgs.tree()
    const members = (await repos.members.listWithChecklist(orgIds)).filter((p) => isCounted(p, tree))
    if (members.length > MAX_REPORTS)
      ctx.throw(400, `${members.length} reports is more than ${MAX_REPORTS}: ask for a smaller unit (?org=…).`)
    const reports = await dutyReports(repos, inTreeOrder(members, tree), year, deps.clock.now(), deps.tz)
    await audit(
      ctx,
      'export duty reports',
      `year=${year} format=${m[2]} org=${q.org ?? '(scope)'} reports=${reports.length}`,
      orgId,
    )
    const unit = orgId ? (tree.get(orgId)?.name ?? '') : '全部单位'
    const filename = encodeURIComponent(`${year}年述职报告（${unit}）.${m[2]}`)
    ctx.set('Content-Disposition', `attachment; filename*=UTF-8''${filename}`)
    if (m[2] === 'html') {
      ctx.set('Content-Security-Policy', DUTY_REPORT_CSP)
      ctx.type = 'text/html; charset=utf-8'
      ctx.body = dutyReportHtml(reports, `${year}年述职报告（${unit}）`)
    } else {
      ctx.type = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
      ctx.body = await dutyReportDocx(reports)
    }
  })
}
