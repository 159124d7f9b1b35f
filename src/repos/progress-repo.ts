import { isDeepStrictEqual } from 'node:util'
import type { Models } from './models'
import type { LedgerEventDoc } from './documents'
import type { Progress } from '../domain/entities'
import { applyChange, countLedger, type LedgerEvent, type LedgerItem } from '../domain/ledger'
import { emptyCounts, type ProgressCounts } from '../domain/progress'
import { idOf, insertOnce, isDuplicateKey, oid } from './to-plain'
import { createTtlCache } from './ttl-cache'

const keyOf = (memberId: string, year: number) => `${memberId}:${year}`
const eventId = (ledger: string, seq: number) => `${ledger}#${String(seq).padStart(6, '0')}`
const MAX_ATTEMPTS = 50

type Owner = { id: string; orgId: string }
type State = {
  owner: Owner
  year: number
  seq: number
  items: LedgerItem[]
  savedSeq: number
  /** When this process last read the stored events (Date.now()): its copy is trusted for `freshMs`. */
  readAt: number
}
export type NewEvent = Omit<LedgerEvent, 'at' | 'text' | 'note'> & { text?: string | null; note?: string | null }

/**
 * What `record` did. `created` false: this key's event was already there (it says by whom). `changed`
 * false: nothing changed (that event was in already, or there was nothing to do, such as undoing a record
 * that is gone).
 */
export interface Recorded {
  ledger: string
  created: boolean
  changed: boolean
  event: LedgerEvent
  items: LedgerItem[]
  counts: ProgressCounts
}

export interface ProgressOptions {
  /** Ledgers kept in memory; only saved ones are dropped to make room. */
  cacheSize?: number
  /** Save the snapshot after this many changes, or after `saveIdleMs` without one. */
  saveAfterChanges?: number
  saveIdleMs?: number
  /** How long a ledger read from the database is shown without looking for other processes' events. */
  freshMs?: number
}

const lastDiaryOf = (items: readonly LedgerItem[]) =>
  items.reduce<string | null>((d, i) => (i.kind === 'diary' && (!d || i.date > d) ? i.date : d), null)

/**
 * Her year of records as an append-only list of events (domain/ledger), and the counts the views read.
 *
 * Why it stays exact: event number n of her year is stored under `<member>:<year>#n`, and its key (from
 * the message) is unique too, so one insert both takes the next number and claims the message. Unique
 * inserts are atomic on every MongoDB-compatible server (FerretDB 1.x applies conditional updates without
 * isolation, and an update there costs about seven inserts): of two writers racing for a number exactly
 * one gets it, the other reads it and tries the next; the same message recorded twice finds its event.
 *
 * The snapshot (`ledgers`: items up to event n) and the counts (`progress`) are caches written behind,
 * every few events or after a short pause, never moving backwards; readers fold any later events in.
 * Within a process the events of one ledger are written one after another, so its copy in memory is
 * current, and this process's views read unsaved counts from memory.
 */
export function createProgressRepo(
  { LedgerEvent: E, Ledger: L, Progress: P, Claim }: Models,
  options: ProgressOptions = {},
) {
  const cacheSize = options.cacheSize ?? 1_000
  const saveAfter = options.saveAfterChanges ?? 32
  const idleMs = options.saveIdleMs ?? 2_000
  const freshMs = options.freshMs ?? 60_000
  const states = new Map<string, State>()
  const queues = new Map<string, Promise<unknown>>()
  const timers = new Map<string, NodeJS.Timeout>()
  const waiters = new Map<string, { seq: number; resolve: () => void }[]>()
  /** Events this process wrote or read lately, by key: a redelivery finds its event without a query. */
  const recent = createTtlCache<string, LedgerEvent>(60 * 60_000, 20_000)

  function serially<T>(ledger: string, work: () => Promise<T>): Promise<T> {
    const run = (queues.get(ledger) ?? Promise.resolve()).then(work, work)
    const tail = run.catch(() => undefined)
    queues.set(ledger, tail)
    void tail.then(() => queues.get(ledger) === tail && queues.delete(ledger))
    return run
  }

  /** Keeps a state, dropping the least recently used saved ones past the cache size. */
  function remember(ledger: string, state: State): void {
    states.delete(ledger)
    states.set(ledger, state)
    for (const [k, s] of states) {
      if (states.size <= cacheSize) break
      if (s.savedSeq === s.seq && k !== ledger) states.delete(k)
    }
  }

  const plain = (doc: LedgerEventDoc): LedgerEvent => ({
    key: doc.key,
    by: doc.by,
    messageId: doc.messageId,
    change: doc.change,
    text: doc.text ?? null,
    note: doc.note ?? null,
    at: doc.at,
  })

  /** Folds in the events after `state.seq`, reading them one by key until there is none. */
  async function catchUp(ledger: string, state: State): Promise<State> {
    let { seq, items } = state
    for (;;) {
      const doc = await E.findById(eventId(ledger, seq + 1)).lean()
      if (!doc) break
      recent.set(doc.key, plain(doc))
      items = applyChange(items, doc.change) ?? items
      seq++
    }
    return { ...state, seq, items, readAt: Date.now() }
  }

  async function load(ledger: string, owner: Owner, year: number): Promise<State> {
    const snapshot = await L.findById(ledger).lean()
    const seq = snapshot?.seq ?? 0
    return catchUp(ledger, { owner, year, seq, items: snapshot?.items ?? [], savedSeq: seq, readAt: 0 })
  }

  /** The event recorded under this key, if any: from memory, or (after a restart) by its unique key. */
  async function findEvent(key: string): Promise<LedgerEvent | undefined> {
    const known = recent.get(key)
    if (known) return known
    const doc = await E.findOne({ key }).lean()
    return doc ? plain(doc) : undefined
  }

  /**
   * Records one change to her ledger, claimed by its key: one insert in the common case (plus one read
   * when her ledger is not in memory).
   */
  function record(owner: Owner, year: number, input: NewEvent, now: Date): Promise<Recorded> {
    const ledger = keyOf(owner.id, year)
    const event: LedgerEvent = { text: null, note: null, ...input, at: now }
    const done = (state: State, found: LedgerEvent | undefined, changed = false): Recorded => {
      remember(ledger, state)
      if (state.seq > state.savedSeq) scheduleSave(ledger, state)
      const created = changed || !found
      return { ledger, created, changed, event: found ?? event, items: state.items, counts: countLedger(state.items) }
    }
    return serially(ledger, async () => {
      let state: State = { ...(states.get(ledger) ?? (await load(ledger, owner, year))), owner }
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const known = recent.get(event.key)
        if (known) return done(state, known)
        const next = applyChange(state.items, event.change)
        if (!next) return done(state, await findEvent(event.key))
        const slot = eventId(ledger, state.seq + 1)
        const doc: LedgerEventDoc = { ...event, _id: slot, memberId: oid(owner.id), year }
        if (await insertOnce(E, doc)) {
          recent.set(event.key, event)
          return done({ ...state, seq: state.seq + 1, items: next }, event, true)
        }
        // Either the number was taken (read it and try the next) or this key is recorded already.
        const inSlot = await E.findById(slot).lean()
        if (!inSlot) return done(state, (await findEvent(event.key)) ?? event)
        state = await catchUp(ledger, state)
      }
      throw new Error(`ledger ${ledger}: no free event number after ${MAX_ATTEMPTS} attempts`)
    })
  }

  /**
   * Her ledger, for showing it: this process's copy when it read the database within `freshMs` (its own
   * events are always in it; another process's show within that time), else read again. On FerretDB 1.x
   * looking for an event that does not exist yet costs a scan of the collection, so it is done sparingly.
   */
  function ledger(memberId: string, year: number): Promise<LedgerItem[]> {
    const key = keyOf(memberId, year)
    return serially(key, async () => {
      const known = states.get(key)
      if (known && Date.now() - known.readAt < freshMs) return known.items
      // Her unit is not known here; `record` fills it in before anything of this copy is saved.
      if (!known) {
        const loaded = await load(key, { id: memberId, orgId: '' }, year)
        remember(key, loaded)
        return loaded.items
      }
      const state = await catchUp(key, known)
      remember(key, state)
      return state.items
    })
  }

  /**
   * Her ledger as this process last saw it, however long ago (read once if never): for reading the
   * names she writes, where another process's last few minutes do not matter and a read would.
   */
  function recalled(memberId: string, year: number): Promise<LedgerItem[]> {
    const known = states.get(keyOf(memberId, year))
    return known ? Promise.resolve(known.items) : ledger(memberId, year)
  }

  /**
   * Writes the snapshot and the counts, unless a newer one is already there. Two processes saving one
   * ledger take turns through a lock row (a unique insert): "write unless newer" is a read and a write on
   * FerretDB 1.x, so without it an older copy could land last. The lock expires after 10 s (a process
   * that dies holding it).
   */
  async function save(ledger: string): Promise<void> {
    const state = states.get(ledger)
    if (!state || state.savedSeq >= state.seq || !state.owner.orgId) return
    const { owner, year, seq, items } = state
    await withSaveLock(ledger, async () => {
      const common = { memberId: oid(owner.id), orgId: oid(owner.orgId), year, seq, updatedAt: new Date() }
      const newer = { _id: ledger, seq: { $lt: seq } }
      const counts = countLedger(items)
      await Promise.all([
        L.updateOne(newer, { $set: { ...common, items } }, { upsert: true }).catch(ignoreDuplicate),
        P.updateOne(newer, { $set: { ...common, counts, lastDiary: lastDiaryOf(items) } }, { upsert: true }).catch(
          ignoreDuplicate,
        ),
      ])
    })
    const current = states.get(ledger)
    if (current) current.savedSeq = Math.max(current.savedSeq, seq)
    const left = (waiters.get(ledger) ?? []).filter((w) => (w.seq <= seq ? (w.resolve(), false) : true))
    if (left.length) waiters.set(ledger, left)
    else waiters.delete(ledger)
  }

  /**
   * Saves after `saveAfter` changes, or `idleMs` after the first unsaved one (not after the last: under a
   * steady trickle a debounce would never fire, and the journal and memory would hold every message).
   */
  async function withSaveLock(ledger: string, work: () => Promise<void>): Promise<void> {
    const _id = `saving:${ledger}`
    for (let attempt = 0; ; attempt++) {
      const until = String(Date.now() + 10_000)
      if (await insertOnce(Claim, { _id, by: 'progress', at: new Date(), value: until })) break
      const held = await Claim.findById(_id).lean()
      if (held && Number(held.value) < Date.now()) await Claim.deleteOne({ _id, value: held.value })
      if (attempt >= 200) throw new Error(`ledger ${ledger}: could not take the save lock`)
      await new Promise((r) => setTimeout(r, 10 + Math.random() * 40))
    }
    try {
      await work()
    } finally {
      await Claim.deleteOne({ _id })
    }
  }

  function scheduleSave(ledger: string, state: State): void {
    const due = state.seq - state.savedSeq >= saveAfter
    if (timers.has(ledger) && !due) return
    clearTimeout(timers.get(ledger))
    const run = () => {
      timers.delete(ledger)
      serially(ledger, () => save(ledger)).catch(() => {
        // The database is away: keep the state and try again later.
        timers.set(ledger, setTimeout(run, idleMs * 5).unref())
      })
    }
    if (due) run()
    else timers.set(ledger, setTimeout(run, idleMs).unref())
  }

  /** Resolves once the counts of these ledgers, as they are now, are saved (the journal waits for this). */
  function whenSaved(ledgers: readonly string[]): Promise<void> {
    return Promise.all(
      ledgers.map(
        (ledger) =>
          new Promise<void>((resolve) => {
            const state = states.get(ledger)
            if (!state || state.savedSeq >= state.seq) return resolve()
            waiters.set(ledger, [...(waiters.get(ledger) ?? []), { seq: state.seq, resolve }])
          }),
      ),
    ).then(() => undefined)
  }

  /** Saves every pending snapshot now (before a shutdown, or a report another process will read). */
  async function saveAll(): Promise<void> {
    for (const [ledger, timer] of timers) {
      clearTimeout(timer)
      timers.delete(ledger)
    }
    await Promise.all([...states.keys()].map((ledger) => serially(ledger, () => save(ledger))))
  }

  /** Counts from memory where this process has events it has not saved yet: its own views are never behind. */
  function unsaved(memberId: string, year: number): ProgressCounts | undefined {
    const state = states.get(keyOf(memberId, year))
    return state && state.seq > state.savedSeq ? countLedger(state.items) : undefined
  }

  /** Her counts for a year, as the views see them. */
  async function get(memberId: string, year: number): Promise<ProgressCounts | undefined> {
    const mine = unsaved(memberId, year)
    if (mine) return mine
    const doc = await P.findById(keyOf(memberId, year)).lean()
    return doc ? { ...emptyCounts(), ...doc.counts } : undefined
  }

  async function listForYear(year: number, memberIds: string[]): Promise<Progress[]> {
    const docs = await P.find({ year, memberId: { $in: memberIds.map(oid) } }).lean()
    const stored = new Map(docs.map((d) => [idOf(d.memberId), d]))
    return memberIds.flatMap((memberId) => {
      const doc = stored.get(memberId)
      const counts = unsaved(memberId, year) ?? (doc ? { ...emptyCounts(), ...doc.counts } : undefined)
      const orgId = doc ? idOf(doc.orgId) : states.get(keyOf(memberId, year))?.owner.orgId
      return counts && orgId ? [{ memberId, orgId, year, counts }] : []
    })
  }

  /** Who of these members wrote a diary entry dated on or after `from` (YYYY-MM-DD), as of the saved counts. */
  async function diaryWritersSince(year: number, memberIds: string[], from: string): Promise<Set<string>> {
    const docs = await P.find({ year, memberId: { $in: memberIds.map(oid) }, lastDiary: { $gte: from } }).lean()
    return new Set(docs.map((d) => idOf(d.memberId)))
  }

  /** The events of some members' ledgers for a year, in order, by member: one query for the recount. */
  async function eventsOf(memberIds: string[], year: number): Promise<Map<string, LedgerEventDoc[]>> {
    const docs = await E.find({ memberId: { $in: memberIds.map(oid) }, year }).lean()
    const byMember = new Map<string, LedgerEventDoc[]>()
    for (const doc of docs.sort((a, b) => (a._id < b._id ? -1 : 1)))
      byMember.set(idOf(doc.memberId), [...(byMember.get(idOf(doc.memberId)) ?? []), doc])
    return byMember
  }

  /**
   * The recount: folds her year's events from the first and repairs the snapshot and the counts where
   * they differ from it. Returns true if anything was repaired.
   */
  async function repair(owner: Owner, year: number, events: readonly LedgerEventDoc[]): Promise<boolean> {
    const ledger = keyOf(owner.id, year)
    return serially(ledger, async () => {
      const items = events.reduce<LedgerItem[]>((acc, e) => applyChange(acc, e.change) ?? acc, [])
      const seq = events.length
      const [snapshot, stored] = await Promise.all([L.findById(ledger).lean(), P.findById(ledger).lean()])
      const counts = countLedger(items)
      if (seq === 0 && !snapshot && !stored) return false
      const savedRight = snapshot?.seq === seq && stored?.seq === seq
      if (savedRight && sameCounts({ ...emptyCounts(), ...stored.counts }, counts)) return false
      const fields = { memberId: oid(owner.id), orgId: oid(owner.orgId), year, seq, updatedAt: new Date() }
      await L.updateOne({ _id: ledger }, { $set: { ...fields, items } }, { upsert: true })
      await P.updateOne(
        { _id: ledger },
        { $set: { ...fields, counts, lastDiary: lastDiaryOf(items) } },
        { upsert: true },
      )
      states.delete(ledger)
      return true
    })
  }

  /** Years in which any ledger has an event. */
  async function years(): Promise<number[]> {
    return (await E.distinct('year')).map(Number).sort()
  }

  return {
    record,
    ledger,
    recalled,
    findEvent,
    get,
    listForYear,
    diaryWritersSince,
    whenSaved,
    saveAll,
    eventsOf,
    repair,
    years,
  }
}

function ignoreDuplicate(err: unknown): void {
  // The upsert found a newer snapshot (seq >= ours) and tried to insert: nothing to do.
  if (!isDuplicateKey(err)) throw err
}

/** Equal counts, the added items' nested ones included (key order does not matter). */
function sameCounts(a: ProgressCounts, b: ProgressCounts): boolean {
  return isDeepStrictEqual(a, b)
}

export type ProgressRepo = ReturnType<typeof createProgressRepo>
