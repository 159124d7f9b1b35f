import type { ChecklistItem } from '../domain/checklist'
import { isCounted } from '../domain/counted'
import type { TallySource } from '../domain/level-report'
import type { OrgTree } from '../domain/org-tree'
import { asOfDay, personFigures, type PersonFigures } from '../domain/person-figures'
import { emptyCounts, type ProgressCounts } from '../domain/progress'
import { addPerson, emptyTally, type Tally } from '../domain/tally'
import { checklistFor } from '../domain/unit-checklist'
import type { LocalDate } from '../domain/zoned-time'
import { createRoster, type RosterEntry } from './standings-roster'
import { treeKeyOf } from './tree-key'

export type { RosterEntry } from './standings-roster'

/** One executive's counts for a year as her year's document holds them, with its version. */
export interface CountsRow {
  memberId: string
  v: number
  counts: ProgressCounts
}

/** Where the standings come from: the org tree, the roster, and the counts in the ledgers. */
export interface StandingsSources {
  tree(): Promise<OrgTree>
  roster(): Promise<RosterEntry[]>
  rosterOf(ids: string[]): Promise<RosterEntry[]>
  /** Counts of a year's documents written at or after `since` (all of them without it). */
  counts(year: number, since?: Date): Promise<CountsRow[]>
}

export interface StandingsOptions {
  /** A view reflects every record confirmed this long before it began, in any process [1 s]. */
  freshMs?: number
  /** Another process's roster change shows within this [60 s, as the org tree]. */
  rosterMs?: number
  /** How far back each refresh looks again, for clocks that differ and writes that commit late [15 s]. */
  marginMs?: number
  /** The whole year is read again this often, the net under the rest [1 h]. */
  fullMs?: number
  now?: () => number
}

interface Derived {
  treeKey: string
  tree: OrgTree
  asOf: LocalDate
  tally: Map<string, Tally>
  direct: Map<string, number>
  checklists: Map<string, ChecklistItem[]>
}

interface Book {
  year: number
  counts: Map<string, CountsRow>
  /** When the last refresh that finished began (ms), and the last full read. */
  refreshedFrom?: number
  fullFrom?: number
  refreshing?: Promise<void>
  derived?: Derived
  usedAt: number
}

const BOOKS = 3
const sameDay = (a: LocalDate, b: LocalDate) => a.year === b.year && a.month === b.month && a.day === b.day

/**
 * Leaders' figures, kept per unit in memory and up to date as records land, so a view costs what it
 * shows (a unit, its children, the people it names) and not a read of every executive's year.
 *
 * Consistency rule: a view reflects (1) every record this process wrote, at once (`noteYear`, called by
 * the year writer with the version it wrote), and (2) every record any process confirmed at least
 * `freshMs` before the view began: before answering, a view waits for a refresh that began no earlier
 * than that, which reads the years written since the previous refresh began, less `marginMs`. A row is
 * applied only when its version is newer than the one held, so a late answer never takes a count back.
 * Roster changes (names, roles, units) show at once in this process (`rosterChanged`) and within
 * `rosterMs` from others, as the org tree does. Figures are per day (a person falls behind as days
 * pass): they are computed again when the day, the tree's settings or its shape change.
 *
 * What a refresh costs: on MongoDB the documents written since (index {year, updatedAt}); on FerretDB
 * 1.x, which filters nothing but `_id` in SQLite, a read of every year document of that year.
 */
export function createStandingsRepo(sources: StandingsSources, options: StandingsOptions = {}) {
  const now = options.now ?? Date.now
  const freshMs = options.freshMs ?? 1_000
  const marginMs = options.marginMs ?? 15_000
  const fullMs = options.fullMs ?? 3_600_000
  const books = new Map<number, Book>()
  const roster = createRoster(sources, options.rosterMs ?? 60_000, now, (before, after) => {
    for (const book of books.values()) {
      if (before) place(book, before, -1)
      if (after) place(book, after, 1)
    }
  })

  function place(book: Book, m: RosterEntry, sign: 1 | -1): void {
    const d = book.derived
    if (!d || !d.tree.get(m.orgId) || !isCounted(m, d.tree)) return
    const f = figuresOf(d, m, book.counts.get(m.id)?.counts)
    d.direct.set(m.orgId, (d.direct.get(m.orgId) ?? 0) + sign)
    for (const u of d.tree.chain(m.orgId)) {
      let t = d.tally.get(u.id)
      if (!t) d.tally.set(u.id, (t = emptyTally()))
      addPerson(t, f, sign)
    }
  }

  function figuresOf(d: Derived, m: RosterEntry, counts: ProgressCounts | undefined): PersonFigures {
    let checklist = d.checklists.get(m.orgId)
    if (!checklist) d.checklists.set(m.orgId, (checklist = checklistFor(d.tree, m.orgId)))
    return personFigures(m, counts ?? emptyCounts(), d.tree, d.asOf, checklist)
  }

  /** Takes a row in when it is newer than what is held; returns false for an unknown member. */
  function apply(book: Book, row: CountsRow): boolean {
    const held = book.counts.get(row.memberId)
    if (held && held.v >= row.v) return true
    const m = roster.get(row.memberId)
    if (m) place(book, m, -1)
    book.counts.set(row.memberId, row)
    if (m) place(book, m, 1)
    return !!m
  }

  async function refresh(book: Book): Promise<void> {
    const began = now()
    const full = book.fullFrom === undefined || began - book.fullFrom >= fullMs
    const since = full ? undefined : new Date(book.refreshedFrom! - marginMs)
    const rows = await sources.counts(book.year, since)
    const unknown = rows.filter((row) => !apply(book, row)).map((r) => r.memberId)
    if (full) {
      // A year document gone (a member deleted, a year purged): her counts go with it.
      const present = new Set(rows.map((r) => r.memberId))
      for (const id of [...book.counts.keys()].filter((k) => !present.has(k))) {
        const m = roster.get(id)
        if (m) place(book, m, -1)
        book.counts.delete(id)
        if (m) place(book, m, 1)
      }
      book.fullFrom = began
    }
    book.refreshedFrom = began
    if (unknown.length) await roster.learn(unknown)
  }

  async function fresh(book: Book, began: number): Promise<void> {
    while (book.refreshedFrom === undefined || book.refreshedFrom < began - freshMs) {
      book.refreshing ??= refresh(book).finally(() => (book.refreshing = undefined))
      await book.refreshing
    }
  }

  function bookOf(year: number): Book {
    let book = books.get(year)
    if (!book) {
      book = { year, counts: new Map(), usedAt: now() }
      books.set(year, book)
      if (books.size > BOOKS) {
        const oldest = [...books.values()].sort((a, b) => a.usedAt - b.usedAt)[0]!
        books.delete(oldest.year)
      }
    }
    book.usedAt = now()
    return book
  }

  function derive(book: Book, tree: OrgTree, asOf: LocalDate): Derived {
    const treeKey = treeKeyOf(tree)
    const d = book.derived
    if (d && d.treeKey === treeKey && sameDay(d.asOf, asOf)) return ((d.tree = tree), d)
    book.derived = { treeKey, tree, asOf, tally: new Map(), direct: new Map(), checklists: new Map() }
    for (const m of roster.all()) place(book, m, 1)
    return book.derived
  }

  /** The figures of a year as of `today`, fresh by the rule above. Read it before the next await. */
  async function view(year: number, today: LocalDate): Promise<StandingsView> {
    const began = now()
    const book = bookOf(year)
    const [tree] = await Promise.all([sources.tree(), roster.ready(), fresh(book, began)])
    const d = derive(book, tree, asOfDay(year, today))
    const empty = emptyTally()
    return {
      year,
      tree: d.tree,
      asOf: d.asOf,
      tally: (id) => d.tally.get(id) ?? empty,
      direct: (id) => d.direct.get(id) ?? 0,
      people: (id) =>
        roster
          .inUnit(id)
          .filter((m) => isCounted(m, d.tree))
          .map((m) => figuresOf(d, m, book.counts.get(m.id)?.counts)),
    }
  }

  /**
   * Her year as this process just wrote or read it (the year writer calls this): shows in views at once.
   * Counted only when newer than what is held — a question asked or answered leaves `v` as it was.
   */
  function noteYear(memberId: string, year: number, v: number, counts: () => ProgressCounts): void {
    const book = books.get(year)
    const held = book?.counts.get(memberId)
    if (book && !(held && held.v >= v)) apply(book, { memberId, v, counts: counts() })
  }

  return { view, noteYear, rosterChanged: roster.changed }
}

export interface StandingsView extends TallySource {
  asOf: LocalDate
}

export type StandingsRepo = ReturnType<typeof createStandingsRepo>
