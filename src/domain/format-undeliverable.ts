import { maskSensitive } from './mask-sensitive'

/** What kind of message it was, as an admin would call it. */
const KIND_NAMES: Record<string, string> = {
  notice: '通知',
  'weekly-progress': '每周进度',
  'diary-reminder': '妇情日记提醒',
  'notice-follow-up': '通知确认提醒',
  'login-restored': '登录恢复提醒',
}

export type UndeliverableReason = 'unreachable' | { refused: number }

export interface UndeliverableInput {
  kind: string
  /** The group's name, or the person's name for a private message; null when neither is known. */
  place: { room: string | null } | { person: string | null }
  reason: UndeliverableReason
  text: string
}

const PREVIEW = 40

/** The admin's private note about a queued message no bot account could deliver. */
export function formatUndeliverable(input: UndeliverableInput): string {
  const what = KIND_NAMES[input.kind] ?? '消息'
  const inRoom = 'room' in input.place
  const where = inRoom
    ? `发到群「${(input.place as { room: string | null }).room ?? '未知的群'}」`
    : `私聊发给「${(input.place as { person: string | null }).person ?? '一位未登记的联系人'}」`
  const why =
    input.reason === 'unreachable'
      ? inRoom
        ? '机器人的微信号都不在这个群里了（可能被移出了群）。请把机器人的微信号重新拉进群'
        : '机器人的微信号都不是对方的微信好友（可能被删除了好友）。请对方重新加机器人为好友'
      : `微信连续 ${input.reason.refused} 次没有发出。请检查机器人的微信号是否还在正常登录`
  // Admins read it, about someone else's message: no full phone or ID number in the preview.
  const body = maskSensitive(input.text.trim())
  const preview = body ? `\n内容开头：${body.slice(0, PREVIEW)}${body.length > PREVIEW ? '…' : ''}` : ''
  return `⚠️ 机器人没能把一条${what}${where}：${why}。这条消息不会再自动发送，需要的话请在那之后重新发一次。${preview}`
}
