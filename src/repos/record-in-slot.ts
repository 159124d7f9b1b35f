import type { LedgerEvent, LedgerItem } from '../domain/ledger'
import { applyChange, countLedger } from '../domain/ledger'
import type { LedgerEventStore, Slotted } from './ledger-event-store'
import { ledgerKeyOf, type YearState } from './year-ledger-store'
import type { YearWriter } from './year-writer'
import type { ProgressCounts } from '../domain/progress'

type Owner = { id: string; orgId: string }
/** `consumes`: the waiting question this change answers, taken away in the same write. */
export type NewEvent = Omit<LedgerEvent, 'at' | 'text' | 'note'> & {
  text?: string | null
  note?: string | null
  consumes?: string
}

/**
 * What `record` did. `created` false: this key's event was stored before (it says by whom). `changed`
 * false: her year already had it (a redelivery, a replay, an undo of a record that is gone).
 */
export interface Recorded {
  ledger: string
  created: boolean
  changed: boolean
  event: LedgerEvent
  items: LedgerItem[]
  counts: ProgressCounts
}

const MAX_ATTEMPTS = 40
/** How long a writer waits for another process's change in the slot before hers to land, then finishes it. */
const OTHERS_GRACE_MS = 2_000
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const slotNumber = (slot: string) => Number(slot.slice(slot.lastIndexOf('#') + 1)) || 0

/**
 * Her records and counts. A record is two writes: the event, inserted into the next slot of her year
 * (which both takes that change of her year and claims the message: see ledger-event-store), and her
 * year's document, items and counts together, written by the slot's holder alone (see year-ledger-store).
 * She is answered after both, so every reader, in any process, reads at least what she was told.
 *
 * A writer whose slot is taken reads her year again: if it moved on, it tries the next slot; if not, the
 * slot's event is either this message's own (a redelivery or a replay: make sure her year has it) or
 * another process's change still on its way, which it waits for, and finishes itself after a grace
 * period (the other process may have died between its two writes). A crash between the two writes thus
 * leaves an event her year lacks only until the next write to her year or the journal's replay.
 */
export function createSlotRecorder(events: LedgerEventStore, years: YearWriter) {
  /** Records one change to her year, claimed by its key: an insert and a write by `_id`. */
  function record(owner: Owner, year: number, input: NewEvent, now: Date): Promise<Recorded> {
    const { consumes, ...rest } = input
    const mine: LedgerEvent = { text: null, note: null, ...rest, at: now }
    const key = ledgerKeyOf(owner.id, year)
    const done = (state: YearState, created: boolean, changed: boolean, event: LedgerEvent): Recorded => ({
      ledger: key,
      created,
      changed,
      event,
      items: state.items,
      counts: countLedger(state.items),
    })
    return years.lock(key, async () => {
      let state = await years.current(key)
      let waitingSince = 0
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const items = applyChange(state.items, mine.change)
        if (!items) {
          // Her year has this change already: recorded before (by whom?), or nothing to do (an undo of a
          // record that is gone). Its question, if any, is taken away all the same.
          const found = await events.find(mine.key)
          const after = consumes ? await takeQuestion(owner, year, consumes) : state
          return done(after, !found, false, found ?? mine)
        }
        const slot = `${key}#${state.v + 1}`
        if (await events.insert(slot, owner.id, year, mine)) {
          const after = await writeChange(owner, year, state, items, consumes, now)
          return done(after, true, true, mine)
        }
        const fresh = await years.reread(key)
        if (fresh.v > state.v) {
          state = fresh
          continue
        }
        // Her year has not moved. This message stored before, by this instance (a replay after a crash, or
        // a second attempt): finish it now. Stored by another process, or another change in the next slot:
        // it is on its way; wait for it, and finish it only if it does not land (its writer may have died).
        const found = await events.find(mine.key)
        if (found && slotNumber(found.slot) <= fresh.v) return done(fresh, false, false, found)
        if (found && found.by === mine.by) {
          const after = await finish(owner, year, fresh, found, consumes)
          return done(after, false, after.v > fresh.v, found)
        }
        waitingSince ||= Date.now()
        if (Date.now() - waitingSince < OTHERS_GRACE_MS) {
          await sleep(25 + attempt * 10)
          state = await years.reread(key)
          continue
        }
        const theirs = found ?? (await events.inSlot(slot))
        state = theirs ? await finish(owner, year, fresh, theirs) : fresh
        if (found) return done(state, false, state.v > fresh.v, found)
        waitingSince = 0
      }
      throw new Error(`ledger ${key}: no slot taken after ${MAX_ATTEMPTS} attempts`)
    })
  }

  /** Writes the change this writer holds the slot of; with `consumes`, its question goes in the same write. */
  async function writeChange(
    owner: Owner,
    year: number,
    base: YearState,
    items: LedgerItem[],
    consumes: string | undefined,
    activeAt?: Date,
  ): Promise<YearState> {
    const key = ledgerKeyOf(owner.id, year)
    for (let state = base, attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const pending = consumes ? state.pending.filter((q) => q.key !== consumes) : undefined
      if (await years.store.writeRecords(owner, year, state, { items, activeAt, pending })) {
        const after = {
          ...state,
          exists: true,
          v: state.v + 1,
          items,
          ...(pending ? { pending, qv: state.qv + 1 } : {}),
        }
        return years.remember(key, after)
      }
      // Her questions changed meanwhile (her records cannot: this writer holds their next slot).
      const fresh = await years.reread(key)
      state = { ...fresh, v: base.v, items: base.items }
    }
    throw new Error(`ledger ${key}: questions still changing after ${MAX_ATTEMPTS} attempts`)
  }

  /** Applies an event already in the slot after `fresh` to her year (a replay, or a writer that died). */
  async function finish(
    owner: Owner,
    year: number,
    fresh: YearState,
    event: Slotted,
    consumes?: string,
  ): Promise<YearState> {
    const items =
      event.slot === `${ledgerKeyOf(owner.id, year)}#${fresh.v + 1}`
        ? applyChange(fresh.items, event.change)
        : undefined
    if (items) return writeChange(owner, year, fresh, items, consumes)
    return consumes ? takeQuestion(owner, year, consumes) : fresh
  }

  /** Takes a question away when what it asked for was recorded before (a second "1", a replay). */
  async function takeQuestion(owner: Owner, year: number, key: string): Promise<YearState> {
    const { state } = await years.changeQuestions(owner, year, (s) =>
      s.pending.some((q) => q.key === key) ? { pending: s.pending.filter((q) => q.key !== key) } : undefined,
    )
    return state
  }

  return record
}
