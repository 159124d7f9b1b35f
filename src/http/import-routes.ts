import type Koa from 'koa'
import type Router from '@koa/router'
import { z } from 'zod'
import { principalOf } from './auth'
import { readBody } from './read-body'
import { readUploadTable, UploadRefused } from './read-upload-table'
import { importRoster } from '../services/import-roster'
import { importRepresentatives } from '../services/import-representatives'
import { auditor, parse, requireAdmin, type ApiDeps } from './api-scope'

const uploadQuery = z.object({
  confirm: z.enum(['0', '1']).optional(),
  preview: z.enum(['0', '1']).optional(),
  plan: z
    .string()
    .regex(/^[0-9a-f]{16}$/)
    .optional(),
})

/** The uploaded table (a CSV or XLSX body, or a form's file), or the sentence saying why it cannot be read. */
async function uploadedTable(ctx: Koa.Context): Promise<string[][] | UploadRefused> {
  const body = await readBody(ctx, 1_000_000)
  return readUploadTable(body, ctx.get('content-type')).catch((err: unknown) => {
    if (err instanceof UploadRefused) return err
    throw err
  })
}

/**
 * Imports of the roster and of the women representatives' list, for admins, within their units.
 * `?preview=1` answers what the file would do and writes nothing; the roster's answer names its plan,
 * and a confirmation that sends it back (`?confirm=1&plan=…`) is refused (409) if the file would now
 * do something else than what the admin saw.
 */
export function importRoutes(router: Router, deps: ApiDeps): void {
  const { repos } = deps
  const audit = auditor(deps)

  router.post('/members/import', async (ctx) => {
    requireAdmin(ctx)
    const q = parse(ctx, uploadQuery, ctx.query)
    const table = await uploadedTable(ctx)
    const result =
      table instanceof UploadRefused
        ? { imported: 0, rejected: [{ line: 0, reason: table.reason }], changes: [], bound: 0 }
        : await importRoster(repos, table, principalOf(ctx).orgId, deps.clock.now(), {
            confirm: q.confirm === '1',
            preview: q.preview === '1',
            expect: q.plan,
          })
    const counts = `rejected=${result.rejected.length} changes=${result.changes.length}`
    if (q.preview === '1') await audit(ctx, 'preview roster', counts, principalOf(ctx).orgId)
    else
      await audit(
        ctx,
        'import roster',
        `imported=${result.imported} ${counts} boundWechatIds=${result.bound}`,
        principalOf(ctx).orgId,
      )
    // 409: the file changes people or units already there (or changed since the preview); nothing was
    // written until it is sent with ?confirm=1. A preview is 200 whatever it would need.
    const waits = 'needsConfirmation' in result && result.needsConfirmation && q.preview !== '1'
    ctx.status = result.rejected.length ? 400 : waits ? 409 : 200
    ctx.body = result
  })

  /** The federation's list of women representatives per unit (姓名, 单位): #联系 counts these without a question. */
  router.post('/representatives/import', async (ctx) => {
    requireAdmin(ctx)
    const q = parse(ctx, uploadQuery, ctx.query)
    const table = await uploadedTable(ctx)
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
