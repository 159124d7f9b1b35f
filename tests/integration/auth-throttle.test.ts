/**
 * The wrong-token slowdown against the three bypasses that once worked: a fresh X-Forwarded-For per
 * guess, guesses in parallel, and a valid token resetting the count. Each test runs its own server.
 */
import { openTestDb, type TestDb } from '../support/test-db'
import { startApp } from '../support/start-app'
import { delayAfter } from '../../src/http/credential-throttle'

const ADMIN = 'throttle-admin-token-00001'
let db: TestDb
let server: Awaited<ReturnType<typeof startApp>> | undefined

beforeAll(async () => {
  db = await openTestDb()
  await db.repos.tokens.bootstrap(ADMIN, new Date())
})
afterEach(async () => {
  await server?.close()
  server = undefined
})
afterAll(async () => {
  await db.close()
})

const guess = (token: string, headers: Record<string, string> = {}) =>
  fetch(server!.base + '/api/v1/me', { headers: { authorization: `Bearer ${token}`, ...headers } })

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const t = Date.now()
  const result = await work()
  return { result, ms: Date.now() - t }
}

/** What n wrong guesses in a row must wait at least, in all: 0 + 50 + 100 + … */
const floor = (n: number) => Array.from({ length: n }, (_, i) => delayAfter(i)).reduce((a, b) => a + b, 0)

it('answers 401 without a token at once, and slows repeated wrong tokens', async () => {
  server = await startApp(db.repos)
  expect((await fetch(server.base + '/api/v1/me')).status).toBe(401)
  const { ms } = await timed(async () => {
    for (let i = 0; i < 5; i++) expect((await guess('wrong')).status).toBe(401)
  })
  expect(ms).toBeGreaterThanOrEqual(floor(5))
})

it('is not bypassed by a fresh X-Forwarded-For per guess when no proxy is trusted', async () => {
  server = await startApp(db.repos)
  const { ms } = await timed(async () => {
    for (let i = 0; i < 5; i++) expect((await guess('wrong', { 'x-forwarded-for': `203.0.113.${i}` })).status).toBe(401)
  })
  expect(ms).toBeGreaterThanOrEqual(floor(5))
})

it('behind a trusted proxy, keys on the address the proxy saw, not what the client wrote before it', async () => {
  server = await startApp(db.repos, { trustProxy: 1 })
  const { ms } = await timed(async () => {
    for (let i = 0; i < 5; i++) {
      expect((await guess('wrong', { 'x-forwarded-for': `203.0.113.${i}, 198.51.100.7` })).status).toBe(401)
    }
  })
  expect(ms).toBeGreaterThanOrEqual(floor(5))
  // Another client behind the same proxy is not slowed by the first one's guesses.
  const other = await timed(() => guess(ADMIN, { 'x-forwarded-for': '198.51.100.8' }))
  expect(other.result.status).toBe(200)
  expect(other.ms).toBeLessThan(delayAfter(5))
})

it('serialises guesses sent in parallel: a right one among them answers no sooner than its turn', async () => {
  server = await startApp(db.repos)
  const t = Date.now()
  const wrong = Array.from({ length: 5 }, () => guess('wrong'))
  await new Promise((r) => setTimeout(r, 50))
  const right = await guess(ADMIN)
  expect(right.status).toBe(200)
  expect(Date.now() - t).toBeGreaterThanOrEqual(floor(5))
  expect((await Promise.all(wrong)).map((r) => r.status)).toEqual([401, 401, 401, 401, 401])
})

it('does not forget earlier failures when a valid token comes from the same address', async () => {
  server = await startApp(db.repos)
  for (let i = 0; i < 5; i++) await guess('wrong')
  const valid = await timed(() => guess(ADMIN))
  expect(valid.result.status).toBe(200)
  expect(valid.ms).toBeGreaterThanOrEqual(delayAfter(5))
  const next = await timed(() => guess('wrong'))
  expect(next.result.status).toBe(401)
  expect(next.ms).toBeGreaterThanOrEqual(delayAfter(5))
})

it('does not slow a token that signed in before, however many wrong ones its address sends (HT-06)', async () => {
  server = await startApp(db.repos)
  expect((await guess(ADMIN)).status).toBe(200)
  for (let i = 0; i < 8; i++) expect((await guess(`wrong-${i}-xxxxxxxxxxxxxxxx`)).status).toBe(401)
  for (let i = 0; i < 3; i++) {
    const valid = await timed(() => guess(ADMIN))
    expect(valid.result.status).toBe(200)
    expect(valid.ms).toBeLessThan(delayAfter(5))
  }
  // The guesser is still slowed.
  const next = await timed(() => guess('wrong-again-xxxxxxxxxxxx'))
  expect(next.ms).toBeGreaterThanOrEqual(delayAfter(5))
})
