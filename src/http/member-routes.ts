import type Koa from 'koa'
import type Router from '@koa/router'
import { z } from 'zod'
import { principalOf } from './auth'
import { readJson } from './read-json'
import { moveBody } from './api-schemas'
import { LIMITS } from '../domain/vocabulary'
import { mayIssueBindCode } from '../domain/may-issue-bind-code'
import { auditor, parse, requireAdmin, scopeResolver, type ApiDeps } from './api-scope'

const orgSchema = z.string().trim().min(1).max(LIMITS.name).optional()

/**
 * Members and who is bound: the list (with whether each has a WeChat id), one-time binding codes,
 * unbinding and moving to another unit. Admins, within their units (imports: see import-routes).
 */
export function memberRoutes(router: Router, deps: ApiDeps): void {
  const { repos } = deps
  const scope = scopeResolver(repos)
  const audit = auditor(deps)

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
    const last = await repos.members.lastMessages(members.map((m) => m.id))
    ctx.body = members.map((m) => ({
      id: m.id,
      name: m.name,
      org: names.get(m.orgId) ?? '',
      role: m.role,
      wechatBound: m.contactIds.length > 0,
      lastMessageAt: last.get(m.id) ?? null,
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
    if (!mayIssueBindCode(principalOf(ctx).orgId ?? null, member))
      ctx.throw(403, 'A binding code for an admin or a chair comes from an admin of a unit above hers.')
    const { code, expiresAt } = await repos.bindCodes.issue(member.id, principalOf(ctx).label, deps.clock.now())
    await audit(ctx, 'issue bind code', `member=${member.name} id=${member.id}`, member.orgId)
    ctx.status = 201
    ctx.body = { code, expiresAt, tell: `请用您自己的微信私聊妇联助手，发送：绑定码 ${code}` }
  })

  /**
   * Moves her to another unit of the caller's (an admin's explicit choice, never a name match): her
   * records stay hers and count where she now is. Refused when the unit already has someone of her name
   * (a person is her name and her unit).
   */
  router.post('/members/:id/move', async (ctx) => {
    requireAdmin(ctx)
    const member = await memberInScope(ctx)
    const body = await readJson(ctx, moveBody)
    const { orgId } = await scope(ctx, body.org)
    if (orgId === member.orgId) ctx.throw(400, `她已经在${body.org}。`)
    if ((await repos.members.findByNames([member.name], [orgId!])).length)
      ctx.throw(409, `${body.org}已经有一位${member.name}，不能再调入同名的人。`)
    const from = (await repos.orgs.findById(member.orgId))?.name ?? ''
    await repos.members.moveTo(member.id, orgId!)
    await audit(ctx, 'move member', `member=${member.name} id=${member.id} from=${from} to=${body.org}`, orgId)
    ctx.body = { id: member.id, name: member.name, from, org: body.org }
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
