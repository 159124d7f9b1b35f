import type Koa from 'koa'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host
  } catch {
    return undefined
  }
}

/**
 * A state-changing request (POST, PUT, DELETE, …) that a browser says came from a page of another
 * site is refused: its Origin, or failing that its Referer, must name this server's own host. A
 * request with neither (curl, scripts) passes; the API's bearer token still guards it.
 */
export function sameOrigin(): Koa.Middleware {
  return async (ctx, next) => {
    if (!SAFE_METHODS.has(ctx.method)) {
      const claimed = ctx.get('origin') || ctx.get('referer')
      if (claimed && hostOf(claimed) !== ctx.host) {
        ctx.throw(403, `Cross-origin request refused: ${ctx.method} from ${claimed} to ${ctx.host}.`)
      }
    }
    await next()
  }
}
