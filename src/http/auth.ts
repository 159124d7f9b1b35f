import type Koa from 'koa'
import type { Principal, TokenRepo } from '../repos/token-repo'

/**
 * Bearer tokens for everything under /api/v1/. Repeated bad tokens from one address are answered ever
 * more slowly (up to 3 s), which makes guessing tokens impractical without locking anyone out.
 */
export function bearerAuth(
  tokens: Pick<TokenRepo, 'find'>,
  sleep = (ms: number) => new Promise((r) => setTimeout(r, ms)),
) {
  const failures = new Map<string, { count: number; last: number }>()
  return async (ctx: Koa.Context, next: Koa.Next) => {
    const header = ctx.get('authorization')
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1]
    const principal = token ? await tokens.find(token) : undefined
    if (!principal) {
      const now = Date.now()
      const seen = failures.get(ctx.ip)
      const count = seen && now - seen.last < 15 * 60_000 ? seen.count + 1 : 1
      failures.set(ctx.ip, { count, last: now })
      if (failures.size > 10_000) failures.clear()
      await sleep(Math.min(3_000, 25 * 2 ** Math.min(count, 8)))
      ctx.throw(401, token ? 'Invalid token.' : 'Missing Authorization: Bearer <token> header.')
    }
    failures.delete(ctx.ip)
    ctx.state.principal = principal
    await next()
  }
}

export function principalOf(ctx: Koa.Context): Principal {
  return ctx.state.principal as Principal
}
