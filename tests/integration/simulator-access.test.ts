/**
 * Who may reach the simulator and make changes: loopback by default, a token when exposed, and no
 * state-changing request on behalf of a page from another site.
 */
import { request } from 'node:http'
import { openTestDb, type TestDb } from '../support/test-db'
import { startApp } from '../support/start-app'
import type { SimulatorApi } from '../../src/http/page-routes'

const ADMIN = 'simulator-access-admin-0001'
const SIM_TOKEN = 'simulator-token-0123456789'
let db: TestDb
let server: Awaited<ReturnType<typeof startApp>> | undefined
let said: { from: string; text: string }[]

/** The running simulator is this test's neighbour; what matters here is who gets through to it. */
const simulator: SimulatorApi = {
  people: async () => [{ name: '李干部', role: 'admin', org: '襄阳市' }],
  rooms: () => ['襄阳市执委工作交流群'],
  say: async (m) => void said.push(m),
  messages: () => [],
  file: () => undefined,
}

beforeAll(async () => {
  db = await openTestDb()
  await db.repos.tokens.bootstrap(ADMIN, new Date())
})
beforeEach(() => {
  said = []
})
afterEach(async () => {
  await server?.close()
  server = undefined
})
afterAll(async () => {
  await db.close()
})

const notice = JSON.stringify({ from: '李干部', text: '#通知 全部 明天放假', room: '襄阳市执委工作交流群' })
const say = (headers: Record<string, string>) =>
  fetch(server!.base + '/simulator/api/say', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: notice,
  })

/** node:http, because fetch will not send a Host header of our choosing. */
function getWithHost(path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port: server!.port, path, headers: { host } }, (res) => {
      res.resume()
      resolve(res.statusCode!)
    })
      .on('error', reject)
      .end()
  })
}

describe('without SIMULATOR_TOKEN', () => {
  it('answers at localhost, and refuses a page from another site that posts as 李干部', async () => {
    server = await startApp(db.repos, { simulator })
    expect((await fetch(server.base + '/simulator/api/state')).status).toBe(200)
    const cross = await say({ origin: 'http://evil.example' })
    expect(cross.status).toBe(403)
    expect((await say({ referer: 'http://evil.example/page.html' })).status).toBe(403)
    expect((await say({ origin: 'null' })).status).toBe(403)
    expect(said).toEqual([])
    expect((await say({ origin: server.base })).status).toBe(200)
    expect((await say({})).status).toBe(200)
    expect(said).toHaveLength(2)
  })

  it('refuses a request addressed to another name (DNS rebinding to 127.0.0.1)', async () => {
    server = await startApp(db.repos, { simulator })
    expect(await getWithHost('/simulator/api/state', `evil.example:${server.port}`)).toBe(403)
    expect(await getWithHost('/simulator/api/state', `localhost:${server.port}`)).toBe(200)
  })
})

describe('with SIMULATOR_TOKEN', () => {
  it('asks for the token on every simulator call', async () => {
    server = await startApp(db.repos, { simulator, simulatorToken: SIM_TOKEN })
    const state = (token?: string) =>
      fetch(server!.base + '/simulator/api/state', { headers: token ? { authorization: `Bearer ${token}` } : {} })
    expect((await state()).status).toBe(401)
    expect((await state('wrong-token')).status).toBe(401)
    expect((await state(SIM_TOKEN)).status).toBe(200)
    expect((await say({})).status).toBe(401)
    expect((await say({ authorization: `Bearer ${SIM_TOKEN}`, origin: 'http://evil.example' })).status).toBe(403)
    expect((await say({ authorization: `Bearer ${SIM_TOKEN}` })).status).toBe(200)
    expect(said).toHaveLength(1)
  })
})

describe('the API', () => {
  it('refuses a state-changing call from another origin, even with a valid token; curl without Origin passes', async () => {
    server = await startApp(db.repos)
    await db.repos.orgs.ensure('襄阳市')
    const put = (headers: Record<string, string>) =>
      fetch(server!.base + '/api/v1/review-rule', {
        method: 'PUT',
        headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ org: '襄阳市', excellent: 8, pass: 6, basic: 4 }),
      })
    expect((await put({ origin: 'http://evil.example' })).status).toBe(403)
    expect((await put({ referer: 'https://evil.example/x' })).status).toBe(403)
    expect((await put({ origin: server.base })).status).toBe(200)
    expect((await put({})).status).toBe(200)
  })
})
