import { connectDatabase } from '../../src/repos/connect'
import { createRepos, type Repos } from '../../src/repos/create-repos'
import { openTestDb, type TestDb } from '../support/test-db'
import { startApiServer } from '../support/api-server'

let db: TestDb

beforeAll(async () => {
  db = await openTestDb()
})
afterAll(async () => {
  await db.close()
})

async function get(repos: Repos, path: string, more: Parameters<typeof startApiServer>[1] = {}) {
  const server = await startApiServer(repos, more)
  try {
    const res = await fetch(server.base + path)
    return { status: res.status, body: await res.json() }
  } finally {
    await server.close()
  }
}

describe('security headers', () => {
  const expectHardened = (headers: Headers) => {
    expect(headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(headers.get('content-security-policy')).not.toContain('unsafe-inline')
    expect(headers.get('x-frame-options')).toBe('DENY')
    expect(headers.get('x-content-type-options')).toBe('nosniff')
    expect(headers.get('referrer-policy')).toBe('same-origin')
    expect(headers.get('cross-origin-opener-policy')).toBe('same-origin')
    expect(headers.get('cross-origin-resource-policy')).toBe('same-origin')
    // From helmet's current set, beyond what the hand-written list had.
    expect(headers.get('x-permitted-cross-domain-policies')).toBe('none')
    expect(headers.get('origin-agent-cluster')).toBe('?1')
    // Off on purpose (see security-headers.ts): plain HTTP on a LAN address must keep working.
    expect(headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests')
    expect(headers.get('strict-transport-security')).toBeNull()
  }

  it('are on a page, its script, an API answer and error answers', async () => {
    const token = 'http-test-admin-token-0001'
    await db.repos.tokens.bootstrap(token, new Date())
    const server = await startApiServer(db.repos)
    try {
      const page = await fetch(server.base + '/dashboard')
      expect(page.status).toBe(200)
      expect(await page.text()).not.toMatch(/<script>|<style>|style="/)
      expectHardened(page.headers)
      const script = await fetch(server.base + '/assets/dashboard.js')
      expect(script.headers.get('content-type')).toMatch(/^application\/javascript/)
      expectHardened(script.headers)
      const api = await fetch(server.base + '/api/v1/me', { headers: { authorization: `Bearer ${token}` } })
      expect(api.status).toBe(200)
      expectHardened(api.headers)
      expect(api.headers.get('cache-control')).toBe('no-store')
      for (const [path, status] of [
        ['/api/v1/me', 401],
        ['/nope', 404],
        ['/assets/../config.ts', 404],
      ] as const) {
        const res = await fetch(server.base + path)
        expect(res.status).toBe(status)
        expectHardened(res.headers)
      }
    } finally {
      await server.close()
    }
  })
})

describe('GET /healthz', () => {
  it('is 200 while the database answers', async () => {
    expect(await get(db.repos, '/healthz')).toEqual({
      status: 200,
      body: { ok: true, status: 'ok', database: 'up', wechat: 'loggedIn' },
    })
  })

  it('says "degraded" while journaled messages have waited over a minute for the database', async () => {
    const failingSince = new Date(Date.now() - 90_000)
    expect(await get(db.repos, '/healthz', { journalHealth: () => ({ waiting: 3, failingSince }) })).toEqual({
      status: 200,
      body: {
        ok: true,
        status: 'degraded',
        database: 'up',
        wechat: 'loggedIn',
        journal: { waiting: 3, failingSince: failingSince.toISOString() },
      },
    })
    const lately = { waiting: 1, failingSince: new Date() }
    expect(await get(db.repos, '/healthz', { journalHealth: () => lately })).toMatchObject({ body: { status: 'ok' } })
  })

  it('is 503 when the database does not answer', async () => {
    const conn = await connectDatabase(db.uri, db.dbName)
    const repos = createRepos(conn)
    await conn.close()
    expect(await get(repos, '/healthz')).toMatchObject({ status: 503, body: { ok: false, database: 'down' } })
  })

  it('answers an unknown path with a JSON 404, not a crash', async () => {
    expect((await get(db.repos, '/nope')).status).toBe(404)
  })
})
