import { DEFAULT_CHECKLIST, type ChecklistItem } from './checklist'
import { evaluateProgress, type ProgressCounts } from './progress'
import { averageDone, type Standing } from './standing'
import { listNames } from './format-weekly-post'

export interface UnitAverage {
  name: string
  executives: number
  averageDone: number
}

export interface SummaryInput {
  orgName: string
  year: number
  standings: readonly Standing[]
  counts: readonly ProgressCounts[]
  units: readonly UnitAverage[]
  /**
   * Names of people who are behind: shown (a chair or admin in private chat or an executives' group of
   * the subtree), kept for private chat (a chair or admin elsewhere), or for leaders only (an executive).
   */
  names: 'shown' | 'privateOnly' | 'leadersOnly'
  checklist?: readonly ChecklistItem[]
}

/** A chair's status summary: completion per item, on track or behind, and the units furthest behind. */
export function formatSummary(input: SummaryInput): string {
  const { standings } = input
  const total = standings.length
  const lines = [`📈 ${input.orgName} ${input.year}年履职汇总（执委 ${total} 人）`]
  if (total === 0) return [...lines, '本单位及下级还没有登记执委。'].join('\n')
  const items = (input.checklist ?? DEFAULT_CHECKLIST).map((item) => {
    const done = input.counts.filter((c) => evaluateProgress(c, [item])[0]!.done).length
    return `· ${item.label} ${done}/${total} 人完成（${Math.round((done / total) * 100)}%）`
  })
  lines.push('各项完成情况：', ...items)
  const behind = standings.filter((s) => !s.onTrack)
  lines.push(
    `平均完成 ${averageDone(standings).toFixed(1)} 项；进度正常 ${total - behind.length} 人，落后 ${behind.length} 人`,
  )
  const ranked = [...input.units].filter((u) => u.executives > 0).sort((a, b) => a.averageDone - b.averageDone)
  if (ranked.length > 1) {
    lines.push(
      `落后最多的单位：${ranked
        .slice(0, 3)
        .map((u) => `${u.name}（平均 ${u.averageDone.toFixed(1)} 项）`)
        .join('、')}`,
    )
  }
  if (behind.length) lines.push(behindLine(input.names, behind))
  return lines.join('\n')
}

function behindLine(names: SummaryInput['names'], behind: readonly Standing[]): string {
  if (names === 'shown')
    return `落后的执委：${listNames(
      behind.map((s) => s.name),
      30,
    )}`
  return names === 'privateOnly' ? '落后执委名单请私聊我查看。' : '落后执委名单只对主席和管理员显示。'
}
