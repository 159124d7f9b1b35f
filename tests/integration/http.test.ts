import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createApp } from '../../src/http/create-app'
import { createMetrics } from '../../src/http/metrics'
import { silentLogger } from '../../src/logger'
import { systemClock } from '../../src/clock'
import { connectDatabase } from '../../src/repos/connect'
import { createRepos, type Repos } from '../../src/repos/create-repos'
import { openTestDb, type TestDb } from '../support/test-db'

let db: TestDb

beforeAll(async () => {
  db = await openTestDb()
})
afterAll(async () => {
  await db.close()
})

async function get(repos: Repos, path: string) {
  const app = createApp({
    repos,
    clock: systemClock,
    tz: 'Asia/Shanghai',
    wechatLoggedIn: () => true,
    log: silentLogger,
    metrics: createMetrics(),
  })
  const server: Server = app.listen(0, '127.0.0.1')
  await new Promise((r) => server.once('listening', r))
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`)
    return { status: res.status, body: await res.json() }
  } finally {
    server.close()
  }
}

describe('GET /healthz', () => {
  it('is 200 while the database answers', async () => {
    expect(await get(db.repos, '/healthz')).toEqual({
      status: 200,
      body: { ok: true, database: 'up', wechat: 'loggedIn' },
    })
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
