import type Koa from 'koa'
import type Router from '@koa/router'
import { z } from 'zod'
import { principalOf } from './auth'
import { readBody } from './read-body'
import { readUploadTable, UploadRefused } from './read-upload-table'
import { importRoster } from '../services/import-roster'
import { importRepresentatives } from '../services/import-representatives'
import { importJobView } from '../services/import-job-view'
import type { ImportJob } from '../repos/import-job-repo'
import { auditor, parse, requireAdmin, type ApiDeps } from './api-scope'

const MB = 1024 * 1024
/** A province's roster as CSV is 3–4 MB; a representatives' list stays within 1 MB. */
const ROSTER_UPLOAD_BYTES = 16 * MB
const LIST_UPLOAD_BYTES = 1_000_000

const uploadQuery = z.object({
  confirm: z.enum(['0', '1']).optional(),
  preview: z.enum(['0', '1']).optional(),
  plan: z
    .string()
    .regex(/^[0-9a-f]{16}$/)
    .optional(),
})

/** The uploaded table (a CSV or XLSX body, or a form's file), or the sentence saying why it cannot be read. */
async function uploadedTable(ctx: Koa.Context, limit: number): Promise<string[][] | UploadRefused> {
  const body = await readBody(ctx, limit)
  return readUploadTable(body, ctx.get('content-type')).catch((err: unknown) => {
    if (err instanceof UploadRefused) return err
    throw err
  })
}

/**
 * Imports of the roster and of the women representatives' list, for admins, within their units.
 * `?preview=1` answers what the file would do and writes nothing; the roster's answer names its plan,
 * and a confirmation that sends it back (`?confirm=1&plan=…`) is refused (409) if the file would now
 * do something else than what the admin saw. A confirmed roster of more than a few hundred rows is
 * written as a job (services/roster-job): 202 with the job at once, its progress at
 * GET /members/import/jobs/{id}; while one is being written, another confirmation is a 409 (`busy`).
 */
export function importRoutes(router: Router, deps: ApiDeps): void {
  const { repos } = deps
  const audit = auditor(deps)

  router.post('/members/import', async (ctx) => {
    requireAdmin(ctx)
    const q = parse(ctx, uploadQuery, ctx.query)
    const table = await uploadedTable(ctx, ROSTER_UPLOAD_BYTES)
    const p = principalOf(ctx)
    const result =
      table instanceof UploadRefused
        ? { imported: 0, rejected: [{ line: 0, reason: table.reason }], changes: [], bound: 0 }
        : await importRoster(repos, table, p.orgId, deps.clock, {
            confirm: q.confirm === '1',
            preview: q.preview === '1',
            expect: q.plan,
            by: p.label,
            inlineRows: deps.importInlineRows,
            log: deps.log,
            // Written from here on by this process; if it stops, by whichever process resumes it.
            onJob: (job, write) => {
              write().catch((err: unknown) => deps.log?.error('roster import job failed', { jobId: job.id, err }))
            },
          })
    const counts = `rejected=${result.rejected.length} changes=${result.changes.length}`
    const job = 'job' in result && result.job ? ` job=${result.job.id} rows=${result.job.rows}` : ''
    if (q.preview === '1') await audit(ctx, 'preview roster', counts, p.orgId)
    else
      await audit(
        ctx,
        'import roster',
        `imported=${result.imported} ${counts} boundWechatIds=${result.bound}${job}`,
        p.orgId,
      )
    // 409: the file changes people or units already there (or changed since the preview), or another
    // import is being written; nothing was written. A preview is 200 whatever it would need.
    const waits = ('needsConfirmation' in result && result.needsConfirmation) || ('busy' in result && result.busy)
    ctx.status = result.rejected.length
      ? 400
      : waits && q.preview !== '1'
        ? 409
        : 'job' in result && result.job
          ? 202
          : 200
    ctx.body = result
  })

  /** A job the caller may see: her own units' imports (an admin of everything sees every one). */
  async function jobInScope(ctx: Koa.Context, job: ImportJob | undefined): Promise<boolean> {
    const p = principalOf(ctx)
    if (!job) return false
    if (!p.orgId) return true
    return !!job.scopeOrgId && (await repos.orgs.tree(job.scopeOrgId)).isWithin(job.scopeOrgId, p.orgId)
  }

  /** How far a roster import job is (the dashboard polls this while it is being written). */
  router.get('/members/import/jobs/:id', async (ctx) => {
    requireAdmin(ctx)
    const id = parse(ctx, z.string().regex(/^[0-9a-f]{24}$/), ctx.params.id)
    const job = await repos.imports.find(id)
    if (!(await jobInScope(ctx, job))) ctx.throw(404, 'No such import job.')
    ctx.body = importJobView(job!)
  })

  /** The latest roster import jobs of her units, newest first (an unfinished one shows after a reload). */
  router.get('/members/import/jobs', async (ctx) => {
    requireAdmin(ctx)
    const jobs = await repos.imports.recent(20)
    const mine = []
    for (const job of jobs) if (await jobInScope(ctx, job)) mine.push(importJobView(job))
    ctx.body = mine.slice(0, 5)
  })

  /** The federation's list of women representatives per unit (姓名, 单位): #联系 counts these without a question. */
  router.post('/representatives/import', async (ctx) => {
    requireAdmin(ctx)
    const q = parse(ctx, uploadQuery, ctx.query)
    const table = await uploadedTable(ctx, LIST_UPLOAD_BYTES)
    const result =
      table instanceof UploadRefused
        ? { imported: 0, rejected: [{ line: 0, reason: table.reason }] }
        : await importRepresentatives(repos, table, principalOf(ctx).orgId, deps.clock.now(), {
            preview: q.preview === '1',
          })
    await audit(
      ctx,
      q.preview === '1' ? 'preview representatives' : 'import representatives',
      `imported=${result.imported} rejected=${result.rejected.length}`,
      principalOf(ctx).orgId,
    )
    ctx.status = result.rejected.length ? 400 : 200
    ctx.body = result
  })
}
