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

async function get(repos: Repos, path: string) {
  const server = await startApiServer(repos)
  try {
    const res = await fetch(server.base + path)
    return { status: res.status, body: await res.json() }
  } finally {
    await server.close()
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
