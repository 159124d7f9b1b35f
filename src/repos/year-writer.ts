import type { Models } from './models'
import { createYearLedgerStore, ledgerKeyOf, type YearState } from './year-ledger-store'
import { createTtlCache } from './ttl-cache'
import { createKeyedLock } from './keyed-lock'

type Owner = { id: string; orgId: string }
export type YearChange = (state: YearState) => (Pick<YearState, 'items' | 'pending'> & { activeAt?: Date }) | undefined

const MAX_ATTEMPTS = 20

/**
 * Every change to her year goes through `change`: read (or take this process's copy), compute, write by
 * compare-and-set, and on a lost race read again and recompute. Consistency rule of the copy kept in
 * memory: it is only ever the starting point of a compare-and-set (a stale copy fails it and is read
 * again) and what name matching reads; whatever shows her anything reads the document (`fresh`).
 */
export function createYearWriter(models: Models, options: { cacheSize?: number } = {}) {
  const store = createYearLedgerStore(models)
  const copies = createTtlCache<string, YearState>(24 * 60 * 60_000, options.cacheSize ?? 2_000)
  const lock = createKeyedLock()

  const remember = (key: string, state: YearState) => (copies.set(key, state), state)
  const current = async (key: string) => copies.get(key) ?? remember(key, await store.read(key))

  /** Applies `fn` to her year (nothing is written when it returns undefined); returns her year after it. */
  function change(owner: Owner, year: number, fn: YearChange): Promise<{ state: YearState; changed: boolean }> {
    const key = ledgerKeyOf(owner.id, year)
    return lock(key, async () => {
      let state = await current(key)
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const next = fn(state)
        if (!next) return { state, changed: false }
        if (await store.write(owner, year, state, next))
          return {
            state: remember(key, { items: next.items, pending: next.pending, v: state.v + 1, exists: true }),
            changed: true,
          }
        state = remember(key, await store.read(key))
      }
      throw new Error(`ledger ${key}: still changing after ${MAX_ATTEMPTS} attempts`)
    })
  }

  /** Her year as stored now (one read by key). */
  function fresh(memberId: string, year: number): Promise<YearState> {
    const key = ledgerKeyOf(memberId, year)
    return lock(key, async () => remember(key, await store.read(key)))
  }

  /** Her year as this process last saw it (read once if never). */
  function recalled(memberId: string, year: number): Promise<YearState> {
    return current(ledgerKeyOf(memberId, year))
  }

  /** Drops this process's copy (another process wrote, as far as it can tell). */
  function forget(memberId: string, year: number): void {
    copies.delete(ledgerKeyOf(memberId, year))
  }

  return { change, fresh, recalled, forget, store }
}

export type YearWriter = ReturnType<typeof createYearWriter>
