import type { Models } from './models'
import type { Progress } from '../domain/entities'
import { emptyCounts, type ProgressCounts } from '../domain/progress'
import { randomUUID } from 'node:crypto'
import { idOf, oid, setById } from './to-plain'

type ProgressDoc = { memberId: unknown; orgId: unknown; year: number; counts: Partial<ProgressCounts> }

function toProgress(doc: ProgressDoc): Progress {
  return {
    memberId: idOf(doc.memberId),
    orgId: idOf(doc.orgId),
    year: doc.year,
    counts: { ...emptyCounts(), ...doc.counts },
  }
}

const keyOf = (memberId: string, year: number) => `${memberId}:${year}`

export function createProgressRepo({ Progress: P, ProgressMark: Mark }: Models) {
  async function get(memberId: string, year: number): Promise<Progress | undefined> {
    const doc = await P.findById(keyOf(memberId, year)).lean<ProgressDoc>()
    return doc ? toProgress(doc) : undefined
  }

  /** Stores counts as they are (never increments), so writing the same truth twice is harmless. */
  async function write(p: { memberId: string; orgId: string; year: number; counts: ProgressCounts }, now: Date) {
    const fields = { memberId: oid(p.memberId), orgId: oid(p.orgId), year: p.year, counts: p.counts, updatedAt: now }
    await setById(P, keyOf(p.memberId, p.year), fields)
  }

  /**
   * Says "her records for this year may have changed" by storing a token nobody has used before, and
   * returns it. A plain overwrite: racing marks leave one of their fresh tokens, never an older one.
   */
  async function mark(memberId: string, year: number, now: Date): Promise<string> {
    const token = randomUUID()
    await setById(Mark, keyOf(memberId, year), { token, at: now })
    return token
  }

  async function readMark(memberId: string, year: number): Promise<string | undefined> {
    const doc = await Mark.findById(keyOf(memberId, year)).lean<{ token: string }>()
    return doc?.token
  }

  async function listForYear(year: number, memberIds: string[]): Promise<Progress[]> {
    const docs = await P.find({ year, memberId: { $in: memberIds.map(oid) } }).lean<ProgressDoc[]>()
    return docs.map(toProgress)
  }

  return { get, write, mark, readMark, listForYear }
}

export type ProgressRepo = ReturnType<typeof createProgressRepo>
