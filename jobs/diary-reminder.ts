import type { Job } from './job'
import { JOB_POLL } from './job'
import type { Member } from '../src/domain/entities'
import { toLocal } from '../src/domain/zoned-time'
import { weekKey, weekRange } from '../src/domain/week'
import { DEFAULT_DIARY_REMINDER, hasSlotPassed } from '../src/domain/weekly-slot'
import { targetOfContact } from '../src/services/send-queue'

/** 妇情日记提醒: privately, to executives with no diary entry dated this week, at their unit's time. */
export const diaryReminderJob: Job = {
  name: 'diary-reminder',
  poll: JOB_POLL,
  async run(ctx) {
    const today = toLocal(ctx.now, ctx.tz)
    const week = weekKey(today)
    const due = []
    for (const org of await ctx.repos.orgs.listAll()) {
      const mark = `diary-reminder:${org.id}:${week}`
      if (!ctx.force && !hasSlotPassed(org.settings.diaryReminder ?? DEFAULT_DIARY_REMINDER, ctx.now, ctx.tz)) continue
      if (!ctx.force && (await ctx.repos.jobMarks.isDone(mark))) continue
      due.push({ org, mark })
    }
    if (due.length === 0) return 0
    const { from, monday, sunday } = weekRange(today)
    const members = await ctx.repos.members.listWithChecklist(due.map((d) => d.org.id))
    const ids = members.map((m) => m.id)
    // A week may start in December: her entries of that Monday and Tuesday are in last year's ledger.
    const years = [...new Set([monday.year, sunday.year])]
    const wrote = new Set(
      (await Promise.all(years.map((y) => ctx.repos.progress.diaryWritersSince(y, ids, from)))).flatMap((w) => [...w]),
    )
    const text = (m: Member) =>
      `${m.name}您好，本周（${monday.month}月${monday.day}日—${sunday.month}月${sunday.day}日）还没有写妇情日记。发送“#日记 内容”就能记下，例如：#日记 走访三户，了解到两户孩子放学无人接。`
    const enqueued = await ctx.repos.outbox.enqueue(
      members
        .filter((m) => m.contactIds.length > 0 && !wrote.has(m.id))
        .map((m) => ({
          dedupeKey: `diary-reminder:${m.id}:${week}`,
          kind: 'diary-reminder',
          target: targetOfContact(m.contactIds[0]!),
          text: text(m),
          respectRestDays: true,
          notBefore: ctx.now,
        })),
      ctx.now,
    )
    for (const { mark } of due) await ctx.repos.jobMarks.markDone(mark, ctx.now)
    return enqueued
  },
}
