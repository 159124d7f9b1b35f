import type { Job, JobContext } from './job'
import { JOB_POLL } from './job'
import type { Group, OrgUnit } from '../src/domain/entities'
import type { OrgTree } from '../src/domain/org-tree'
import { toLocal, addDays, fromLocal, parseIsoDate, type LocalDate } from '../src/domain/zoned-time'
import { weekKey, weekNumber, weekRange, weeksBetween } from '../src/domain/week'
import { DEFAULT_WEEKLY_PROGRESS, hasSlotPassed } from '../src/domain/weekly-slot'
import { levelReport } from '../src/domain/level-report'
import type { StandingsView } from '../src/repos/standings-repo'
import { composeWeeklyPost } from '../src/services/weekly-post'
import { targetOfRoom } from '../src/services/send-queue'
import type { NewOutboxItem } from '../src/repos/outbox-repo'

/** Posts composed, queued and marked together: what the job holds in memory at once (charts included). */
const BATCH = 50

const markOf = (group: Group, week: string) => `weekly-progress:${group.roomId}:${week}`

/**
 * 每周进度: in every bound executives' group, at its unit's weekly time (default Monday 09:00). One run
 * reads the groups, this week's marks and last week's averages once each, walks the tree once (units
 * in tree order, each unit's report read off the standings), and queues the posts `BATCH` at a time,
 * marking each batch done after it is queued: memory stays that of a batch, whatever the number of units.
 * Processes running the same tick share the batches (see isMine).
 */
export const weeklyProgressJob: Job = {
  name: 'weekly-progress',
  poll: JOB_POLL,
  async run(ctx) {
    const groups = await ctx.repos.groups.listBound(['executive'])
    if (groups.length === 0) return 0
    const today = toLocal(ctx.now, ctx.tz)
    const week = weekKey(today)
    const monday = weekRange(today).monday
    let tree = await ctx.repos.orgs.tree()
    const missing = groups.find((g) => g.orgId && !tree.get(g.orgId))
    if (missing) tree = await ctx.repos.orgs.tree(missing.orgId!)
    const due = groups.filter((g) => {
      const org = g.orgId ? tree.get(g.orgId) : undefined
      return (
        !!org && (ctx.force || hasSlotPassed(org.settings.weeklyProgress ?? DEFAULT_WEEKLY_PROGRESS, ctx.now, ctx.tz))
      )
    })
    if (due.length === 0) return 0
    const done = ctx.force
      ? new Set<string>()
      : await ctx.repos.jobMarks.doneAmong(
          due.map((g) => markOf(g, week)),
          startOf(monday, ctx.tz),
        )
    // Batches cut from every due group in tree order, so processes running the same tick agree on them.
    const ordered = inTreeOrder(tree, due)
    if (ordered.every((g) => done.has(markOf(g, week)))) return 0
    const view = await ctx.repos.standings.view(today.year, today)
    const lastMonday = addDays(monday, -7)
    const lastWeek = await ctx.repos.snapshots.averagesOf(weekKey(lastMonday), startOf(lastMonday, ctx.tz))
    let enqueued = 0
    for (let i = 0; i < ordered.length; i += BATCH) {
      const batch = ordered.slice(i, i + BATCH).filter((g) => !done.has(markOf(g, week)))
      if (batch.length === 0 || !(await isMine(ctx, week, ordered[i]!))) continue
      enqueued += await postBatch(ctx, view, batch, { today, week, lastWeek })
      await ctx.repos.jobMarks.markAllDone(
        batch.map((g) => markOf(g, week)),
        ctx.now,
      )
    }
    return enqueued
  },
}

const startOf = (day: LocalDate, tz: string) => fromLocal(day, tz)

/** How long a process that took a batch has to queue it before another process may take it again. */
const BATCH_CLAIM_MS = 10 * 60_000

/**
 * Whether this process composes a batch: the first to claim it in this ten-minute slot. Several account
 * processes run the job on the same tick; each batch is then composed once, not once per process. One
 * that dies before marking its batch leaves it to a process of the next slot (the outbox's dedupe keys
 * keep each post single whatever happens). A forced run (the scenario runner) claims nothing.
 */
async function isMine(ctx: JobContext, week: string, first: Group): Promise<boolean> {
  if (ctx.force) return true
  const slot = Math.floor(ctx.now.getTime() / BATCH_CLAIM_MS)
  return ctx.repos.claims.tryClaim(`weekly-progress:${week}:${first.roomId}:${slot}`, ctx.now)
}

/** The groups by their units' places in the tree (parents first): the tree is walked once. */
function inTreeOrder(tree: OrgTree, groups: Group[]): Group[] {
  const byOrg = new Map<string, Group[]>()
  for (const g of groups) byOrg.set(g.orgId!, [...(byOrg.get(g.orgId!) ?? []), g])
  return tree.roots().flatMap((r) => tree.subtree(r.id).flatMap((u) => byOrg.get(u.id) ?? []))
}

/** Composes, queues and keeps the averages of one batch of posts: two reads of members, three writes. */
async function postBatch(
  ctx: JobContext,
  view: StandingsView,
  batch: Group[],
  at: { today: LocalDate; week: string; lastWeek: Map<string, number> },
): Promise<number> {
  const units = batch.map((g) => view.tree.get(g.orgId!)!)
  const onDuty = await onDutyNames(ctx, units, at.today)
  const posts = batch.map((group, i) => {
    const org = units[i]!
    const report = levelReport(view, org.id)
    const post = composeWeeklyPost(report, org.id, {
      today: at.today,
      week: weekNumber(at.week),
      lastWeekAverage: at.lastWeek.get(group.roomId),
      onDuty: onDuty.get(org.id),
    })
    return { group, post }
  })
  const contacts = await contactIdsOf(
    ctx,
    posts.flatMap(({ group, post }) => (group.mentionBehind ? post.mentionMemberIds : [])),
  )
  const items: NewOutboxItem[] = posts.map(({ group, post }) => ({
    dedupeKey: markOf(group, at.week),
    kind: 'weekly-progress',
    target: targetOfRoom(group.roomId),
    text: post.text,
    mentionIds: group.mentionBehind ? post.mentionMemberIds.flatMap((id) => contacts.get(id) ?? []) : [],
    file: { name: 'progress.png', data: post.chart },
    respectRestDays: true,
    notBefore: ctx.now,
  }))
  const enqueued = await ctx.repos.outbox.enqueue(items, ctx.now)
  await ctx.repos.snapshots.keepAll(
    at.week,
    posts.map(({ group, post }) => ({ roomId: group.roomId, averageDone: post.average })),
    ctx.now,
  )
  return enqueued
}

/** Who is on duty this week in each unit with a rotation, by one read of those members. */
async function onDutyNames(ctx: JobContext, units: OrgUnit[], today: LocalDate): Promise<Map<string, string>> {
  const chosen = new Map<string, string>()
  for (const org of units) {
    const rotation = org.rotation
    if (!rotation || rotation.memberIds.length === 0) continue
    const offset = weeksBetween(parseIsoDate(rotation.startMonday), weekRange(today).monday)
    const n = rotation.memberIds.length
    chosen.set(org.id, rotation.memberIds[((offset % n) + n) % n]!)
  }
  if (chosen.size === 0) return new Map()
  const names = new Map((await ctx.repos.members.listByIds([...new Set(chosen.values())])).map((m) => [m.id, m.name]))
  return new Map([...chosen].flatMap(([org, id]) => (names.has(id) ? [[org, names.get(id)!]] : [])))
}

/** Each member's first WeChat id, for @-mentions. */
async function contactIdsOf(ctx: JobContext, memberIds: string[]): Promise<Map<string, string>> {
  if (memberIds.length === 0) return new Map()
  const members = await ctx.repos.members.listByIds([...new Set(memberIds)])
  return new Map(members.flatMap((m) => (m.contactIds[0] ? [[m.id, m.contactIds[0]]] : [])))
}
