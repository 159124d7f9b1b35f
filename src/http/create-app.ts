import Koa from 'koa'
import Router from '@koa/router'
import type { Logger } from '../logger'
import type { Repos } from '../repos/create-repos'
import type { Clock } from '../clock'
import { errorMiddleware } from './error-middleware'
import { bearerAuth } from './auth'
import { createThrottle, type Throttle } from './credential-throttle'
import { apiRoutes } from './api-routes'
import { openApiDocument } from './openapi'
import { pageRoutes, type SimulatorApi } from './page-routes'
import { sameOrigin } from './same-origin'
import { securityHeaders } from './security-headers'
import { simulatorGuard } from './simulator-guard'
import type { Metrics } from './metrics'

export interface AppDeps {
  repos: Repos
  clock: Clock
  tz: string
  wechatLoggedIn(): boolean
  /** Messages the journal still holds, and since when their replay waits for the database. */
  journalHealth?: () => { waiting: number; failingSince: Date | null } | undefined
  log: Logger
  metrics: Metrics
  /** Present when the built-in simulator runs: the chat page talks to it. */
  simulator?: SimulatorApi
  /** Reverse proxies in front whose X-Forwarded-For is believed (TRUST_PROXY); none by default. */
  trustProxy?: number
  /** When set, the simulator's API asks for it; when not, it answers only on localhost. */
  simulatorToken?: string
  /** The wrong-credential slowdown; tests of who may see what pass one whose time runs faster. */
  throttle?: Throttle
  /** Roster rows written within the import's request (see import-routes). */
  importInlineRows?: number
}

/** Builds the HTTP app without listening, so tests drive it directly. */
export function createApp(deps: AppDeps): Koa {
  const app = new Koa()
  // Behind N proxies, the client is the Nth address from the right of X-Forwarded-For; anything to
  // its left was written by the client. Without a proxy the header is the client's own invention.
  app.proxy = (deps.trustProxy ?? 0) > 0
  app.maxIpsCount = deps.trustProxy ?? 0
  const throttle = deps.throttle ?? createThrottle()
  const router = new Router()

  router.get('/healthz', async (ctx) => {
    const ok = await deps.repos.ping()
    ctx.status = ok ? 200 : 503
    // `ok` speaks for the database answering a ping; WeChat's login state and the journal are reported
    // beside it. Messages whose replay has waited over a minute (the database answers pings but not
    // their writes, or not at all) make the status "degraded".
    const journal = deps.journalHealth?.()
    const stuck = !!journal?.failingSince && Date.now() - journal.failingSince.getTime() > 60_000
    ctx.body = {
      ok,
      status: ok && !stuck ? 'ok' : 'degraded',
      database: ok ? 'up' : 'down',
      wechat: deps.wechatLoggedIn() ? 'loggedIn' : 'loggedOut',
      ...(journal
        ? { journal: { waiting: journal.waiting, failingSince: journal.failingSince?.toISOString() ?? null } }
        : {}),
    }
  })

  router.get('/metrics', async (ctx) => {
    const depth = await deps.repos.outbox.depth().catch(() => -1)
    ctx.type = deps.metrics.contentType
    ctx.body = await deps.metrics.render({ sendQueueDepth: depth, wechatLoggedIn: deps.wechatLoggedIn() })
  })

  router.get('/api/v1/openapi.json', (ctx) => {
    ctx.body = openApiDocument()
  })

  const api = apiRoutes(deps)
  app.use(securityHeaders())
  app.use(errorMiddleware(deps.log))
  app.use(sameOrigin())
  app.use(router.routes())
  app.use(router.allowedMethods())
  const pages = pageRoutes(deps.simulator, simulatorGuard(deps.simulatorToken, throttle))
  app.use(pages.routes())
  app.use(pages.allowedMethods())
  const auth = bearerAuth(deps.repos.tokens, throttle)
  app.use(async (ctx, next) => (ctx.path.startsWith('/api/v1/') ? auth(ctx, next) : next()))
  app.use(api.routes())
  app.use(api.allowedMethods())
  return app
}
