/** Tokens issued, listed and revoked by admins within their subtree, and the audit trail of a subtree only. */
import { openTestDb, type TestDb } from '../support/test-db'
import { startApiServer } from '../support/api-server'
import { registerRoster } from '../support/fixtures'

const ADMIN = 'tokens-admin-token-000001'
let db: TestDb
let server: Awaited<ReturnType<typeof startApiServer>>
let district: string

type Token = { ref: string; role: string; org: string | null; label: string; revocable: boolean; current: boolean }
type Entry = { who: string; action: string; org: string | null }

async function call<T = unknown>(path: string, token: string, init: RequestInit = {}) {
  const res = await fetch(server.base + path, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
  })
  const text = await res.text()
  return {
    status: res.status,
    body: (res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T,
  }
}
const issue = (token: string, role: string, org: string, label: string) =>
  call<{ token: string; ref: string }>('/api/v1/tokens', token, {
    method: 'POST',
    body: JSON.stringify({ role, org, label }),
  })

beforeAll(async () => {
  db = await openTestDb()
  await db.repos.tokens.bootstrap(ADMIN, new Date())
  await registerRoster(db.repos, [
    { name: '樊城管理员', role: 'admin', org: '樊城区', parent: '襄阳市' },
    { name: '镇主席', role: 'chair', org: '太平店镇', parent: '樊城区' },
    { name: '襄城执委', role: 'executive', org: '襄城区', parent: '襄阳市' },
  ])
  server = await startApiServer(db.repos)
  district = (await issue(ADMIN, 'admin', '樊城区', '樊城区管理员')).body.token
})
afterAll(async () => {
  await server.close()
  await db.close()
})

describe('tokens on the dashboard, in scope', () => {
  it('lets a district admin issue a chair’s token below her, shown once and stored hashed, and not elsewhere', async () => {
    const issued = await issue(district, 'chair', '太平店镇', '太平店镇主席')
    expect(issued.status).toBe(201)
    expect(issued.body.token).toMatch(/^fl_/)
    expect((await call('/api/v1/me', issued.body.token)).body).toMatchObject({ role: 'chair', org: '太平店镇' })
    const stored = await db.conn.collection('api_tokens').find({}).toArray()
    expect(JSON.stringify(stored)).not.toContain(issued.body.token)
    expect((await issue(district, 'chair', '襄城区', '越界')).status).toBe(403)
    const listed = await call<Token[]>('/api/v1/tokens', district)
    expect(listed.body.map((t) => `${t.label}:${t.org}`).sort()).toEqual([
      '太平店镇主席:太平店镇',
      '樊城区管理员:樊城区',
    ])
    expect(JSON.stringify(listed.body)).not.toContain(issued.body.token)
    expect(listed.body.find((t) => t.label === '樊城区管理员')).toMatchObject({ current: true, revocable: false })
  })

  it('revokes a token at once, but not her own, ADMIN_TOKEN or one outside her subtree', async () => {
    const chair = (await issue(district, 'chair', '太平店镇', '要吊销的')).body
    expect((await call('/api/v1/me', chair.token)).status).toBe(200)
    expect((await call(`/api/v1/tokens/${chair.ref}`, district, { method: 'DELETE' })).status).toBe(200)
    expect((await call('/api/v1/me', chair.token)).status).toBe(401)
    const all = await call<Token[]>('/api/v1/tokens', ADMIN)
    const root = all.body.find((t) => t.label === 'ADMIN_TOKEN')!
    expect(root.revocable).toBe(false)
    expect((await call(`/api/v1/tokens/${root.ref}`, ADMIN, { method: 'DELETE' })).status).toBe(400)
    expect((await call(`/api/v1/tokens/${root.ref}`, district, { method: 'DELETE' })).status).toBe(404)
    const mine = all.body.find((t) => t.label === '樊城区管理员')!
    expect((await call(`/api/v1/tokens/${mine.ref}`, district, { method: 'DELETE' })).status).toBe(400)
    const other = (await issue(ADMIN, 'chair', '襄城区', '襄城区主席')).body
    expect((await call(`/api/v1/tokens/${other.ref}`, district, { method: 'DELETE' })).status).toBe(404)
    expect((await call('/api/v1/me', other.token)).status).toBe(200)
  })
})

describe('the audit trail, in scope', () => {
  it('shows a district admin what was read of her subtree, not what the federation read elsewhere', async () => {
    const chair = (await issue(district, 'chair', '太平店镇', '镇主席令牌')).body.token
    expect((await call('/api/v1/progress?year=2026', chair)).status).toBe(200)
    expect((await call('/api/v1/progress?year=2026&org=襄城区', ADMIN)).status).toBe(200)
    expect((await call('/api/v1/review/2026.csv', ADMIN)).status).toBe(200)
    const mine = (await call<Entry[]>('/api/v1/audit', district)).body
    const actions = mine.map((e) => `${e.who}:${e.action}:${e.org}`)
    expect(actions).toContain('镇主席令牌:read progress:太平店镇')
    expect(actions).toContain('樊城区管理员:issue token:太平店镇')
    expect(mine.every((e) => e.org === '樊城区' || e.org === '太平店镇')).toBe(true)
    const everything = (await call<Entry[]>('/api/v1/audit', ADMIN)).body.map((e) => `${e.who}:${e.action}:${e.org}`)
    expect(everything).toContain('ADMIN_TOKEN:read progress:襄城区')
    expect(everything).toContain('ADMIN_TOKEN:export review:null')
  })
})
