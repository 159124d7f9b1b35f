import type { AddressInfo } from 'node:net'
import { createApp } from '../../src/http/create-app'
import { createMetrics } from '../../src/http/metrics'
import { silentLogger } from '../../src/logger'
import { systemClock } from '../../src/clock'
import type { Repos } from '../../src/repos/create-repos'

/** The HTTP app on a loopback port over the given repositories (WeChat reported as logged in). */
export async function startApiServer(
  repos: Repos,
  more: Partial<Parameters<typeof createApp>[0]> = {},
): Promise<{ base: string; close(): Promise<void> }> {
  const app = createApp({
    repos,
    clock: systemClock,
    tz: 'Asia/Shanghai',
    wechatLoggedIn: () => true,
    log: silentLogger,
    metrics: createMetrics(),
    ...more,
  })
  const server = app.listen(0, '127.0.0.1')
  // Longer than any pause between a test's requests (a LibreOffice conversion takes seconds): Node's 5 s
  // default closes an idle connection just as fetch reuses it, and the request fails with ECONNRESET.
  server.keepAliveTimeout = 60_000
  await new Promise((r) => server.once('listening', r))
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((r) => server.close(() => r())),
  }
}
