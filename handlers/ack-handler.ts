import type { Handler } from './core/composer'
import type { MessageContext } from './core/message-context'
import type { Notice } from '../src/domain/entities'
import { weekRange } from '../src/domain/week'
import { fromLocal } from '../src/domain/zoned-time'

/**
 * #收到 [N], 收到了, 好的收到, 收到3号, 上周那个通知收到了: records an acknowledgement of the notice she means
 * (the newest that reached her unless she names one); silent in groups, so a hundred 收到 make no noise.
 */
export const handleAck: Handler<'ack'> = async (ctx) => void (await acknowledge(ctx, ctx.intent.which))

/**
 * Records her receipt; false when no notice is meant. `quiet` leaves that case to the caller
 * (a lone "1" with nothing to confirm is answered by the answer handler, not as a missing notice).
 */
export async function acknowledge(
  ctx: MessageContext,
  which: number | 'beforeThisWeek' | undefined,
  quiet = false,
): Promise<boolean> {
  const notice = await noticeMeant(ctx, which)
  const privately = ctx.place.type === 'private'
  if (!notice) {
    if (quiet) return false
    if (privately)
      await ctx.reply(which === undefined ? '最近没有需要确认的通知。' : `没有找到发给您的第 ${which} 号通知。`)
    else ctx.outcome = 'ignored'
    return false
  }
  const added = await ctx.repos.notices.addAck({
    noticeId: notice.id,
    contactId: ctx.msg.talkerId,
    memberId: ctx.sender?.id ?? null,
    roomId: ctx.place.type === 'group' ? ctx.place.roomId : null,
    at: ctx.now,
  })
  if (privately)
    await ctx.reply(
      added ? `已确认收到第 ${notice.number} 号通知，谢谢！` : `第 ${notice.number} 号通知您已经确认过了。`,
    )
  return true
}

/** Only a notice that reached her: through this group, or addressed to her as an executive. */
async function noticeMeant(
  ctx: MessageContext,
  which: number | 'beforeThisWeek' | undefined,
): Promise<Notice | undefined> {
  const reached = (n: Notice | undefined) =>
    n &&
    ((ctx.place.type === 'group' && n.roomIds.includes(ctx.place.roomId)) ||
      (!!ctx.sender && n.executiveIds.includes(ctx.sender.id)))
      ? n
      : undefined
  if (typeof which === 'number') return reached(await ctx.repos.notices.findByNumber(which))
  const before = which === 'beforeThisWeek' ? fromLocal(weekRange(ctx.today).monday, ctx.deps.tz) : undefined
  if (ctx.place.type === 'group') return reached(await ctx.repos.notices.latestForRoom(ctx.place.roomId, before))
  return ctx.sender ? ctx.repos.notices.latestForExecutive(ctx.sender.id, before) : undefined
}
