import { DEFAULT_CHECKLIST, itemId } from './checklist'
import type { PersonFigures } from './person-figures'
import { GRADES, type Grade } from './review-grade'

/**
 * The figures of a group of counted people as sums, so a group's tally is the sum of its parts: a unit's
 * is its own people's plus its children's, and a person's change is one subtraction and one addition up
 * her chain. Totals (roll-up.ts) are read off a tally; one function makes both, so they cannot disagree.
 */
export interface Tally {
  counted: number
  executives: number
  chairs: number
  /** Items done, summed over everyone. */
  done: number
  onTrack: number
  nothingYet: number
  grades: Record<Grade, number>
  itemsDone: Record<string, number>
  itemsHeld: Record<string, number>
  /** How many people keep a checklist of each size (a unit below may add or switch off items). */
  sizes: Record<number, number>
}

export function emptyTally(): Tally {
  return {
    counted: 0,
    executives: 0,
    chairs: 0,
    done: 0,
    onTrack: 0,
    nothingYet: 0,
    grades: Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>,
    itemsDone: {},
    itemsHeld: {},
    sizes: {},
  }
}

const bump = (counts: Record<string | number, number>, key: string | number, by: number) => {
  const next = (counts[key] ?? 0) + by
  if (next === 0) delete counts[key]
  else counts[key] = next
}

/** Adds a person's figures to a tally (`sign` -1 takes them out again). */
export function addPerson(tally: Tally, p: PersonFigures, sign: 1 | -1 = 1): void {
  tally.counted += sign
  if (p.role === 'executive') tally.executives += sign
  if (p.role === 'chair') tally.chairs += sign
  tally.done += sign * p.done
  if (p.onTrack) tally.onTrack += sign
  if (p.nothingYet) tally.nothingYet += sign
  tally.grades[p.grade] += sign
  for (const item of p.items) {
    const id = itemId(item)
    bump(tally.itemsHeld, id, sign)
    if (item.done) bump(tally.itemsDone, id, sign)
  }
  bump(tally.sizes, p.total, sign)
}

/** Adds one tally into another. */
export function addTally(into: Tally, t: Tally): void {
  into.counted += t.counted
  into.executives += t.executives
  into.chairs += t.chairs
  into.done += t.done
  into.onTrack += t.onTrack
  into.nothingYet += t.nothingYet
  for (const g of GRADES) into.grades[g] += t.grades[g]
  for (const [k, n] of Object.entries(t.itemsHeld)) bump(into.itemsHeld, k, n)
  for (const [k, n] of Object.entries(t.itemsDone)) bump(into.itemsDone, k, n)
  for (const [k, n] of Object.entries(t.sizes)) bump(into.sizes, k, n)
}

export function tallyOf(people: readonly PersonFigures[]): Tally {
  const t = emptyTally()
  for (const p of people) addPerson(t, p)
  return t
}

/** How many people keep a checklist of each size, as [size, people] pairs. */
export function sizeCounts(t: Pick<Tally, 'sizes'>): [number, number][] {
  return Object.entries(t.sizes).map(([size, n]) => [Number(size), n])
}

/** The default items are always listed under itemsDone (0 when nobody holds them), added ones when held. */
export function itemsDoneOf(t: Tally): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(DEFAULT_CHECKLIST.map((i) => [i.key, 0]))
  for (const id of Object.keys(t.itemsHeld)) out[id] = t.itemsDone[id] ?? 0
  return out
}
