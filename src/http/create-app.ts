import Koa from 'koa'
import Router from '@koa/router'
import type { Logger } from '../logger'
import { errorMiddleware } from './error-middleware'

export interface AppDeps {
  ping(): Promise<boolean>
  wechatLoggedIn(): boolean
  log: Logger
}

/** Builds the HTTP app without listening, so tests drive it directly. */
export function createApp(deps: AppDeps): Koa {
  const app = new Koa()
  const router = new Router()

  router.get('/healthz', async (ctx) => {
    const ok = await deps.ping()
    ctx.status = ok ? 200 : 503
    // `ok` speaks for the database only; WeChat's login state is reported beside it.
    ctx.body = { ok, database: ok ? 'up' : 'down', wechat: deps.wechatLoggedIn() ? 'loggedIn' : 'loggedOut' }
  })

  app.use(errorMiddleware(deps.log))
  app.use(router.routes())
  app.use(router.allowedMethods())
  return app
}
