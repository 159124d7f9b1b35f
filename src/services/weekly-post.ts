import { checklistFor } from '../domain/unit-checklist'
import type { UnitReport } from '../domain/compose-unit-report'
import { countedLabel, countedNoun } from '../domain/counted'
import { formatAverage, formatShare } from '../domain/format-figures'
import { formatWeeklyPost } from '../domain/format-weekly-post'
import { asOfDay, type PersonFigures } from '../domain/person-figures'
import type { Totals } from '../domain/roll-up'
import { expectedDone } from '../domain/standing'
import { MAX_BARS, mentioned, weeklyView, type WeeklyView } from '../domain/weekly-view'
import type { LocalDate } from '../domain/zoned-time'
import { renderProgressChart, type Bar, type ChartInput } from '../charts/render-progress-chart'
import { histogram, sizeSpread, spreadOf, unitSizes, type SizeSpread } from '../domain/checklist-sizes'

export interface WeeklyPost {
  text: string
  chart: Buffer
  /** Who 点名 @-mentions (at most MAX_MENTIONS), when the group has it on. */
  mentionMemberIds: string[]
  /** The unit's average items done, kept to say next week how it moved. */
  average: number
  /** Bars drawn (at most MAX_BARS). */
  bars: number
  view: WeeklyView
  /** What the chart was drawn from: its labels say what the text says. */
  chartInput: ChartInput
}

/** Sizes of the checklists in a post: most people's, and each bar's (a sub-unit's; its own level's under ''). */
interface PostSizes {
  spread: SizeSpread
  size: (key: string) => number
  differ: boolean
}

const byDone = (a: PersonFigures, b: PersonFigures) =>
  b.done - a.done || a.displayName.localeCompare(b.displayName, 'zh')

/** At most MAX_BARS people: all of them, or the ones with fewest items done. */
function peopleBars(people: readonly PersonFigures[]): { bars: Bar[]; note?: string } {
  const shown = people.length <= MAX_BARS ? [...people] : [...people].sort(byDone).slice(-MAX_BARS)
  const bars = shown.sort(byDone).map((p) => ({
    label: p.displayName,
    value: p.done,
    max: p.total,
    ok: p.onTrack,
    valueText: `${p.done}/${p.total}`,
  }))
  const note = people.length > MAX_BARS ? `只画出完成最少的 ${MAX_BARS} 人（共 ${people.length} 人）` : undefined
  return { bars, note }
}

/** One bar per sub-unit (and its own level first), at most MAX_BARS: the lowest-ranked when there are more. */
function unitBars(
  view: Extract<WeeklyView, { kind: 'units' }>,
  asOf: LocalDate,
  sizes: PostSizes,
): { bars: Bar[]; note?: string } {
  const bar = (label: string, key: string, t: Totals): Bar => {
    const size = sizes.size(key)
    return {
      label,
      value: t.averageDone,
      max: size,
      ok: t.averageDone >= expectedDone(asOf, size),
      valueText: `${formatAverage(t.averageDone, t.counted)}${sizes.differ ? `/${size}` : ''} 项 · 正常 ${formatShare(t.onTrackShare, t.counted)}`,
    }
  }
  const own = view.directTotals.counted > 0 ? [bar('本级', '', view.directTotals)] : []
  const ranked = [...view.children].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0) || a.name.localeCompare(b.name, 'zh'))
  const room = MAX_BARS - own.length
  const kept = ranked.length <= room ? ranked : ranked.slice(-room)
  const bars = [...own, ...kept.map((u) => bar(`${u.rank}. ${u.name}`, u.orgId, u))]
  const note = ranked.length > room ? `只画出排名最后的 ${room} 个单位（共 ${ranked.length} 个）` : undefined
  return { bars, note }
}

/**
 * A unit's weekly post from the report: the text, the chart (bounded: see CHART_BOUND) and who to
 * @-mention. Each level sees what it can act on: a village or township its people, a district, city or
 * province its sub-units ranked, with names of its own level only.
 */
export function composeWeeklyPost(
  report: UnitReport,
  orgId: string,
  options: { today: LocalDate; week: number; lastWeekAverage?: number; onDuty?: string },
): WeeklyPost {
  const view = weeklyView(report, orgId)
  const unit = view.unit
  const sizes = postSizes(report, orgId, view)
  const text = formatWeeklyPost({
    orgName: unit.name,
    year: report.year,
    week: options.week,
    view,
    lastWeekAverage: options.lastWeekAverage,
    onDuty: options.onDuty,
    spread: sizes.spread,
    ...(sizes.differ ? { unitSize: sizes.size } : {}),
  })
  const asOf = asOfDay(report.year, options.today)
  const { bars, note } = view.kind === 'people' ? peopleBars(view.people) : unitBars(view, asOf, sizes)
  const scope = view.kind === 'people' ? countedLabel(unit) : `含下级共${countedLabel(unit)}`
  const chartInput: ChartInput = {
    title: `${unit.name} ${countedNoun(unit)}履职进度`,
    subtitle: `${report.year}年第${options.week}周 · ${scope} · 平均完成 ${formatAverage(unit.averageDone, unit.counted)}/${sizes.spread.usual} 项`,
    bars,
    note,
    legend:
      view.kind === 'people'
        ? '（按清单完成项数；落后 = 少于按时间推算应完成的项数）'
        : '（各单位平均完成项数；落后 = 平均少于应完成的项数）',
  }
  const chart = renderProgressChart(chartInput)
  const named = view.kind === 'people' ? view.people : view.direct
  return {
    text,
    chart,
    mentionMemberIds: mentioned(named).map((p) => p.memberId),
    average: unit.averageDone,
    bars: bars.length,
    view,
    chartInput,
  }
}

/**
 * The sizes of the checklists of everyone a post counts (each by her own unit's checklist): most
 * people's for the headline, and each sub-unit's for the ranking and the bars. Its own checklist's
 * size when nobody is counted. Read off each sub-unit's tally, so a post over a province costs its
 * children, not its people.
 */
function postSizes(report: UnitReport, orgId: string, view: WeeklyView): PostSizes {
  const own = checklistFor(report.tree, orgId).length
  if (view.kind === 'people') return { spread: sizeSpread(view.people, own), size: () => own, differ: false }
  const groups = new Map<string, Record<number, number>>([
    ['', histogram(view.direct)],
    ...view.children.map((c) => [c.orgId, c.sizes] as [string, Record<number, number>]),
  ])
  const everyone: Record<number, number> = {}
  for (const counts of groups.values())
    for (const [size, n] of Object.entries(counts)) everyone[Number(size)] = (everyone[Number(size)] ?? 0) + n
  if (view.direct.length === 0) groups.delete('')
  return { spread: spreadOf(everyone, own), ...unitSizes(groups, own) }
}
