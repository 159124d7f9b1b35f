import { DEFAULT_CHECKLIST, itemId, type ChecklistItem } from './checklist'
import { countedLabel, countedNoun } from './counted'
import { formatAverage, formatShare } from './format-figures'
import { listNames } from './list-names'
import type { UnitFigures } from './roll-up'
import { whoIsBehind, type WeeklyView } from './weekly-view'

export interface SummaryInput {
  year: number
  /** Who is named and which sub-units are ranked: the same view as the unit's weekly post. */
  view: WeeklyView
  /** Every child unit with people counted, ranked among themselves. */
  children: readonly UnitFigures[]
  /**
   * Names of people who are behind: shown (a chair or admin in private chat or an executives' group of
   * the subtree), kept for private chat (a chair or admin elsewhere), or for leaders only (an executive).
   */
  names: 'shown' | 'privateOnly' | 'leadersOnly'
  checklist?: readonly ChecklistItem[]
}

/** Sub-units listed in #汇总; the rest are counted ("等 N 个单位"). */
const UNITS_SHOWN = 20

/**
 * A chair's status summary of a unit with its whole subtree: the same figures as the dashboard, the
 * workbook's 汇总 sheet and the weekly post (domain/roll-up), every sub-unit ranked, and who is behind.
 */
export function formatSummary(input: SummaryInput): string {
  const unit = input.view.unit
  const total = unit.counted
  const below = input.children.length ? '含下级单位，' : ''
  const lines = [`📈 ${unit.name} ${input.year}年履职汇总（${below}${countedLabel(unit)}）`]
  if (total === 0) return [...lines, `本单位及下级还没有登记${countedNoun(unit)}。`].join('\n')
  lines.push(
    `平均完成 ${formatAverage(unit.averageDone, total)} 项；进度正常 ${unit.onTrack} 人（${formatShare(unit.onTrackShare, total)}），` +
      `落后 ${total - unit.onTrack} 人；今年还没有记录 ${unit.nothingYet} 人（${formatShare(unit.nothingYetShare, total)}）`,
  )
  // An item only some units below have is out of the people who have it; one nobody counted here has
  // (switched off below) is not listed.
  const items = (input.checklist ?? DEFAULT_CHECKLIST).flatMap((item) => {
    const done = unit.itemsDone[itemId(item)] ?? 0
    const held = unit.itemsHeld[itemId(item)] ?? 0
    return held ? [`· ${item.label} ${done}/${held} 人完成（${Math.round((done / held) * 100)}%）`] : []
  })
  lines.push('各项完成情况：', ...items)
  if (input.children.length > 1 || (input.children.length === 1 && input.view.kind === 'units')) {
    const ranked = [...input.children].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0) || a.name.localeCompare(b.name))
    lines.push('下级单位排名（按平均完成项数）：')
    for (const u of ranked.slice(0, UNITS_SHOWN))
      lines.push(
        `${u.rank}. ${u.name} ${formatAverage(u.averageDone, u.counted)} 项 · 正常 ${formatShare(u.onTrackShare, u.counted)} · 无记录 ${formatShare(u.nothingYetShare, u.counted)}（${u.counted} 人）`,
      )
    if (ranked.length > UNITS_SHOWN) lines.push(`…… 等 ${ranked.length} 个单位`)
  }
  const named = input.view.kind === 'people' ? input.view.people : input.view.direct
  const { behind, nothing } = whoIsBehind(named)
  const late = [...behind, ...nothing.filter((p) => !p.onTrack)]
  if (late.length)
    lines.push(
      behindLine(
        input,
        late.map((p) => p.displayName),
      ),
    )
  return lines.join('\n')
}

function behindLine(input: SummaryInput, names: string[]): string {
  const noun = countedNoun(input.view.unit)
  const level = input.view.kind === 'units' ? '本级' : ''
  if (input.names === 'shown') return `${level}落后的${noun}：${listNames(names, 30)}`
  return input.names === 'privateOnly'
    ? `${level}落后${noun}名单请私聊我查看。`
    : `${level}落后${noun}名单只对主席和管理员显示。`
}
