import type { Job } from './job'
import type { OrgUnit } from '../src/domain/entities'
import { toLocal } from '../src/domain/zoned-time'
import { weekKey, weekRange } from '../src/domain/week'
import { DEFAULT_DIARY_REMINDER, hasSlotPassed } from '../src/domain/weekly-slot'
import { targetOfContact } from '../src/services/send-queue'

/** 妇情日记提醒: privately, to executives with no diary entry dated this week (Monday to Sunday). */
export const diaryReminderJob: Job = {
  name: 'diary-reminder',
  schedule: '*/5 * * * *',
  async run(ctx) {
    const today = toLocal(ctx.now, ctx.tz)
    const week = weekKey(today)
    const { from, to, monday, sunday } = weekRange(today)
    const members = (await ctx.repos.members.listWithChecklist()).filter((m) => m.contactIds.length > 0)
    const wrote = await ctx.repos.diaries.writersBetween(from, to)
    const orgs = new Map<string, OrgUnit | undefined>()
    const items = []
    for (const m of members) {
      if (wrote.has(m.id)) continue
      if (!orgs.has(m.orgId)) orgs.set(m.orgId, await ctx.repos.orgs.findById(m.orgId))
      const slot = orgs.get(m.orgId)?.settings.diaryReminder ?? DEFAULT_DIARY_REMINDER
      if (!ctx.force && !hasSlotPassed(slot, ctx.now, ctx.tz)) continue
      items.push({
        dedupeKey: `diary-reminder:${m.id}:${week}`,
        kind: 'diary-reminder',
        target: targetOfContact(m.contactIds[0]!),
        text: `${m.name}您好，本周（${monday.month}月${monday.day}日—${sunday.month}月${sunday.day}日）还没有写妇情日记。发送“#日记 内容”就能记下，例如：#日记 走访三户，了解到两户孩子放学无人接。`,
        respectRestDays: true,
        notBefore: ctx.now,
      })
    }
    return ctx.repos.outbox.enqueue(items, ctx.now)
  },
}
