/** Every JSON body goes through readJson: bad input is a 400 (413 when too large) that says what to fix, never a 500. */
import { openTestDb, type TestDb } from '../support/test-db'
import { startApiServer } from '../support/api-server'
import { registerRoster } from '../support/fixtures'

const ADMIN = 'json-body-admin-token-0001'
let db: TestDb
let server: Awaited<ReturnType<typeof startApiServer>>

beforeAll(async () => {
  db = await openTestDb()
  await db.repos.tokens.bootstrap(ADMIN, new Date())
  await registerRoster(db.repos, [{ name: '王主席', role: 'chair', org: '樊城区', parent: '襄阳市' }])
  server = await startApiServer(db.repos)
})
afterAll(async () => {
  await server.close()
  await db.close()
})

const send = (method: string, path: string, body: string, type: string | null = 'application/json') =>
  fetch(server.base + path, {
    method,
    body,
    headers: { authorization: `Bearer ${ADMIN}`, ...(type ? { 'content-type': type } : {}) },
  })

describe.each([
  ['PUT', '/api/v1/review-rule', '{"org":"樊城区","excellent":8,"pass":6,"basic":4}'],
  ['POST', '/api/v1/tokens', '{"role":"chair","org":"樊城区","label":"樊城区主席"}'],
  ['PUT', '/api/v1/counting', '{"org":"樊城区","chairs":false}'],
])('%s %s', (method, path, good) => {
  it('accepts a good body', async () => {
    expect((await send(method, path, good)).status).toBeLessThan(300)
  })

  it.each([
    ['unparsable JSON', '{"org": 樊城区', 'application/json', 400, /not valid JSON/],
    ['an empty body', '', 'application/json', 400, /not valid JSON/],
    [
      'a form instead of JSON',
      'org=樊城区',
      'application/x-www-form-urlencoded',
      400,
      /Content-Type: application\/json/,
    ],
    ['text/plain', good, 'text/plain', 400, /Content-Type: application\/json/],
    ['a JSON array', '[1,2]', 'application/json', 400, /Invalid input/],
    ['a field of the wrong type', good.replace('"樊城区"', '7'), 'application/json', 400, /Invalid org/],
    ['too large a body', JSON.stringify({ org: 'x'.repeat(20_000) }), 'application/json', 413, /larger than/],
  ])('answers %s with a readable error', async (_what, body, type, status, message) => {
    const res = await send(method, path, body, type)
    expect(res.status).toBe(status)
    expect(((await res.json()) as { error: string }).error).toMatch(message)
  })
})

it('describes the bodies it reads in the OpenAPI document, from the same schemas', async () => {
  type Doc = {
    paths: Record<
      string,
      Record<string, { requestBody: { content: Record<string, { schema: { properties: Record<string, unknown> } }> } }>
    >
  }
  const doc = (await (await fetch(server.base + '/api/v1/openapi.json')).json()) as Doc
  const schemaOf = (path: string, method: string) =>
    doc.paths[path]![method]!.requestBody.content['application/json']!.schema
  expect(schemaOf('/api/v1/review-rule', 'put')).toMatchObject({
    type: 'object',
    required: ['org', 'excellent', 'pass', 'basic'],
    // Up to 20 items: the eight and at most twelve a unit adds to its checklist.
    properties: { excellent: { type: 'integer', minimum: 0, maximum: 20 } },
  })
  expect(schemaOf('/api/v1/checklist', 'put')).toMatchObject({ type: 'object', required: ['org', 'config'] })
  expect(schemaOf('/api/v1/tokens', 'post').properties.role).toEqual({ type: 'string', enum: ['admin', 'chair'] })
})
