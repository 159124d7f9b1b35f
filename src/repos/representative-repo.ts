import type { Models } from './models'
import { idOf, insertOnce, oid } from './to-plain'
import { createTtlCache } from './ttl-cache'

/**
 * The federation's own list of its women representatives, per unit (imported by an admin). Read per
 * unit and kept in memory for a minute: the message path asks it on every #联系.
 */
export function createRepresentativeRepo(
  { Representative: R, OrgUnit: Org }: Models,
  options: { cacheMs?: number } = {},
) {
  const cache = createTtlCache<string, string[]>(options.cacheMs ?? 60_000, 5_000)

  /**
   * The names an executive of this unit may count without a question: those listed for her unit or a
   * unit above it (a county may keep one list for its villages). Empty: no list, so every name counts.
   */
  async function namesFor(orgId: string): Promise<string[]> {
    const cached = cache.get(orgId)
    if (cached) return cached
    const org = await Org.findById(oid(orgId), { ancestors: 1 }).lean()
    const units = [oid(orgId), ...(org?.ancestors ?? [])]
    const docs = await R.find({ orgId: { $in: units } }, { name: 1 }).lean()
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
