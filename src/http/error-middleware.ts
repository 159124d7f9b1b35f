import type Koa from 'koa'
import type { Logger } from '../logger'

/** Errors marked `expose` (ctx.throw(400, …)) reach the client; anything else is a bare 500 and a log line. */
export function errorMiddleware(log: Logger): Koa.Middleware {
  return async (ctx, next) => {
    try {
      await next()
      if (ctx.status === 404 && ctx.body === undefined) {
        ctx.status = 404
        ctx.body = { error: 'Not Found' }
      }
    } catch (err) {
      const e = err as { status?: number; expose?: boolean; message?: string }
      const status = typeof e.status === 'number' && e.status >= 400 && e.status < 600 ? e.status : 500
      ctx.status = status
      ctx.body = { error: e.expose && status < 500 ? e.message : 'Internal Server Error' }
      if (status >= 500) log.error('http request failed', { method: ctx.method, path: ctx.path, err })
    }
  }
}
