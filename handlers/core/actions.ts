import { itemWithSubject, labelWithSubject } from '../../src/domain/checklist'
import type { Action } from '../../src/domain/proposal'
import type { ProposedItem } from '../../src/nl/read-message'
import type { Member } from '../../src/domain/entities'
import { formatDate, parseIsoDate, type LocalDate } from '../../src/domain/zoned-time'
import type { MessageContext } from './message-context'
import { describeDate } from './dates'
import { recordAdded, recordDiary, recordDuty, recordNeed, writeChange } from './record-item'
import { herChecklist } from './her-checklist'
import { sendNotice } from './send-notice'
import { tell } from './tell'
import { maskSensitive } from '../../src/domain/mask-sensitive'

/** What she read as an item, as something to do once she confirms. */
export function actionOf(item: ProposedItem): Action {
  if (item.kind === 'diary') return { do: 'diary', content: item.content, date: formatDate(item.date) }
  if (item.kind === 'need') return { do: 'need', content: item.content }
  return { do: 'duty', kind: item.kind, subject: item.subject, date: formatDate(item.date), text: item.text }
}

/** One line per action, for the question: what will be recorded, never a need's or diary's text in a group. */
export function describeAction(action: Action, today: LocalDate, inGroup: boolean): string {
  switch (action.do) {
    case 'duty':
      return `${itemWithSubject(action.kind, action.subject)}（${describeDate(parseIsoDate(action.date), today)}）`
    case 'added':
      return `${labelWithSubject(action.label, action.subject)}（${describeDate(parseIsoDate(action.date), today)}）`
    case 'diary':
      return `妇情日记（${describeDate(parseIsoDate(action.date), today)}）${inGroup || !action.content ? '' : `：${cut(action.content)}`}`
    case 'need':
      return `妇女需求${inGroup ? '' : `：${cut(action.content)}`}`
    case 'undo':
      return `撤销：${action.what}`
    case 'notice':
      return `发送通知：${cut(maskSensitive(action.content))}`
    case 'bind':
      return `绑定：“${action.nickname}”是${action.who}`
    case 'unbind':
      return `解除${action.who}的微信绑定`
  }
}

const cut = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text)

/** The year of her ledger an action writes, if it writes one. */
function yearWritten(action: Action, ctx: MessageContext): number | undefined {
  if (action.do === 'duty' || action.do === 'added' || action.do === 'diary') return parseIsoDate(action.date).year
  if (action.do === 'need') return ctx.today.year
  if (action.do === 'undo') return action.year
  return undefined
}

/**
 * Does what she confirmed. Each action's record is keyed by the question and its place in it, so a
 * second "1" (or another bot process) finds what the first one recorded. When it answers a waiting
 * question, the question goes with the last record of its year (one write), else on its own afterwards:
 * after a crash in between, the question is still there and answering again records nothing twice.
 */
export async function runActions(
  ctx: MessageContext,
  member: Member,
  key: string,
  actions: Action[],
  answering?: { year: number; key: string },
  /** Each action's place in the question it answers (she kept some: "1 3"), so its record's key is the same. */
  places?: number[],
): Promise<string[]> {
  const lines: string[] = []
  const last = actions[actions.length - 1]
  const together = !!answering && !!last && yearWritten(last, ctx) === answering.year
  for (const [i, action] of actions.entries()) {
    const itemKey = `${key}#p${places?.[i] ?? i + 1}`
    if (together && action === last) ctx.consume = answering!.key
    switch (action.do) {
      case 'duty':
        lines.push(...(await recordDuty(ctx, member, { ...action, date: parseIsoDate(action.date) }, itemKey)))
        break
      case 'added': {
        // Her checklist as it is now; an item taken off since she was asked is still recorded, as #议事 is.
        const item = (await herChecklist(ctx, member.orgId)).find((i) => i.key === action.item) ?? {
          key: action.item,
          label: action.label,
          min: 1,
          distinct: false,
          rule: 'entries' as const,
        }
        const input = { item, subject: action.subject, date: parseIsoDate(action.date) }
        lines.push(...(await recordAdded(ctx, member, input, itemKey)))
        break
      }
      case 'diary':
        lines.push(
          ...(await recordDiary(ctx, member, { content: action.content, date: parseIsoDate(action.date) }, itemKey)),
        )
        break
      case 'need':
        lines.push(...(await recordNeed(ctx, member, action.content, itemKey)))
        break
      case 'undo': {
        const done = await writeChange(ctx, member, action.year, itemKey, {
          change: { remove: action.id },
          note: `↩️ 已撤销：${action.what}`,
        })
        // A constituent's need she took goes back to her unit for another #认领; her own need is gone.
        if (action.need) await ctx.repos.needs.withdraw(action.id, ctx.now)
        lines.push(done.event.note ?? `↩️ 已撤销：${action.what}`)
        break
      }
      case 'notice':
        lines.push(await sendNotice(ctx, member, action, itemKey))
        break
      case 'bind':
        lines.push(await confirmBinding(ctx, member, action))
        break
      case 'unbind': {
        const removed = await ctx.repos.members.unbind(action.memberId)
        await ctx.repos.audit.record({
          at: ctx.now,
          who: member.name,
          role: member.role,
          action: 'unbind member',
          detail: `${action.who}（${removed.length} 个微信）`,
          orgId: (await ctx.repos.members.findById(action.memberId))?.orgId ?? null,
        })
        lines.push(removed.length ? `已解除${action.who}的微信绑定。` : `${action.who}已经没有绑定的微信了。`)
        break
      }
    }
  }
  // Not taken with a record (no record of that year, or none at all): taken away on its own.
  if (answering && (!together || ctx.consume !== undefined))
    await ctx.repos.questions.dismiss(member, answering.year, answering.key)
  ctx.consume = undefined
  return lines
}

/** An admin's "1" to "我是 姓名": binds the WeChat id (unless it is someone else's) and tells her. */
async function confirmBinding(
  ctx: MessageContext,
  admin: Member,
  action: Extract<Action, { do: 'bind' }>,
): Promise<string> {
  const holder = await ctx.repos.members.findByContactId(action.contactId)
  if (holder && holder.id !== action.memberId) return `这个微信已经绑定给别人了，没有绑定。`
  if (holder) return `“${action.nickname}”已经绑定为${action.who}了。`
  if (!(await ctx.repos.members.bindContact(action.memberId, action.contactId, ctx.now)))
    return `这个微信已经绑定给别人了，没有绑定。`
  await ctx.repos.audit.record({
    at: ctx.now,
    who: admin.name,
    role: admin.role,
    action: 'bind member',
    detail: `${action.who} ← 微信昵称“${action.nickname}”（本人申请，管理员确认）`,
    orgId: (await ctx.repos.members.findById(action.memberId))?.orgId ?? null,
  })
  await tell(
    ctx,
    action.contactId,
    `bind-confirmed:${action.contactId}:${action.memberId}`,
    `管理员已确认：您是${action.who}。现在可以直接跟我说做了什么，例如“今天去看了刘翠花”；发送 #帮助 查看全部用法。`,
  )
  return `已绑定：“${action.nickname}”就是${action.who}。`
}
