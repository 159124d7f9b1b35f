import type { Models } from './models'
import type { OrgTree } from '../domain/org-tree'
import { idOf, insertOnce, oid } from './to-plain'
import { createTtlCache } from './ttl-cache'

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
  const cacheMs = options.cacheMs ?? 60_000
  const cache = createTtlCache<string, string[]>(cacheMs, 5_000)

  /**
   * The names an executive of this unit may count without a question: those listed for her unit or a
   * unit above it (a county may keep one list for its villages). Empty: no list, so every name counts.
   */
  async function namesFor(orgId: string): Promise<string[]> {
    const cached = cache.get(orgId)
    if (cached) return cached
    const chain = (await options.tree(orgId)).chain(orgId)
    const units = chain.filter((u) => u.settings.representativesListed).map((u) => u.id)
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
    await markListed([orgId])
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

  return { namesFor, add, listedIn, backfillFlags }
}

export type RepresentativeRepo = ReturnType<typeof createRepresentativeRepo>
