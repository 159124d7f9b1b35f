import { findSensitiveNumbers, maskSensitive, type SensitiveKind } from '../src/domain/mask-sensitive'
import { listNames } from '../src/domain/format-weekly-post'
import { displayNames } from '../src/domain/display-name'
import type { Handler } from './core/composer'
import type { MessageContext } from './core/message-context'
import type { Notice } from '../src/domain/entities'
import { propose } from './core/propose'
import { weekRange } from '../src/domain/week'
import { fromLocal } from '../src/domain/zoned-time'
import { senderOf } from './core/guards'
import { UserError } from './core/user-error'
import { AUDIENCE_NAMES, sendNotice } from './core/send-notice'

/**
 * #通知: an admin's notice to the groups of that kind in her unit's subtree, through the send queue.
 * It keeps the numbers she wrote (an office phone is the point of many notices), except that it waits
 * for her answer when it would show an ID card or bank card number in any group, or any personal-looking
 * number in a constituents' group: she may send it with the numbers masked, or as written.
 */
export const handleNotice: Handler<'notice'> = async (ctx) => {
  const admin = senderOf(ctx)
  const { audience, content, defaulted } = ctx.intent
  const numbers = findSensitiveNumbers(content).filter((n) => audience !== 'executive' || PRIVATE_KINDS.has(n.kind))
  if (numbers.length > 0) {
    const shown = numbers.map((n) => n.masked).join('、')
    const notice = { do: 'notice' as const, audience, defaulted: !!defaulted }
    const masked = { label: '隐去号码后发送', actions: [{ ...notice, content: maskSensitive(content) }] }
    const asWritten = { label: '照原样发送', actions: [{ ...notice, content, asWritten: true as const }] }
    // An ID or a bank card is never meant for a group: the masked notice comes first, for a quick "1".
    const ids = numbers.some((n) => PRIVATE_KINDS.has(n.kind))
    await propose(
      ctx,
      admin,
      ids
        ? `这条通知里有身份证号或银行卡号（${shown}），发到${AUDIENCE_NAMES[audience]}后群里人人都能看到。`
        : `这条通知要发到群众群，里面有像个人号码的数字（${shown}），群众群里人人都能看到。`,
      ids ? [masked, asWritten] : [asWritten, masked],
    )
    return
  }
  await ctx.reply(await sendNotice(ctx, admin, { audience, content, defaulted: !!defaulted }, ctx.key))
}

/** Numbers that are never a notice's point, whichever group it goes to. */
const PRIVATE_KINDS = new Set<SensitiveKind>(['idCard', 'bankCard'])

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

/** #回执 [编号]: who has acknowledged: executives by name, everyone else by count. */
export const handleReceipts: Handler<'receipts'> = async (ctx) => {
  const admin = senderOf(ctx)
  const cmd = ctx.intent
  const orgIds = await ctx.repos.orgs.subtreeIds(admin.orgId)
  const notice = cmd.number
    ? await ctx.repos.notices.findByNumber(cmd.number)
    : await ctx.repos.notices.latestInOrgs(orgIds)
  if (!notice || !orgIds.includes(notice.orgId))
    throw new UserError('notFound', cmd.number ? `没有找到本单位的第 ${cmd.number} 号通知。` : '本单位还没有发过通知。')
  const acks = await ctx.repos.notices.acksOf(notice.id)
  const executives = await ctx.repos.members.listByIds(notice.executiveIds)
  // Namesakes read with their units: 王芳（白庙村）、王芳（李庄村）.
  const units = new Map(
    (await ctx.repos.orgs.listByIds([...new Set(executives.map((e) => e.orgId))])).map((o) => [o.id, o.name]),
  )
  const shown = displayNames(executives, (id) => units.get(id))
  const ackedIds = new Set(acks.map((a) => a.memberId))
  const yes = executives.filter((e) => ackedIds.has(e.id)).map((e) => shown.get(e.id)!)
  const no = executives.filter((e) => !ackedIds.has(e.id)).map((e) => shown.get(e.id)!)
  const others = acks.filter((a) => !a.memberId || !notice.executiveIds.includes(a.memberId)).length
  // In a constituents' group, executives are not named: counts only, names in private or the executives' group.
  const named = !(ctx.place.type === 'group' && ctx.place.kind === 'constituent')
  const lines = [
    `第 ${notice.number} 号通知：${notice.content.slice(0, 30)}${notice.content.length > 30 ? '…' : ''}`,
    `执委已确认 ${yes.length}/${executives.length} 人${named && yes.length ? '：' + listNames(yes, 30) : ''}`,
  ]
  if (no.length) lines.push(`未确认 ${no.length} 人${named ? '：' + listNames(no, 30) : ''}`)
  lines.push(`群众确认 ${others} 人`)
  if (!named) lines.push('（群众群里不列执委姓名，私聊我发 #回执 可以看名单。）')
  await ctx.reply(lines.join('\n'))
}
