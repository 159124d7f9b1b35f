import type { Models } from './models'
import type { OrgTree } from '../domain/org-tree'
import type { RepresentativeDoc } from './documents'
import { idOf, isDuplicateKey, oid } from './to-plain'
import { createTtlCache } from './ttl-cache'

/** Names inserted per round trip when a list is imported. */
const ADD_BATCH = 1_000

/**
 * The federation's own list of its women representatives, per unit (imported by an admin). Read per
 * unit and kept in memory for a minute: the message path asks it on every #联系. Which units have a list
 * is a setting of the unit (in the org tree every process keeps), so a unit with none above it costs no read.
 */
export function createRepresentativeRepo(
  { Representative: R, OrgUnit: Org }: Models,
  options: {
    cacheMs?: number
    tree: (mustHave: string) => Promise<OrgTree>
    /** Called after a unit gets its first list: the org tree is read again. */
    treeChanged: () => void
  },
) {
  const cache = createTtlCache<string, string[][]>(options.cacheMs ?? 60_000, 5_000)
  /**
   * Each unit's own list as last read. A read that finds the same names in the same order returns that
   * same array, so what is built from it (the sentence reader's index of 10,000 names, built once per
   * array) is shared by every unit below it and kept across the cache's refreshes.
   */
  const last = new Map<string, string[]>()
  const stable = (unitId: string, read: string[]) => {
    const before = last.get(unitId)
    const list = before && before.length === read.length && before.every((n, i) => n === read[i]) ? before : read
    last.delete(unitId)
    last.set(unitId, list)
    if (last.size > 5_000) last.delete(last.keys().next().value!)
    return list
  }

  /**
   * The lists an executive of this unit may count without a question: her unit's own and those of the
   * units above it (a county may keep one list for its villages), nearest first, each unit's its own
   * array; none: no list, so every name counts.
   */
  async function listsFor(orgId: string): Promise<string[][]> {
    const cached = cache.get(orgId)
    if (cached) return cached
    const chain = (await options.tree(orgId)).chain(orgId)
    const units = chain.filter((u) => u.settings.representativesListed).map((u) => u.id)
    if (units.length === 0) return []
    const docs = await R.find({ orgId: { $in: units.map(oid) } }, { orgId: 1, name: 1 }).lean()
    const byUnit = new Map<string, Set<string>>()
    for (const d of docs) byUnit.set(idOf(d.orgId), (byUnit.get(idOf(d.orgId)) ?? new Set()).add(d.name))
    const lists = units.flatMap((u) => (byUnit.has(u) ? [stable(u, [...byUnit.get(u)!])] : []))
    cache.set(orgId, lists)
    return lists
  }

  /** All the names of listsFor in one list, each once. */
  async function namesFor(orgId: string): Promise<string[]> {
    return [...new Set((await listsFor(orgId)).flat())]
  }

  /**
   * Adds names to a unit's list (a name already there stays once). Returns how many were new. One read
   * of what is listed, then the new names in batches: 10,000 names are a few round trips, not 10,000.
   */
  async function add(orgId: string, names: readonly string[], now: Date): Promise<number> {
    const listed = (await listedIn([orgId])).get(orgId) ?? new Set<string>()
    const fresh = [...new Set(names)].filter((n) => !listed.has(n))
    let added = 0
    try {
      for (let i = 0; i < fresh.length; i += ADD_BATCH) {
        const docs = fresh
          .slice(i, i + ADD_BATCH)
          .map((name) => ({ _id: `${orgId}:${name}`, orgId: oid(orgId), name, at: now }))
        added += await insertNew(docs)
      }
      await markListed([orgId])
    } finally {
      cache.clear()
    }
    return added
  }

  /** Inserts what is not there yet; a name another import listed meanwhile is skipped, not an error. */
  async function insertNew(docs: RepresentativeDoc[]): Promise<number> {
    try {
      const many = docs as unknown as Parameters<typeof R.collection.insertMany>[0]
      return (await R.collection.insertMany(many, { ordered: false })).insertedCount
    } catch (err) {
      const { insertedCount, writeErrors } = err as { insertedCount?: number; writeErrors?: unknown }
      const errors = Array.isArray(writeErrors) ? writeErrors : [writeErrors]
      if (insertedCount === undefined || !errors.every(isDuplicateKey)) throw err
      return insertedCount
    }
  }

  /** The names listed for these units themselves (not those above), per unit: what an import adds to. */
  async function listedIn(orgIds: readonly string[]): Promise<Map<string, Set<string>>> {
    const docs = await R.find({ orgId: { $in: orgIds.map(oid) } }, { orgId: 1, name: 1 }).lean()
    const out = new Map<string, Set<string>>()
    for (const d of docs) out.set(idOf(d.orgId), (out.get(idOf(d.orgId)) ?? new Set()).add(d.name))
    return out
  }

  /** Sets the flag on units that have a list (after an import; at start-up for lists made before it). */
  async function markListed(orgIds: readonly string[]): Promise<void> {
    const unmarked = await Org.find(
      { _id: { $in: orgIds.map(oid) }, 'settings.representativesListed': { $ne: true } },
      { _id: 1 },
    ).lean()
    if (unmarked.length === 0) return
    await Org.updateMany(
      { _id: { $in: unmarked.map((o) => o._id) } },
      { $set: { 'settings.representativesListed': true } },
    )
    options.treeChanged()
  }

  /** Start-up: units with a list imported before the flag existed get it. */
  async function backfillFlags(): Promise<void> {
    await markListed((await R.distinct('orgId')).map((id) => idOf(id)))
  }

  return { listsFor, namesFor, add, listedIn, backfillFlags }
}

export type RepresentativeRepo = ReturnType<typeof createRepresentativeRepo>
