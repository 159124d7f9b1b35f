import type { Models } from './models'
import type { PendingQuestion } from '../domain/proposal'
import type { LedgerItem } from '../domain/ledger'
import { createYearLedgerStore, ledgerKeyOf, type YearState } from './year-ledger-store'
import { createTtlCache } from './ttl-cache'
import { createKeyedLock } from './keyed-lock'

type Owner = { id: string; orgId: string }
const MAX_ATTEMPTS = 20

/**
 * Her year as this process works with it: one lock per year, so this process's writes to it go one at a
 * time, and a copy of it. Consistency rule of the copy: it is only ever the starting point of a write that
 * checks it (a slot insert, a compare-and-set), so a stale copy costs a read and a retry, never a wrong
 * write; and what name matching reads. Whatever shows her anything reads the document (`fresh`).
 */
export function createYearWriter(
  models: Models,
  options: {
    cacheSize?: number
    /** Told of her year each time this process writes or reads it (the leaders' standings keep up). */
    onState?: (memberId: string, year: number, state: YearState) => void
  } = {},
) {
  const store = createYearLedgerStore(models)
  const copies = createTtlCache<string, YearState>(24 * 60 * 60_000, options.cacheSize ?? 2_000)
  const lock = createKeyedLock()

  const remember = (key: string, state: YearState) => {
    copies.set(key, state)
    if (options.onState && state.exists) {
      const at = key.lastIndexOf(':')
      options.onState(key.slice(0, at), Number(key.slice(at + 1)), state)
    }
    return state
  }
  const current = async (key: string) => copies.get(key) ?? remember(key, await store.read(key))
  const reread = async (key: string) => remember(key, await store.read(key))

  /** Changes her questions (nothing is written when `fn` returns undefined); returns her year after it. */
  function changeQuestions(
    owner: Owner,
    year: number,
    fn: (state: YearState) => { pending: PendingQuestion[]; activeAt?: Date } | undefined,
  ): Promise<{ state: YearState; changed: boolean }> {
    const key = ledgerKeyOf(owner.id, year)
    return lock(key, async () => {
      let state = await current(key)
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const next = fn(state)
        if (!next) return { state, changed: false }
        if (await store.writeQuestions(owner, year, state, next.pending, next.activeAt)) {
          const after = { ...state, exists: true, qv: state.qv + 1, pending: next.pending }
          return { state: remember(key, after), changed: true }
        }
        state = await reread(key)
      }
      throw new Error(`ledger ${key}: questions still changing after ${MAX_ATTEMPTS} attempts`)
    })
  }

  /** The recount's rewrite of her records (compare-and-set on `v`); false when nothing needed writing. */
  function repair(owner: Owner, year: number, items: LedgerItem[], same: (s: YearState) => boolean): Promise<boolean> {
    const key = ledgerKeyOf(owner.id, year)
    return lock(key, async () => {
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const state = await reread(key)
        if (same(state)) return false
        if (await store.writeRepair(owner, year, state, items)) {
          remember(key, { ...state, exists: true, v: state.v + 1, items })
          return true
        }
      }
      throw new Error(`ledger ${key}: still changing after ${MAX_ATTEMPTS} attempts`)
    })
  }

  return {
    lock,
    store,
    current,
    remember,
    reread,
    changeQuestions,
    repair,
    /** Her year as stored now (one read by key). */
    fresh: (memberId: string, year: number) => {
      const key = ledgerKeyOf(memberId, year)
      return lock(key, () => reread(key))
    },
    /** Her year as this process last saw it (read once if never). */
    recalled: (memberId: string, year: number) => current(ledgerKeyOf(memberId, year)),
    /** Drops this process's copy (another process wrote, as far as it can tell). */
    forget: (memberId: string, year: number) => void copies.delete(ledgerKeyOf(memberId, year)),
  }
}

export type YearWriter = ReturnType<typeof createYearWriter>
