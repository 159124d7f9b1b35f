import type Koa from 'koa'
import type { Principal, TokenRepo } from '../repos/token-repo'
import { clientKey, TooManyAttempts, type Throttle } from './credential-throttle'

export const bearerOf = (ctx: Koa.Context) => /^Bearer\s+(\S+)$/i.exec(ctx.get('authorization'))?.[1]

/**
 * Checks a credential through the throttle, keyed by the client's address as the app trusts it
 * (TRUST_PROXY) and by the credential itself: 429 when the address has queued too many, otherwise
 * whatever `verify` found.
 */
export async function throttled<T>(
  ctx: Koa.Context,
  throttle: Throttle,
  verify: () => Promise<T | undefined>,
  credential?: string,
) {
  try {
    return await throttle(clientKey(ctx.ip), verify, credential)
  } catch (err) {
    if (!(err instanceof TooManyAttempts)) throw err
    ctx.set('Retry-After', String(err.retryAfterSeconds))
    return ctx.throw(429, err.message)
  }
}

/** Bearer tokens for everything under /api/v1/; wrong guesses are slowed by the shared throttle. */
export function bearerAuth(tokens: Pick<TokenRepo, 'find'>, throttle: Throttle): Koa.Middleware {
  return async (ctx, next) => {
    const token = bearerOf(ctx)
    if (!token) ctx.throw(401, 'Missing Authorization: Bearer <token> header.')
    const principal = await throttled(ctx, throttle, () => tokens.find(token!), token)
    if (!principal) ctx.throw(401, 'Invalid token.')
    ctx.state.principal = principal
    await next()
  }
}

export function principalOf(ctx: Koa.Context): Principal {
  return ctx.state.principal as Principal
}
