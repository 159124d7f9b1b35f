/** Every API route against an admin, a chair of one district, a bad token and none. */
import { openTestDb, type TestDb } from '../support/test-db'
import { startApp } from '../support/start-app'
import { createThrottle } from '../../src/http/credential-throttle'
import { registerRoster } from '../support/fixtures'

const ADMIN = 'matrix-admin-token-000001'
let db: TestDb
let server: Awaited<ReturnType<typeof startApp>>
let base: string
let chair: string

type Caller = 'admin' | 'chair' | 'bad' | 'none'
const ROUTES: [string, string, string | undefined, Record<Caller, number>][] = [
  ['GET', '/api/v1/me', undefined, { admin: 200, chair: 200, bad: 401, none: 401 }],
  ['GET', '/api/v1/progress', undefined, { admin: 200, chair: 200, bad: 401, none: 401 }],
  ['GET', '/api/v1/progress?org=襄城区', undefined, { admin: 200, chair: 403, bad: 401, none: 401 }],
  ['GET', '/api/v1/summary', undefined, { admin: 200, chair: 200, bad: 401, none: 401 }],
  ['GET', '/api/v1/orgs', undefined, { admin: 200, chair: 200, bad: 401, none: 401 }],
  ['GET', '/api/v1/groups', undefined, { admin: 200, chair: 200, bad: 401, none: 401 }],
  ['GET', '/api/v1/notices', undefined, { admin: 200, chair: 200, bad: 401, none: 401 }],
  ['GET', '/api/v1/needs', undefined, { admin: 200, chair: 200, bad: 401, none: 401 }],
  ['GET', '/api/v1/review/2026.xlsx', undefined, { admin: 200, chair: 200, bad: 401, none: 401 }],
  ['GET', '/api/v1/review/2026.csv?org=襄城区', undefined, { admin: 200, chair: 403, bad: 401, none: 401 }],
  ['GET', '/api/v1/duty-reports/2026.docx', undefined, { admin: 200, chair: 200, bad: 401, none: 401 }],
  ['GET', '/api/v1/duty-reports/2026.html?org=襄城区', undefined, { admin: 200, chair: 403, bad: 401, none: 401 }],
  [
    'PUT',
    '/api/v1/review-rule',
    '{"org":"樊城区","excellent":8,"pass":6,"basic":4}',
    { admin: 200, chair: 403, bad: 401, none: 401 },
  ],
  [
    'POST',
    '/api/v1/members/import',
    '姓名,角色,单位\n新人,执委,樊城区',
    { admin: 200, chair: 403, bad: 401, none: 401 },
  ],
  [
    'POST',
    '/api/v1/members/import?preview=1',
    '姓名,角色,单位\n新人乙,执委,樊城区',
    { admin: 200, chair: 403, bad: 401, none: 401 },
  ],
  [
    'POST',
    '/api/v1/representatives/import?preview=1',
    '姓名,单位\n刘翠花,樊城区',
    { admin: 200, chair: 403, bad: 401, none: 401 },
  ],
  ['GET', '/api/v1/members?org=樊城区', undefined, { admin: 200, chair: 403, bad: 401, none: 401 }],
  ['GET', '/api/v1/members/import/jobs', undefined, { admin: 200, chair: 403, bad: 401, none: 401 }],
  [
    'GET',
    '/api/v1/members/import/jobs/0123456789abcdef01234567',
    undefined,
    { admin: 404, chair: 403, bad: 401, none: 401 },
  ],
  [
    'POST',
    '/api/v1/members/0123456789abcdef01234567/move',
    '{"org":"樊城区"}',
    { admin: 404, chair: 403, bad: 401, none: 401 },
  ],
  [
    'POST',
    '/api/v1/members/0123456789abcdef01234567/bind-code',
    undefined,
    { admin: 404, chair: 403, bad: 401, none: 401 },
  ],
  [
    'DELETE',
    '/api/v1/members/0123456789abcdef01234567/wechat',
    undefined,
    { admin: 404, chair: 403, bad: 401, none: 401 },
  ],
  [
    'POST',
    '/api/v1/tokens',
    '{"role":"chair","org":"樊城区","label":"x"}',
    { admin: 201, chair: 403, bad: 401, none: 401 },
  ],
  ['GET', '/api/v1/tokens', undefined, { admin: 200, chair: 403, bad: 401, none: 401 }],
  ['DELETE', '/api/v1/tokens/0123456789abcdef', undefined, { admin: 404, chair: 403, bad: 401, none: 401 }],
  ['PUT', '/api/v1/counting', '{"org":"樊城区","chairs":false}', { admin: 200, chair: 403, bad: 401, none: 401 }],
  ['GET', '/api/v1/audit', undefined, { admin: 200, chair: 403, bad: 401, none: 401 }],
  ['GET', '/api/v1/openapi.json', undefined, { admin: 200, chair: 200, bad: 200, none: 200 }],
  ['GET', '/metrics', undefined, { admin: 200, chair: 200, bad: 200, none: 200 }],
  ['GET', '/healthz', undefined, { admin: 200, chair: 200, bad: 200, none: 200 }],
]

beforeAll(async () => {
  db = await openTestDb()
  await db.repos.tokens.bootstrap(ADMIN, new Date())
  const people = await registerRoster(db.repos, [
    { name: '王主席', role: 'chair', org: '樊城区', parent: '襄阳市' },
    { name: '刘四', role: 'executive', org: '襄城区', parent: '襄阳市' },
  ])
  chair = await db.repos.tokens.issue({ role: 'chair', orgId: people['王主席']!.orgId, label: '王主席' }, new Date())
  // The 'bad' caller's wrong tokens would slow every later call from this address by up to 3 s:
  // this matrix is about who may see what, so the throttle's clock jumps forward instead of sleeping.
  let skipped = 0
  const throttle = createThrottle(
    () => Date.now() + skipped,
    async (ms) => void (skipped += ms),
  )
  server = await startApp(db.repos, { throttle })
  base = server.base
})
afterAll(async () => {
  await server.close()
  await db.close()
})

const cases = ROUTES.flatMap(([method, path, body, expected]) =>
  (['admin', 'chair', 'bad', 'none'] as Caller[]).map(
    (caller) => [method, path, caller, body, expected[caller]] as const,
  ),
)

describe('API authorization matrix', () => {
  it.each(cases)('%s %s as %s', async (method, path, caller, body, status) => {
    const token = { admin: ADMIN, chair, bad: 'not-a-token', none: undefined }[caller]
    const res = await fetch(base + path, {
      method,
      body,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body?.startsWith('{') ? { 'content-type': 'application/json' } : {}),
      },
    })
    expect(res.status).toBe(status)
  })
})
