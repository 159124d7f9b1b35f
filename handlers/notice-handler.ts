import { findSensitiveNumbers, maskSensitive, type SensitiveKind } from '../src/domain/mask-sensitive'
import type { Handler } from './core/composer'
import { propose } from './core/propose'
import { senderOf } from './core/guards'
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
