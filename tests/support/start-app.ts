import type { AddressInfo } from 'node:net'
import { createApp, type AppDeps } from '../../src/http/create-app'
import { createMetrics } from '../../src/http/metrics'
import { silentLogger } from '../../src/logger'
import { systemClock } from '../../src/clock'
import type { Repos } from '../../src/repos/create-repos'

/** The HTTP app on a loopback port, with the given options (trusted proxies, a simulator, its token). */
export async function startApp(
  repos: Repos,
  options: Partial<AppDeps> = {},
): Promise<{ base: string; port: number; close(): Promise<void> }> {
  const app = createApp({
    repos,
    clock: systemClock,
    tz: 'Asia/Shanghai',
    wechatLoggedIn: () => true,
    log: silentLogger,
    metrics: createMetrics(),
    ...options,
  })
  const server = app.listen(0, '127.0.0.1')
  server.keepAliveTimeout = 60_000 // see api-server.ts: no ECONNRESET when a test pauses between requests
  await new Promise((r) => server.once('listening', r))
  const port = (server.address() as AddressInfo).port
  return { base: `http://127.0.0.1:${port}`, port, close: () => new Promise((r) => server.close(() => r())) }
}
