import type { Job, JobContext } from './job'
import { JOB_POLL } from './job'
import type { Group, OrgUnit } from '../src/domain/entities'
import { toLocal, addDays, parseIsoDate } from '../src/domain/zoned-time'
import { weekKey, weekNumber, weekRange, weeksBetween } from '../src/domain/week'
import { DEFAULT_WEEKLY_PROGRESS, hasSlotPassed } from '../src/domain/weekly-slot'
import { unitReport, type UnitReport } from '../src/services/unit-report'
import { composeWeeklyPost } from '../src/services/weekly-post'
import { targetOfRoom } from '../src/services/send-queue'

/**
 * 每周进度: in every bound executives' group, at its unit's weekly time (default Monday 09:00). The
 * whole tree's report is read once per run that has something due (three reads, see unit-report) and
 * every group's post is cut from it.
 */
export const weeklyProgressJob: Job = {
  name: 'weekly-progress',
  poll: JOB_POLL,
  async run(ctx) {
    const groups = await ctx.repos.groups.listBound(['executive'])
    const tree = await ctx.repos.orgs.tree()
    let report: Promise<UnitReport> | undefined
    const reportOnce = () => {
      const today = toLocal(ctx.now, ctx.tz)
      report ??= unitReport(ctx.repos, undefined, today.year, today)
      return report
    }
    const week = weekKey(toLocal(ctx.now, ctx.tz))
    let enqueued = 0
    for (const group of groups) {
      const org = tree.get(group.orgId!) ?? (await ctx.repos.orgs.findById(group.orgId!))
      if (!org) continue
      const mark = `weekly-progress:${group.roomId}:${week}`
      if (!ctx.force && !hasSlotPassed(org.settings.weeklyProgress ?? DEFAULT_WEEKLY_PROGRESS, ctx.now, ctx.tz))
        continue
      if (!ctx.force && (await ctx.repos.jobMarks.isDone(mark))) continue
      enqueued += await postFor(ctx, group, org, reportOnce)
      await ctx.repos.jobMarks.markDone(mark, ctx.now)
    }
    return enqueued
  },
}

async function postFor(
  ctx: JobContext,
  group: Group,
  org: OrgUnit,
  reportOnce: () => Promise<UnitReport>,
): Promise<number> {
  const today = toLocal(ctx.now, ctx.tz)
  const week = weekKey(today)
  const dedupeKey = `weekly-progress:${group.roomId}:${week}`
  if (await ctx.repos.outbox.exists(dedupeKey)) return 0
  const report = await reportOnce()
  if (!report.unit(org.id)) return 0
  const lastWeek = weekKey(addDays(weekRange(today).monday, -7))
  const lastWeekAverage = await ctx.repos.snapshots.get(group.roomId, lastWeek)
  const post = composeWeeklyPost(report, org.id, {
    today,
    week: weekNumber(week),
    lastWeekAverage,
    onDuty: await onDutyName(ctx, org, today),
  })
  await ctx.repos.snapshots.save(group.roomId, week, post.average, ctx.now)
  const mentionIds = group.mentionBehind ? await contactIds(ctx, post.mentionMemberIds) : []
  return ctx.repos.outbox.enqueue(
    [
      {
        dedupeKey,
        kind: 'weekly-progress',
        target: targetOfRoom(group.roomId),
        text: post.text,
        mentionIds,
        file: { name: 'progress.png', data: post.chart },
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

async function contactIds(ctx: JobContext, memberIds: string[]): Promise<string[]> {
  if (memberIds.length === 0) return []
  const members = await ctx.repos.members.listByIds(memberIds)
  return members.map((m) => m.contactIds[0]).filter((id): id is string => !!id)
}
