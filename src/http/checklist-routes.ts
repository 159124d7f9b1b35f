import type Router from '@koa/router'
import { z } from 'zod'
import { principalOf } from './auth'
import { readJson } from './read-json'
import { checklistBody } from './api-schemas'
import { checklistFor, type ChecklistConfig } from '../domain/unit-checklist'
import { checklistRefusal } from '../services/checklist-setting'
import { recordCommandOf } from '../parser/command-specs'
import { DEFAULT_CHECKLIST } from '../domain/checklist'
import { LIMITS } from '../domain/vocabulary'
import { auditor, parse, requireAdmin, scopeResolver, type ApiDeps } from './api-scope'

/**
 * Each unit's checklist: GET shows the one that applies to a unit (and which unit set it), PUT sets a
 * unit's own (admins, within their units). Units below inherit it unless they set theirs.
 */
export function checklistRoutes(router: Router, deps: ApiDeps): void {
  const { repos } = deps
  const scope = scopeResolver(repos)
  const audit = auditor(deps)

  router.get('/checklist', async (ctx) => {
    const q = parse(ctx, z.object({ org: z.string().trim().min(1).max(LIMITS.name).optional() }), ctx.query)
    const { orgId } = await scope(ctx, q.org)
    const root = orgId ?? (await repos.orgs.tree()).roots()[0]?.id
    if (!root) return ctx.throw(404, 'No units yet.')
    const unitId: string = root
    const tree = await repos.orgs.tree(unitId)
    const setBy = tree.chain(unitId).find((u) => u.settings.checklist)
    ctx.body = {
      org: tree.get(unitId)?.name,
      setBy: setBy?.name ?? null,
      config: setBy?.settings.checklist ?? null,
      items: checklistFor(tree, unitId).map((i) => ({ ...i, command: recordCommandOf(i) })),
      // The eight items as they are by default: what a unit's setting changes or switches off.
      defaults: DEFAULT_CHECKLIST,
    }
  })

  router.put('/checklist', async (ctx) => {
    requireAdmin(ctx)
    const body = await readJson(ctx, checklistBody)
    const { orgId } = await scope(ctx, body.org)
    const config = body.config as ChecklistConfig | null
    const refusal = config ? checklistRefusal(config) : undefined
    if (refusal) ctx.throw(400, refusal)
    await repos.orgs.setSetting(orgId!, 'checklist', config ?? undefined)
    await audit(ctx, 'set checklist', `org=${body.org} ${config ? JSON.stringify(config) : 'inherited'}`, orgId)
    const tree = await repos.orgs.tree(orgId!)
    ctx.body = { org: body.org, items: checklistFor(tree, orgId!), by: principalOf(ctx).label }
  })
}
