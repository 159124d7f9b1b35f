import type { Member } from '../domain/entities'

export type RosterEntry = Pick<Member, 'id' | 'name' | 'role' | 'orgId'>

type Change = (before: RosterEntry | undefined, after: RosterEntry | undefined) => void

const byName = (a: RosterEntry, b: RosterEntry) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1)
const same = (a: RosterEntry, b: RosterEntry) => a.name === b.name && a.role === b.role && a.orgId === b.orgId

/**
 * Everyone with a checklist (executives and chairs) in memory, by unit, for the standings. Consistency
 * rule: read whole on first use; after `changed()` (a roster write in this process) the next view waits
 * for a new read; otherwise a read older than `maxAgeMs` is replaced in the background, so another
 * process's change shows within that (as the org tree's). Every difference found is handed to
 * `onChange`, which moves that person's figures.
 */
export function createRoster(
  sources: { roster(): Promise<RosterEntry[]>; rosterOf(ids: string[]): Promise<RosterEntry[]> },
  maxAgeMs: number,
  now: () => number,
  onChange: Change,
) {
  const byId = new Map<string, RosterEntry>()
  const byOrg = new Map<string, Map<string, RosterEntry>>()
  let wanted = 1
  let loaded = 0
  let loadedAt = 0
  let loading: Promise<void> | undefined

  function put(before: RosterEntry | undefined, after: RosterEntry | undefined): void {
    if (before) byOrg.get(before.orgId)?.delete(before.id)
    if (before && !after) byId.delete(before.id)
    if (after) {
      byId.set(after.id, after)
      let unit = byOrg.get(after.orgId)
      if (!unit) byOrg.set(after.orgId, (unit = new Map()))
      unit.set(after.id, after)
    }
    onChange(before, after)
  }

  async function load(): Promise<void> {
    const generation = wanted
    const began = now()
    const list = await sources.roster()
    const seen = new Set<string>()
    for (const m of list) {
      seen.add(m.id)
      const before = byId.get(m.id)
      if (!before || !same(before, m)) put(before, { id: m.id, name: m.name, role: m.role, orgId: m.orgId })
    }
    for (const [id, before] of [...byId]) if (!seen.has(id)) put(before, undefined)
    loaded = Math.max(loaded, generation)
    loadedAt = began
  }

  const loadOnce = () => (loading ??= load().finally(() => (loading = undefined)))

  /** Resolves once the roster is as fresh as the rule above asks. */
  async function ready(): Promise<void> {
    while (loaded < wanted) await loadOnce()
    if (now() - loadedAt >= maxAgeMs && !loading) loadOnce().catch(() => undefined)
  }

  /** People a year's counts name that the roster lacks (imported by another process since it was read). */
  async function learn(ids: string[]): Promise<void> {
    for (const m of await sources.rosterOf(ids)) if (!byId.has(m.id)) put(undefined, m)
  }

  return {
    ready,
    learn,
    get: (id: string) => byId.get(id),
    all: () => byId.values(),
    /** Her unit's people with a checklist, by name. */
    inUnit: (orgId: string) => [...(byOrg.get(orgId)?.values() ?? [])].sort(byName),
    changed: () => {
      wanted++
    },
  }
}
