import type { OrgSettings, OrgUnit } from './entities'

/**
 * The org tree in memory: small (thousands of units), read whole and cached, so every roll-up, rule
 * lookup and subtree question is answered without one query per unit.
 */
export interface OrgTree {
  get(id: string): OrgUnit | undefined
  /** Units without a parent (or whose parent is missing), by name. */
  roots(): OrgUnit[]
  /** Direct child units, by name. */
  children(id: string): OrgUnit[]
  /** The unit and everything below it, parents before children (pre-order, siblings by name). */
  subtree(id: string): OrgUnit[]
  /** The unit, its parent, … up to the root. */
  chain(id: string): OrgUnit[]
  /** Levels below the unit: 0 for a unit without children. */
  height(id: string): number
  /** Levels above the unit: 0 for a root. */
  depth(id: string): number
  isWithin(id: string, rootId: string): boolean
  all(): OrgUnit[]
}

const byName = (a: OrgUnit, b: OrgUnit) => a.name.localeCompare(b.name, 'zh') || (a.id < b.id ? -1 : 1)

export function buildOrgTree(units: readonly OrgUnit[]): OrgTree {
  const byId = new Map(units.map((u) => [u.id, u]))
  const kids = new Map<string, OrgUnit[]>()
  const roots: OrgUnit[] = []
  for (const u of units) {
    if (u.parentId && byId.has(u.parentId)) kids.set(u.parentId, [...(kids.get(u.parentId) ?? []), u])
    else roots.push(u)
  }
  for (const list of kids.values()) list.sort(byName)
  roots.sort(byName)
  const heights = new Map<string, number>()
  const height = (id: string): number => {
    const known = heights.get(id)
    if (known !== undefined) return known
    const h = Math.max(-1, ...(kids.get(id) ?? []).map((c) => height(c.id))) + 1
    heights.set(id, h)
    return h
  }
  const chain = (id: string): OrgUnit[] => {
    const out: OrgUnit[] = []
    const seen = new Set<string>()
    for (let u = byId.get(id); u && !seen.has(u.id); u = u.parentId ? byId.get(u.parentId) : undefined) {
      seen.add(u.id)
      out.push(u)
    }
    return out
  }
  const subtree = (id: string): OrgUnit[] => {
    const root = byId.get(id)
    if (!root) return []
    const out: OrgUnit[] = []
    const stack = [root]
    while (stack.length) {
      const u = stack.pop()!
      out.push(u)
      stack.push(...[...(kids.get(u.id) ?? [])].reverse())
    }
    return out
  }
  return {
    get: (id) => byId.get(id),
    roots: () => [...roots],
    children: (id) => [...(kids.get(id) ?? [])],
    subtree,
    chain,
    height,
    depth: (id) => Math.max(0, chain(id).length - 1),
    isWithin: (id, rootId) => chain(id).some((u) => u.id === rootId),
    all: () => [...units],
  }
}

/**
 * The setting that applies to a unit: its own, else the nearest one up its chain. Used for the review
 * rule and for whether chairs are counted, so a person is judged by her own unit's chain whoever asks.
 */
export function nearestSetting<K extends keyof OrgSettings>(
  tree: OrgTree,
  orgId: string,
  key: K,
): OrgSettings[K] | undefined {
  for (const unit of tree.chain(orgId)) if (unit.settings[key] != null) return unit.settings[key]
  return undefined
}
