import type { Models } from './models'
import type { OrgTree } from '../domain/org-tree'
import { idOf, insertOnce, oid } from './to-plain'
import { createTtlCache } from './ttl-cache'

/**
 * The federation's own list of its women representatives, per unit (imported by an admin). Read per
 * unit and kept in memory for a minute: the message path asks it on every #联系. Which units have a
 * list at all is read once a minute for everyone, so a unit with none above it costs no read.
 */
export function createRepresentativeRepo(
  { Representative: R }: Models,
  options: { cacheMs?: number; tree: (mustHave: string) => Promise<OrgTree> },
) {
  const cacheMs = options.cacheMs ?? 60_000
  const cache = createTtlCache<string, string[]>(cacheMs, 5_000)
  const listing = createTtlCache<'units', Promise<Set<string>>>(cacheMs, 1)

  /** The units that have a list of their own (one read a minute, shared by every unit's question). */
  function listedUnits(): Promise<Set<string>> {
    const known = listing.get('units')
    if (known) return known
    const read = R.distinct('orgId').then((ids) => new Set(ids.map((id) => idOf(id))))
    read.catch(() => listing.delete('units'))
    listing.set('units', read)
    return read
  }

  /**
   * The names an executive of this unit may count without a question: those listed for her unit or a
   * unit above it (a county may keep one list for its villages). Empty: no list, so every name counts.
   */
  async function namesFor(orgId: string): Promise<string[]> {
    const cached = cache.get(orgId)
    if (cached) return cached
    const listed = await listedUnits()
    const chain = listed.size ? (await options.tree(orgId)).chain(orgId).map((u) => u.id) : []
    const units = chain.filter((id) => listed.has(id))
    if (units.length === 0) return []
    const docs = await R.find({ orgId: { $in: units.map(oid) } }, { name: 1 }).lean()
    const names = [...new Set(docs.map((d) => d.name))]
    cache.set(orgId, names)
    return names
  }

  /** Adds names to a unit's list (a name already there stays once). Returns how many were new. */
  async function add(orgId: string, names: readonly string[], now: Date): Promise<number> {
    let added = 0
    for (const name of names)
      if (await insertOnce(R, { _id: `${orgId}:${name}`, orgId: oid(orgId), name, at: now })) added++
    cache.clear()
    listing.clear()
    return added
  }

  /** The names listed for these units themselves (not those above), per unit: what an import adds to. */
  async function listedIn(orgIds: readonly string[]): Promise<Map<string, Set<string>>> {
    const docs = await R.find({ orgId: { $in: orgIds.map(oid) } }, { orgId: 1, name: 1 }).lean()
    const out = new Map<string, Set<string>>()
    for (const d of docs) out.set(idOf(d.orgId), (out.get(idOf(d.orgId)) ?? new Set()).add(d.name))
    return out
  }

  return { namesFor, add, listedIn }
}

export type RepresentativeRepo = ReturnType<typeof createRepresentativeRepo>
