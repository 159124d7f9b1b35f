import { itemWithSubject } from '../src/domain/checklist'
import type { Action } from '../src/domain/proposal'
import type { ProposedItem } from '../src/nl/read-message'
import type { Member } from '../src/domain/entities'
import { formatDate, parseIsoDate, type LocalDate } from '../src/domain/zoned-time'
import type { MessageContext } from './message-context'
import { describeDate } from './dates'
import { recordDiary, recordDuty, recordNeed } from './record-item'
import { sendNotice } from './notice-handler'

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
    case 'diary':
      return `妇情日记（${describeDate(parseIsoDate(action.date), today)}）${inGroup ? '' : `：${cut(action.content)}`}`
    case 'need':
      return `妇女需求${inGroup ? '' : `：${cut(action.content)}`}`
    case 'undo':
      return `撤销：${action.what}`
    case 'notice':
      return `发送通知：${cut(action.content)}`
  }
}

const cut = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text)

/**
 * Does what she confirmed. Each action's record is keyed by the question and its place in it, so a
 * second "1" (or another bot process) finds what the first one recorded.
 */
export async function runActions(
  ctx: MessageContext,
  member: Member,
  key: string,
  actions: Action[],
): Promise<string[]> {
  const lines: string[] = []
  for (const [i, action] of actions.entries()) {
    const itemKey = `${key}#p${i + 1}`
    switch (action.do) {
      case 'duty':
        lines.push(...(await recordDuty(ctx, member, { ...action, date: parseIsoDate(action.date) }, itemKey)))
        break
      case 'diary':
        lines.push(
          ...(await recordDiary(ctx, member, { content: action.content, date: parseIsoDate(action.date) }, itemKey)),
        )
        break
      case 'need':
        lines.push(...(await recordNeed(ctx, member, action.content, itemKey)))
        break
      case 'undo': {
        const done = await ctx.repos.progress.record(
          member,
          action.year,
          {
            key: itemKey,
            by: ctx.deps.instance,
            messageId: ctx.msg.id,
            change: { remove: action.id },
            note: `↩️ 已撤销：${action.what}`,
          },
          ctx.now,
        )
        ctx.claimRecord({ created: done.created, by: done.event.by })
        if (action.need) await ctx.repos.needs.markUndone(action.id, ctx.now)
        lines.push(done.event.note ?? `↩️ 已撤销：${action.what}`)
        break
      }
      case 'notice':
        lines.push(await sendNotice(ctx, member, action, itemKey))
        break
    }
  }
  return lines
}
