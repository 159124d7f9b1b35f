import type { Job } from './job'
import { JOB_POLL } from './job'
import { toLocal } from '../src/domain/zoned-time'
import { weekKey } from '../src/domain/week'
import { DEFAULT_WEEKLY_PROGRESS, hasSlotPassed } from '../src/domain/weekly-slot'
import { targetOfContact } from '../src/services/send-queue'

/**
 * 未绑定提醒: once a week, at the unit's weekly-post time, each admin hears privately how many members
 * of her units have no WeChat id bound (they get no diary reminder and no notice follow-up), when any.
 */
export const unboundReportJob: Job = {
  name: 'unbound-report',
  poll: JOB_POLL,
  async run(ctx) {
    const week = weekKey(toLocal(ctx.now, ctx.tz))
    const admins = (await ctx.repos.members.listByRole('admin')).filter((a) => a.contactIds.length > 0)
    let enqueued = 0
    for (const admin of admins) {
      const org = await ctx.repos.orgs.findById(admin.orgId)
      if (!org) continue
      const mark = `unbound-report:${admin.id}:${week}`
      if (!ctx.force && !hasSlotPassed(org.settings.weeklyProgress ?? DEFAULT_WEEKLY_PROGRESS, ctx.now, ctx.tz))
        continue
      if (!ctx.force && (await ctx.repos.jobMarks.isDone(mark))) continue
      const unbound = await ctx.repos.members.listUnbound(await ctx.repos.orgs.subtreeIds(org.id))
      if (unbound.length > 0)
        enqueued += await ctx.repos.outbox.enqueue(
          [
            {
              dedupeKey: mark,
              kind: 'unbound-report',
              target: targetOfContact(admin.contactIds[0]!),
              text: `${org.name}及下级还有 ${unbound.length} 人没绑定微信，收不到日记提醒和通知跟进。发送 #未绑定 查看名单。`,
              respectRestDays: true,
              notBefore: ctx.now,
            },
          ],
          ctx.now,
        )
      await ctx.repos.jobMarks.markDone(mark, ctx.now)
    }
    return enqueued
  },
}
