import type { ItemStatus } from './progress'

const FULL = '▓'
const EMPTY = '░'

/** A text bar as wide as the target's upper end (at most 10 cells), so 3 of 5–7 reads ▓▓▓░░░░. */
export function progressBar(count: number, min: number, max?: number): string {
  const width = Math.min(Math.max(max ?? min, 1), 10)
  const filled = Math.min(Math.round((Math.min(count, max ?? min) / (max ?? min)) * width), width)
  return FULL.repeat(filled) + EMPTY.repeat(width - filled)
}

export function targetText(min: number, max?: number): string {
  return max && max !== min ? `${min}–${max}` : String(min)
}

export function formatItemLine(item: ItemStatus): string {
  const mark = item.done ? '✅' : '⬜'
  return `${mark} ${item.label} ${item.count}/${targetText(item.min, item.max)} ${progressBar(item.count, item.min, item.max)}`
}

export function formatChecklist(items: readonly ItemStatus[]): string {
  const done = items.filter((i) => i.done).length
  return [...items.map(formatItemLine), `已完成 ${done}/${items.length} 项`].join('\n')
}
