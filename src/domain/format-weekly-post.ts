import type { Standing } from './standing'
import { averageDone } from './standing'

export interface WeeklyPostInput {
  orgName: string
  year: number
  week: number
  standings: readonly Standing[]
  lastWeekAverage?: number
  onDuty?: string
}

/** Names in a group post are capped, so a city of 40 executives still reads on a phone. */
export function listNames(names: readonly string[], max = 15): string {
  return names.length <= max ? names.join('、') : `${names.slice(0, max).join('、')} 等 ${names.length} 人`
}

function trend(now: number, last?: number): string {
  if (last === undefined) return '（首次统计）'
  const delta = now - last
  if (Math.abs(delta) < 0.05) return '，与上周持平'
  return `，比上周${delta > 0 ? '多' : '少'} ${Math.abs(delta).toFixed(1)} 项`
}

/** The text version of the weekly post; the chart image carries the same standings. */
export function formatWeeklyPost(input: WeeklyPostInput): string {
  const { standings } = input
  const total = standings[0]?.total ?? 8
  const avg = averageDone(standings)
  const behind = standings.filter((s) => !s.onTrack && !s.nothingYet).map((s) => s.name)
  const nothing = standings.filter((s) => s.nothingYet).map((s) => s.name)
  const lines = [`📊 ${input.orgName} 执委履职周报 · ${input.year}年第${input.week}周`]
  if (input.onDuty) lines.push(`👩‍💼 本周轮值执委：${input.onDuty}`)
  if (standings.length === 0) {
    lines.push('本单位还没有登记执委。')
    return lines.join('\n')
  }
  lines.push(`平均完成 ${avg.toFixed(1)}/${total} 项${trend(avg, input.lastWeekAverage)}`)
  lines.push(`✅ 进度正常 ${standings.filter((s) => s.onTrack).length} 人`)
  if (behind.length) lines.push(`⚠️ 进度落后 ${behind.length} 人：${listNames(behind)}`)
  if (nothing.length) lines.push(`⬜ 今年还没有记录 ${nothing.length} 人：${listNames(nothing)}`)
  lines.push('发送 #进度 查看自己的清单。')
  return lines.join('\n')
}
