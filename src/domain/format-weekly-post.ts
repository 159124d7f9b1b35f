import { countedLabel } from './counted'
import { formatAverage, formatShare } from './format-figures'
import { listNames, POST_NAMES } from './list-names'
import type { Totals } from './roll-up'
import { whoIsBehind, type WeeklyView } from './weekly-view'
import { othersNote, type SizeSpread } from './checklist-sizes'

export { listNames } from './list-names'

export interface WeeklyPostInput {
  orgName: string
  year: number
  week: number
  view: WeeklyView
  lastWeekAverage?: number
  onDuty?: string
  /** The checklist size most people here have, and the others (see checklist-sizes). */
  spread: SizeSpread
  /** Each sub-unit's size (its own level's under ''), given only where they differ: each figure then says it. */
  unitSize?: (orgId: string) => number
}

/** How the average moved since last week ("" the first week: the note says 首次统计). */
function trend(now: number, last?: number): string {
  if (last === undefined) return ''
  const delta = now - last
  if (Math.abs(delta) < 0.05) return '，与上周持平'
  return `，比上周${delta > 0 ? '多' : '少'} ${Math.abs(delta).toFixed(1)} 项`
}

function peopleLines(people: Parameters<typeof whoIsBehind>[0], prefix = ''): string[] {
  const { behind, nothing } = whoIsBehind(people)
  const names = (list: typeof behind) =>
    listNames(
      list.map((p) => p.displayName),
      POST_NAMES,
    )
  const lines: string[] = []
  if (behind.length) lines.push(`⚠️ ${prefix}进度落后 ${behind.length} 人：${names(behind)}`)
  if (nothing.length) lines.push(`⬜ ${prefix}今年还没有记录 ${nothing.length} 人：${names(nothing)}`)
  return lines
}

const shares = (t: Totals) =>
  `✅ 进度正常 ${t.onTrack} 人（${formatShare(t.onTrackShare, t.counted)}），今年还没有记录 ${t.nothingYet} 人（${formatShare(t.nothingYetShare, t.counted)}）`

/**
 * The text of a unit's weekly post; the chart carries the same figures. A village or township names its
 * people; a unit above ranks its sub-units and names people of its own level only.
 */
export function formatWeeklyPost(input: WeeklyPostInput): string {
  const { view } = input
  const unit = view.unit
  const { spread, unitSize } = input
  const of = (key: string) => (unitSize ? `/${unitSize(key)}` : '')
  const lines = [`📊 ${input.orgName} 执委履职周报 · ${input.year}年第${input.week}周`]
  if (input.onDuty) lines.push(`👩‍💼 本周轮值执委：${input.onDuty}`)
  if (unit.counted === 0) {
    lines.push('本单位还没有登记执委。')
    return lines.join('\n')
  }
  const notes = [othersNote(spread), input.lastWeekAverage === undefined ? '首次统计' : ''].filter((n) => n)
  const average = `平均完成 ${formatAverage(unit.averageDone, unit.counted)}/${spread.usual} 项${notes.length ? `（${notes.join('；')}）` : ''}${trend(unit.averageDone, input.lastWeekAverage)}`
  if (view.kind === 'people') {
    lines.push(`${countedLabel(unit)}，${average}`)
    lines.push(`✅ 进度正常 ${unit.onTrack} 人`)
    lines.push(...peopleLines(view.people))
  } else {
    lines.push(`含下级单位共${countedLabel(unit)}，${average}`)
    lines.push(shares(unit))
    const ranked = [...view.children].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))
    const shown = ranked
      .slice(0, POST_NAMES)
      .map((u) => `${u.rank}. ${u.name} ${formatAverage(u.averageDone, u.counted)}${of(u.orgId)}`)
    const more = ranked.length > POST_NAMES ? ` 等 ${ranked.length} 个单位` : ''
    lines.push(`🏅 下级单位排名（平均完成项数）：${shown.join('、')}${more}`)
    const d = view.directTotals
    if (d.counted > 0) {
      lines.push(`本级${countedLabel(d)}，平均完成 ${formatAverage(d.averageDone, d.counted)}${of('')} 项`)
      lines.push(...peopleLines(view.direct, '本级'))
    }
  }
  lines.push('发送 #进度 查看自己的清单。')
  return lines.join('\n')
}
