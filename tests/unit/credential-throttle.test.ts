import { clientKey, createThrottle, delayAfter, TooManyAttempts } from '../../src/http/credential-throttle'

/** A clock that moves only when the throttle sleeps, so timings are exact and instant. */
function fakeTime() {
  let now = 0
  const sleeps: number[] = []
  return {
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms)
      now += ms
    },
    advance: (ms: number) => (now += ms),
    sleeps,
  }
}

const wrong = async () => undefined
const right = async () => 'principal'

describe('createThrottle', () => {
  it('lets the first guess through at once and doubles the wait after each failure, up to 3 s', async () => {
    const t = fakeTime()
    const check = createThrottle(t.now, t.sleep)
    for (let i = 0; i < 9; i++) await check('a', wrong)
    expect(t.sleeps).toEqual([50, 100, 200, 400, 800, 1600, 3000, 3000])
  })

  it('queues parallel guesses one slot after another, each counted before it waits', async () => {
    const waits: number[] = []
    const check = createThrottle(
      () => 0,
      async (ms) => void waits.push(ms),
    )
    await Promise.all(Array.from({ length: 5 }, () => check('a', wrong)))
    expect(waits).toEqual([50, 150, 350, 750])
  })

  it('refuses at once, without checking, once the queue is 30 s long', async () => {
    const check = createThrottle(
      () => 0,
      async () => undefined,
    )
    const verify = jest.fn(wrong)
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, () => check('a', verify)))
    const refused = outcomes.filter((o) => o.status === 'rejected')
    expect(refused.length).toBeGreaterThan(0)
    expect((refused[0] as PromiseRejectedResult).reason).toBeInstanceOf(TooManyAttempts)
    expect(verify).toHaveBeenCalledTimes(20 - refused.length)
  })

  it('keeps failures when a valid credential comes, and forgets one per 30 s', async () => {
    const t = fakeTime()
    const check = createThrottle(t.now, t.sleep)
    for (let i = 0; i < 4; i++) await check('a', wrong)
    expect(await check('a', right)).toBe('principal')
    t.sleeps.length = 0
    t.advance(60_000)
    await check('a', wrong)
    expect(t.sleeps).toEqual([delayAfter(2)])
  })

  it('checks a credential that proved valid at once, whatever its address guessed since (HT-06)', async () => {
    const t = fakeTime()
    const check = createThrottle(t.now, t.sleep)
    expect(await check('proxy', right, 'good-token')).toBe('principal')
    for (let i = 0; i < 8; i++) await check('proxy', wrong, `wrong-${i}`)
    t.sleeps.length = 0
    for (let i = 0; i < 5; i++) expect(await check('proxy', right, 'good-token')).toBe('principal')
    expect(t.sleeps).toEqual([])
    // A credential not seen valid before still waits its turn behind the guesses.
    expect(await check('proxy', right, 'other-token')).toBe('principal')
    expect(t.sleeps).toHaveLength(1)
  })

  it('counts a once-valid credential that fails (revoked) as a failure, and queues it from then on', async () => {
    const t = fakeTime()
    const check = createThrottle(t.now, t.sleep)
    await check('a', right, 'token')
    t.sleeps.length = 0
    expect(await check('a', wrong, 'token')).toBeUndefined()
    expect(t.sleeps).toEqual([])
    await check('a', right, 'token')
    expect(t.sleeps).toEqual([delayAfter(1)])
  })

  it('keeps addresses apart', async () => {
    const t = fakeTime()
    const check = createThrottle(t.now, t.sleep)
    for (let i = 0; i < 4; i++) await check('a', wrong)
    t.sleeps.length = 0
    await check('b', wrong)
    expect(t.sleeps).toEqual([])
  })
})

describe('clientKey', () => {
  it.each([
    ['203.0.113.9', '203.0.113.9'],
    ['::ffff:203.0.113.9', '203.0.113.9'],
    ['2001:db8:1:2:aaaa:bbbb:cccc:dddd', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::5', '2001:db8:1:2::/64'],
    ['2001:0db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
  ])('%s → %s', (ip, key) => {
    expect(clientKey(ip)).toBe(key)
  })
})
