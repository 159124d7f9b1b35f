import type { Job, JobContext } from './job'
import { JOB_POLL } from './job'
import type { Group, OrgUnit } from '../src/domain/entities'
import { toLocal, addDays, parseIsoDate } from '../src/domain/zoned-time'
import { weekKey, weekNumber, weekRange, weeksBetween } from '../src/domain/week'
import { averageDone, type Standing } from '../src/domain/standing'
import { formatWeeklyPost } from '../src/domain/format-weekly-post'
import { DEFAULT_WEEKLY_PROGRESS, hasSlotPassed } from '../src/domain/weekly-slot'
import { renderProgressChart } from '../src/charts/render-progress-chart'
import { orgStandings } from '../src/services/org-standings'
import { targetOfRoom } from '../src/services/send-queue'

/** 每周进度: in every bound executives' group, at its unit's weekly time (default Monday 09:00). */
export const weeklyProgressJob: Job = {
  name: 'weekly-progress',
  poll: JOB_POLL,
  async run(ctx) {
    const groups = await ctx.repos.groups.listBound(['executive'])
    const orgs = new Map(
      (await ctx.repos.orgs.listByIds([...new Set(groups.map((g) => g.orgId!))])).map((o) => [o.id, o]),
    )
    // Several groups of one unit share its standings: computed once per run.
    const standingsByOrg = new Map<string, Promise<Standing[]>>()
    const standingsOf = (org: OrgUnit) => {
      if (!standingsByOrg.has(org.id))
        standingsByOrg.set(org.id, orgStandings(ctx.repos, org.id, toLocal(ctx.now, ctx.tz)))
      return standingsByOrg.get(org.id)!
    }
    const week = weekKey(toLocal(ctx.now, ctx.tz))
    let enqueued = 0
    for (const group of groups) {
      const org = orgs.get(group.orgId!)
      if (!org) continue
      const mark = `weekly-progress:${group.roomId}:${week}`
      if (!ctx.force && !hasSlotPassed(org.settings.weeklyProgress ?? DEFAULT_WEEKLY_PROGRESS, ctx.now, ctx.tz))
        continue
      if (!ctx.force && (await ctx.repos.jobMarks.isDone(mark))) continue
      enqueued += await postFor(ctx, group, org, standingsOf)
      await ctx.repos.jobMarks.markDone(mark, ctx.now)
    }
    return enqueued
  },
}

async function postFor(
  ctx: JobContext,
  group: Group,
  org: OrgUnit,
  standingsOf: (org: OrgUnit) => Promise<Standing[]>,
): Promise<number> {
  const today = toLocal(ctx.now, ctx.tz)
  const week = weekKey(today)
  const dedupeKey = `weekly-progress:${group.roomId}:${week}`
  if (await ctx.repos.outbox.exists(dedupeKey)) return 0
  const standings = await standingsOf(org)
  const average = averageDone(standings)
  const lastWeek = weekKey(addDays(weekRange(today).monday, -7))
  const lastWeekAverage = await ctx.repos.snapshots.get(group.roomId, lastWeek)
  await ctx.repos.snapshots.save(group.roomId, week, average, ctx.now)
  const onDuty = await onDutyName(ctx, org, today)
  const input = {
    orgName: org.name,
    year: Number(week.slice(0, 4)),
    week: weekNumber(week),
    standings,
    lastWeekAverage,
    onDuty,
  }
  const text = formatWeeklyPost(input)
  const chart = renderProgressChart({
    title: `${org.name} 执委履职进度`,
    subtitle: `${input.year}年第${input.week}周 · ${standings.length} 位执委 · 平均完成 ${average.toFixed(1)} 项`,
    standings,
  })
  const mentionIds = group.mentionBehind
    ? await behindContactIds(
        ctx,
        standings.filter((s) => !s.onTrack).map((s) => s.memberId),
      )
    : []
  return ctx.repos.outbox.enqueue(
    [
      {
        dedupeKey,
        kind: 'weekly-progress',
        target: targetOfRoom(group.roomId),
        text,
        mentionIds,
        file: { name: 'progress.png', data: chart },
        respectRestDays: true,
        notBefore: ctx.now,
      },
    ],
    ctx.now,
  )
}

async function onDutyName(
  ctx: JobContext,
  org: OrgUnit,
  today: ReturnType<typeof toLocal>,
): Promise<string | undefined> {
  const rotation = org.rotation
  if (!rotation || rotation.memberIds.length === 0) return undefined
  const offset = weeksBetween(parseIsoDate(rotation.startMonday), weekRange(today).monday)
  const index = ((offset % rotation.memberIds.length) + rotation.memberIds.length) % rotation.memberIds.length
  return (await ctx.repos.members.findById(rotation.memberIds[index]!))?.name
}

async function behindContactIds(ctx: JobContext, memberIds: string[]): Promise<string[]> {
  if (memberIds.length === 0) return []
  const members = await ctx.repos.members.listByIds(memberIds)
  return members.map((m) => m.contactIds[0]).filter((id): id is string => !!id)
}
