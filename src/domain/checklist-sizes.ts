/**
 * How many items the checklists of a group of people have. Units may add items (a county adds 参加议事会:
 * its people have 9, the rest of the city 8), so a post over a city says "x/9 项" when most people there
 * have 9 and names the others: a chair reads the figure against the checklist most of her people keep,
 * and is not misled about the rest. Where she compares units (the ranking, the chart's bars) each unit
 * shows its own size, when they differ.
 */
export interface SizeSpread {
  /** The size most people have (a tie goes to the larger); `fallback` when nobody is counted. */
  usual: number
  /** The other sizes and how many people have each, largest group first. */
  others: { size: number; people: number }[]
}

export function sizeSpread(people: readonly { total: number }[], fallback: number): SizeSpread {
  return spreadOf(histogram(people), fallback)
}

/** How many people keep a checklist of each size. */
export function histogram(people: readonly { total: number }[]): Record<number, number> {
  const count: Record<number, number> = {}
  for (const p of people) count[p.total] = (count[p.total] ?? 0) + 1
  return count
}

/** The spread of a group given as people per checklist size (a tally's `sizes`). */
export function spreadOf(sizesCount: Readonly<Record<number, number>>, fallback: number): SizeSpread {
  const sizes = Object.entries(sizesCount)
    .map(([size, n]) => [Number(size), n] as [number, number])
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || b[0] - a[0])
  if (sizes.length === 0) return { usual: fallback, others: [] }
  return { usual: sizes[0]![0], others: sizes.slice(1).map(([size, n]) => ({ size, people: n })) }
}

/** "另有 4 人的清单是 8 项", "另有 4 人 8 项、1 人 10 项", or "" when everyone's is the same. */
export function othersNote(spread: SizeSpread): string {
  const { others } = spread
  if (others.length === 0) return ''
  if (others.length === 1) return `另有 ${others[0]!.people} 人的清单是 ${others[0]!.size} 项`
  return `另有 ${others.map((o) => `${o.people} 人 ${o.size} 项`).join('、')}`
}

/**
 * The size shown for each of some units (a ranking's, a chart's bars), each given as people per size:
 * most of its people's, and
 * whether the units differ (then each unit's figure says its size).
 */
export function unitSizes<K>(
  groups: ReadonlyMap<K, Readonly<Record<number, number>>>,
  fallback: number,
): { size: (key: K) => number; differ: boolean } {
  const sizes = new Map([...groups].map(([k, counts]) => [k, spreadOf(counts, fallback).usual]))
  return { size: (key) => sizes.get(key) ?? fallback, differ: new Set(sizes.values()).size > 1 }
}
