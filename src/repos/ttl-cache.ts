/**
 * A small in-process cache: entries expire after `ttlMs` and the oldest go first past `max`. The
 * message path reads who a WeChat id is and what a group is from here; writes in this process
 * invalidate at once, other processes see a change within `ttlMs`.
 */
export interface TtlCache<K, V> {
  get(key: K): V | undefined
  has(key: K): boolean
  set(key: K, value: V): void
  delete(key: K): void
  clear(): void
}

export function createTtlCache<K, V>(ttlMs: number, max: number, now: () => number = Date.now): TtlCache<K, V> {
  const entries = new Map<K, { value: V; until: number }>()
  const fresh = (key: K) => {
    const entry = entries.get(key)
    if (!entry) return undefined
    if (entry.until <= now()) {
      entries.delete(key)
      return undefined
    }
    return entry
  }
  return {
    get: (key) => fresh(key)?.value,
    has: (key) => fresh(key) !== undefined,
    set(key, value) {
      entries.delete(key)
      entries.set(key, { value, until: now() + ttlMs })
      if (entries.size > max) entries.delete(entries.keys().next().value as K)
    },
    delete: (key) => void entries.delete(key),
    clear: () => entries.clear(),
  }
}
