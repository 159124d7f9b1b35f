import type Koa from 'koa'
import type Router from '@koa/router'
import { z } from 'zod'
import { principalOf } from './auth'
import { readBody } from './read-body'
import { readUploadTable, UploadRefused } from './read-upload-table'
import { importRepresentatives } from '../services/import-representatives'
import { LIMITS } from '../domain/vocabulary'
import { auditor, parse, requireAdmin, scopeResolver, type ApiDeps } from './api-scope'

const orgSchema = z.string().trim().min(1).max(LIMITS.name).optional()

/**
 * Members and who is bound: the list (with whether each has a WeChat id), one-time binding codes,
 * unbinding, and the federation's list of women representatives. Admins, within their units.
 */
export function memberRoutes(router: Router, deps: ApiDeps): void {
  const { repos } = deps
  const scope = scopeResolver(repos)
  const audit = auditor(deps)

  /** The federation's list of women representatives per unit (姓名, 单位): #联系 counts these without a question. */
  router.post('/representatives/import', async (ctx) => {
    requireAdmin(ctx)
    const body = await readBody(ctx, 1_000_000)
    const result = await readUploadTable(body, ctx.get('content-type')).then(
      (table) => importRepresentatives(repos, table, principalOf(ctx).orgId, deps.clock.now()),
      (err: unknown) => {
        if (!(err instanceof UploadRefused)) throw err
        return { imported: 0, rejected: [{ line: 0, reason: err.reason }] }
      },
    )
    await audit(
      ctx,
      'import representatives',
      `imported=${result.imported} rejected=${result.rejected.length}`,
      principalOf(ctx).orgId,
    )
    ctx.status = result.rejected.length ? 400 : 200
    ctx.body = result
  })

  /** Members of her units, with whether each has a WeChat id bound (`?unbound=1`: only those without). */
  router.get('/members', async (ctx) => {
    requireAdmin(ctx)
    const q = parse(ctx, z.object({ org: orgSchema, unbound: z.enum(['0', '1']).optional() }), ctx.query)
    const { orgIds } = await scope(ctx, q.org)
    const units = orgIds ?? (await repos.orgs.listAll()).map((o) => o.id)
    const names = new Map((await repos.orgs.listByIds(units)).map((o) => [o.id, o.name]))
    const members = [
      ...(await repos.members.listWithChecklist(units)),
      ...(await repos.members.listByRole('admin', units)),
    ].filter((m) => q.unbound !== '1' || m.contactIds.length === 0)
    await audit(
      ctx,
      'list members',
      `org=${q.org ?? '(scope)'} unbound=${q.unbound ?? '0'} rows=${members.length}`,
      principalOf(ctx).orgId,
    )
    ctx.body = members.map((m) => ({
      id: m.id,
      name: m.name,
      org: names.get(m.orgId) ?? '',
      role: m.role,
      wechatBound: m.contactIds.length > 0,
    }))
  })

  /** The member behind `:id`, if she is in the caller's units. */
  async function memberInScope(ctx: Koa.Context) {
    const id = parse(ctx, z.string().regex(/^[0-9a-f]{24}$/), ctx.params.id)
    const member = await repos.members.findById(id)
    const p = principalOf(ctx)
    if (!member) ctx.throw(404, 'No such member.')
    if (p.orgId && !(await repos.orgs.isWithin(member.orgId, p.orgId)))
      ctx.throw(403, 'That member is outside your scope.')
    return member
  }

  /** A one-time code she sends from her own WeChat ("绑定码 12345678") to be bound; shown once. */
  router.post('/members/:id/bind-code', async (ctx) => {
    requireAdmin(ctx)
    const member = await memberInScope(ctx)
    const { code, expiresAt } = await repos.bindCodes.issue(member.id, principalOf(ctx).label, deps.clock.now())
    await audit(ctx, 'issue bind code', `member=${member.name} id=${member.id}`, member.orgId)
    ctx.status = 201
    ctx.body = { code, expiresAt, tell: `请用您自己的微信私聊妇联助手，发送：绑定码 ${code}` }
  })

  /** Takes her WeChat ids off (a new phone, or a wrong binding). */
  router.delete('/members/:id/wechat', async (ctx) => {
    requireAdmin(ctx)
    const member = await memberInScope(ctx)
    const removed = await repos.members.unbind(member.id)
    await audit(ctx, 'unbind member', `member=${member.name} id=${member.id} wechatIds=${removed.length}`, member.orgId)
    ctx.body = { unbound: removed.length }
  })
}
