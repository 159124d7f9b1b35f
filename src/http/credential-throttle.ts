import { createHash } from 'node:crypto'

/** A credential presented from an address that has been guessing wrong waits its turn; see createThrottle. */
export class TooManyAttempts extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('Too many failed attempts from your address; try again later.')
    this.name = 'TooManyAttempts'
  }
}

/** Wait before checking the next credential after `failures` recent failures: 0, 50 ms, 100 ms … 3 s. */
export const delayAfter = (failures: number) => (failures <= 0 ? 0 : Math.min(3_000, 50 * 2 ** (failures - 1)))

const DECAY_MS = 30_000
const MAX_QUEUE_MS = 30_000
const MAX_ADDRESSES = 10_000
/** How long a credential that proved valid is checked at once, whatever its address has been guessing. */
const GOOD_MS = 24 * 3_600_000
const MAX_GOOD = 10_000

interface Entry {
  /** Failures not yet forgotten, counting checks still in flight as failures. */
  failures: number
  /** When the failure count last decayed or last grew by a real failure. */
  since: number
  /** No credential from this address is checked before this time. */
  nextFree: number
}

/**
 * Slows credential guessing per client address. Every check from an address reserves the next slot
 * after the one before it, and counts as a failure until it proves good, so parallel guesses queue
 * up instead of running side by side, and the answer to a right guess comes no sooner than a wrong
 * one's. A good credential takes back only its own presumed failure: the address's earlier failures
 * stay and are forgotten one per 30 s. Past 30 s of queue the check is refused at once (429).
 *
 * Keyed on the credential tried as well (HT-06): one that proved valid in the last day (kept as its
 * digest, in this process) is checked at once and never waits behind its address's guesses, so wrong
 * tokens sent through a shared proxy slow the guesser, not the people behind the same address who
 * already signed in. A guess gains nothing from this: only a credential that was valid is let by, and
 * its answer (200) tells no more than its status would. Should it fail (revoked), it counts as a
 * failure of its address and is forgotten.
 */
export function createThrottle(
  now: () => number = Date.now,
  sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms)),
) {
  const entries = new Map<string, Entry>()
  const good = new Map<string, number>()
  const remember = (digest: string) => {
    good.delete(digest)
    good.set(digest, now())
    if (good.size > MAX_GOOD) good.delete(good.keys().next().value!)
  }

  function entryOf(key: string, at: number): Entry {
    const e = entries.get(key) ?? { failures: 0, since: at, nextFree: 0 }
    const periods = Math.floor((at - e.since) / DECAY_MS)
    if (periods > 0) {
      e.failures = Math.max(0, e.failures - periods)
      e.since += periods * DECAY_MS
    }
    entries.delete(key) // re-inserted last: the Map's order is least recently seen first
    entries.set(key, e)
    if (entries.size > MAX_ADDRESSES) entries.delete(entries.keys().next().value!)
    return e
  }

  return async function check<T>(
    key: string,
    verify: () => Promise<T | undefined>,
    credential?: string,
  ): Promise<T | undefined> {
    const at = now()
    const digest = credential === undefined ? undefined : createHash('sha256').update(credential).digest('base64url')
    if (digest !== undefined && (good.get(digest) ?? -Infinity) > at - GOOD_MS) {
      const result = await verify()
      if (result !== undefined) {
        remember(digest)
        return result
      }
      good.delete(digest)
      const e = entryOf(key, now())
      e.failures += 1
      e.since = Math.max(e.since, now())
      return undefined
    }
    const e = entryOf(key, at)
    const slot = Math.max(at, e.nextFree) + delayAfter(e.failures)
    if (slot - at > MAX_QUEUE_MS) throw new TooManyAttempts(Math.ceil((slot - at) / 1000))
    e.nextFree = slot
    e.failures += 1
    if (slot > at) await sleep(slot - at)
    const result = await verify()
    if (result === undefined) e.since = Math.max(e.since, now())
    else {
      e.failures = Math.max(0, e.failures - 1)
      if (digest !== undefined) remember(digest)
    }
    return result
  }
}

export type Throttle = ReturnType<typeof createThrottle>

/** The throttle's key for a client: an IPv4 address, or an IPv6 address's /64 (one subscriber's network). */
export function clientKey(ip: string): string {
  const v4 = /^(?:::ffff:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1]
  if (v4 || !ip.includes(':')) return v4 ?? ip
  const [head = '', tail = ''] = ip.toLowerCase().split('%')[0]!.split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const groups = ip.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left
  return (
    groups
      .slice(0, 4)
      .map((g) => g.replace(/^0+(?=.)/, ''))
      .join(':') + '::/64'
  )
}
