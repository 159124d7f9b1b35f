import type { Action } from '../src/domain/proposal'
import { itemWithSubject, type DutyKind } from '../src/domain/checklist'
import { maskSensitive } from '../src/domain/mask-sensitive'
import { formatDate, type LocalDate } from '../src/domain/zoned-time'
import { COMMAND_SPECS } from '../src/parser/command-specs'
import type { Member } from '../src/domain/entities'
import type { MessageContext } from './core/message-context'
import { propose, proposePrivately } from './core/propose'
import { UserError } from './core/user-error'

/**
 * #帮扶 / #解决 whose family name could not be told apart from its situation (family-name.ts). Nothing
 * is recorded yet. In a group the reply says only that she will be asked privately; the question, which
 * repeats what she wrote, goes to her private chat, where her "1" records the likeliest name with the
 * rest as the record's detail. This is how a village executive is used to working: she posts in the
 * group, and anything about a family is settled one to one, as the federation's privacy rules ask.
 */
export async function askFamilyName(
  ctx: MessageContext,
  member: Member,
  input: { kind: DutyKind; written: string; guess?: string; detail?: string; date: LocalDate },
): Promise<void> {
  const word = COMMAND_SPECS.find((s) => s.duty === input.kind)!.word
  const resend = `请写成 #${word} 家庭名 情况（中间空一格），例如 #${word} 王建国家 低保户`
  if (!input.guess) {
    if (ctx.place.type === 'group')
      throw new UserError('familyName', `这条没有记：没分清家庭名称和情况，群里不显示家庭情况。${resend}`)
    throw new UserError('familyName', `没分清“${maskSensitive(input.written)}”里哪几个字是家庭名称。${resend}`)
  }
  const rest = input.written.slice(input.guess.length).replace(/^[\s,，、:：;；]+/, '')
  const action: Action = {
    do: 'duty',
    kind: input.kind,
    subject: input.guess,
    date: formatDate(input.date),
    text: [rest, input.detail].filter(Boolean).join('，') || null,
  }
  const question = `“${input.written}”里的家庭名称是「${input.guess}」吗？`
  const options = [
    { label: `是，记为${itemWithSubject(input.kind, input.guess)}，其余作为情况备注`, actions: [action] },
  ]
  if (ctx.place.type === 'private') return propose(ctx, member, `${question}\n（不是的话请回复 0，${resend}）`, options)
  await proposePrivately(ctx, member, `您在群里发的这条${itemWithSubject(input.kind, '')}：${question}`, options)
  await ctx.reply('收到。这户的名称和情况写在一起了，群里不显示家庭情况，我私聊跟您确认一下。')
}
