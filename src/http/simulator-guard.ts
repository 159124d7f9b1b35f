import { createHash, timingSafeEqual } from 'node:crypto'
import type Koa from 'koa'
import { bearerOf, throttled } from './auth'
import type { Throttle } from './credential-throttle'
import { isLoopback } from './is-loopback'

const digest = (s: string) => createHash('sha256').update(s).digest()

/**
 * Who may use the simulator's API (read the roster and every chat, speak as anyone). With
 * SIMULATOR_TOKEN: whoever sends it as a bearer token, wrong guesses slowed like the API's. Without:
 * only this machine, asked by a loopback name, so a web page that rebinds its own domain to
 * 127.0.0.1 (DNS rebinding) is refused too.
 */
export function simulatorGuard(token: string | undefined, throttle: Throttle): Koa.Middleware {
  const expected = token ? digest(token) : undefined
  return async (ctx, next) => {
    if (expected) {
      const given = bearerOf(ctx)
      if (!given) ctx.throw(401, 'The simulator needs Authorization: Bearer <SIMULATOR_TOKEN>.')
      const ok = await throttled(
        ctx,
        throttle,
        async () => timingSafeEqual(digest(given!), expected) || undefined,
        given,
      )
      if (!ok) ctx.throw(401, 'Invalid simulator token.')
    } else if (!isLoopback(ctx.hostname) || !isLoopback(ctx.socket.remoteAddress)) {
      ctx.throw(403, 'Without SIMULATOR_TOKEN the simulator answers only on this machine, at localhost.')
    }
    await next()
  }
}
