import type { Job } from './job'
import { JOB_POLL } from './job'
import { targetOfContact } from '../src/services/send-queue'

/** 通知回执跟进: one private reminder to each executive who has not answered #收到 after the delay. */
export const noticeFollowUpJob: Job = {
  name: 'notice-follow-up',
  poll: JOB_POLL,
  async run(ctx) {
    let enqueued = 0
    for (const notice of await ctx.repos.notices.dueFollowUps(ctx.now)) {
      const acked = new Set((await ctx.repos.notices.acksOf(notice.id)).map((a) => a.memberId))
      const missing = (await ctx.repos.members.listByIds(notice.executiveIds)).filter(
        (m) => !acked.has(m.id) && m.contactIds.length > 0,
      )
      enqueued += await ctx.repos.outbox.enqueue(
        missing.map((m) => ({
          dedupeKey: `notice-follow-up:${notice.id}:${m.id}`,
          kind: 'notice-follow-up',
          target: targetOfContact(m.contactIds[0]!),
          text: `${m.name}您好，第 ${notice.number} 号通知您还没有确认：\n${notice.content}\n看到后请回复 #收到。`,
          notBefore: ctx.now,
        })),
        ctx.now,
      )
      await ctx.repos.notices.markFollowUpDone(notice.id)
    }
    return enqueued
  },
}
