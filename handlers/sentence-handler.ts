import { readMessage, type Reading } from '../src/nl/read-message'
import type { Intent } from '../src/parser/command-types'
import { maskSensitive } from '../src/domain/mask-sensitive'
import type { Handler, IntentContext } from './core/composer'
import { senderOf } from './core/guards'
import { knownNames } from './core/known-names'
import { propose } from './core/propose'
import { describeAction } from './core/actions'
import { pickHint, proposalOf } from './core/reading-proposal'
import { proposeUndoNewest } from './undo-handler'
import { REFUSALS } from './core/messages'
import { hasChecklist } from '../src/domain/entities'
import { MESSAGE_LIMITS } from '../src/domain/vocabulary'
import { readAdded, readInsideAdded } from './core/added-sentence'
import { misreadText } from '../src/domain/misread'

const UNCLEAR: Record<Extract<Reading, { type: 'unclear' }>['reason'], (phrase?: string) => string> = {
  nothing: () =>
    '没看明白要记什么。可以这样说：“今天去看了刘翠花，聊了孩子上学的事”，或者“写个日记：……”“记个需求：……”。发送 #帮助 查看全部用法。',
  question: () =>
    '这像是一个问题，我答不了：我只管记录和查进度。可以问本级妇联的干部；要记做过的事，直接说做了什么，例如“今天去看了刘翠花”。发送 #帮助 查看全部用法。',
  notDone: () => '这件事听起来还没办成，先不记。办完后再告诉我，我就记下来。',
  future: (p) => `“${p ?? ''}”还没到呢，事情做完后再来记录。`,
  vagueDate: (p) => `“${p ?? ''}”是哪一天？请说具体一点，例如“上周五”“11月20日”，我再记。`,
  badDate: (p) => `没有“${p ?? ''}”这一天，请检查日期。`,
  pastYear: (p) => `“${(p ?? '').trim()}”不是今年或去年：只能补记今年和去年的事项，这条没有记。`,
}

/**
 * Words to the bot that are not a command (a sentence, dictation, a voice note's transcript): read as
 * what she did, asked, or wants undone. What would be recorded is proposed and waits for her "1".
 */
export const handleSentence: Handler<'sentence'> = async (ctx) => {
  const member = senderOf(ctx)
  const heard = ctx.intent.heard ? `听到的是：“${maskSensitive(ctx.intent.text).slice(0, 80)}”\n` : ''
  if (!hasChecklist(member)) throw REFUSALS.noChecklist()
  const reading = readMessage(ctx.intent.text, {
    today: ctx.today,
    known: await knownNames(ctx, member.id),
    botName: ctx.deps.botName,
  })
  // A name read inside an added item's words (联系单位 read as a representative 「单位」) is that item.
  if (reading.type === 'records') {
    const subjects = reading.items.map((i) => ('subject' in i ? i.subject : ''))
    if (await readInsideAdded(ctx, member, ctx.intent.text, subjects))
      return answer(ctx, { type: 'unclear', reason: 'nothing' }, heard)
  }
  await answer(ctx, reading, heard)
}

/**
 * "没看明白": the message is kept masked, without a digit (domain/misread), for admins to read and export
 * as corpus lines. Losing it costs nothing but a lesson, so a failure to keep it is only logged.
 */
async function keepMisread(ctx: IntentContext<'sentence'>, orgId: string): Promise<void> {
  const voice = !!ctx.intent.heard
  const where = ctx.place.type === 'group' ? (voice ? 'voice-group' : 'group') : voice ? 'voice' : 'private'
  try {
    await ctx.repos.misreads.keep({
      id: ctx.key,
      orgId,
      at: ctx.now,
      where,
      text: misreadText(ctx.intent.text),
      reading: '没读出做了什么（没看明白）',
    })
  } catch (err) {
    ctx.log.warn('misread not kept', { messageId: ctx.msg.id, err })
  }
}

async function answer(ctx: IntentContext<'sentence'>, reading: Reading, heard: string): Promise<void> {
  const member = senderOf(ctx)
  const inGroup = ctx.place.type === 'group'
  switch (reading.type) {
    case 'records': {
      if (reading.items.length > MESSAGE_LIMITS.items)
        return ctx.reply(
          `${heard}这条读出了 ${reading.items.length} 件事，一次最多记 ${MESSAGE_LIMITS.items} 件，我没有记。请分几条发。`,
        )
      const { lines, note, options } = await proposalOf(ctx, member, reading, inGroup)
      const question = `${heard}我理解为${note}：\n${lines.join('\n')}`
      await propose(ctx, member, question, options, pickHint(reading.items.length))
      return
    }
    case 'whichPerson':
      await ctx.reply(
        `${heard}“${reading.written}”是哪一位？${reading.candidates.map((c) => `「${c.subject}」`).join('、')}都有可能。请写上全名再说一次，例如“今天去看了${reading.candidates[0]!.subject}”。`,
      )
      return
    case 'query': {
      // What she asks goes down its own route, with that route's guards, as if she had typed it.
      const query: Intent =
        reading.what === 'progress'
          ? { type: 'progress' }
          : reading.what === 'records'
            ? { type: 'records', which: 'all' }
            : { type: 'help' }
      return ctx.router!.route(ctx.withIntent(query, heard))
    }
    case 'undo':
      await ctx.router!.allows(ctx.withIntent({ type: 'undo' }))
      return proposeUndoNewest(ctx, member, heard)
    case 'unclear': {
      if (reading.reason === 'nothing') {
        const added = await readAdded(ctx, member, ctx.intent.text)
        if (added?.type === 'action') {
          const question = `${heard}我理解为：\n${describeAction(added.action, ctx.today, inGroup)}`
          return propose(ctx, member, question, [{ label: '记下', actions: [added.action] }])
        }
        if (added?.type === 'needsName')
          return ctx.reply(`${heard}要记“${added.label}”，请写上名称，例如 #${added.word} 名称`)
        if (added?.type === 'badDate') return ctx.reply(heard + UNCLEAR[added.reason](added.phrase))
        await keepMisread(ctx, member.orgId)
      }
      await ctx.reply(heard + UNCLEAR[reading.reason](reading.phrase))
    }
  }
}
