import { waitingHere } from './answer-handler'
import { toLocal } from '../src/domain/zoned-time'
import type { Handler } from './core/composer'
import { senderOf } from './core/guards'
import { runActions } from './core/actions'

/**
 * "1 3", "只记1", "第二个不要": she keeps some items of the one question of several waiting here; what
 * she keeps is recorded as "1" would record it (same keys), the rest is not, and the question goes.
 */
export const handlePick: Handler<'pick'> = async (ctx) => {
  const open = ctx.sender ? await waitingHere(ctx, ctx.sender.id) : []
  const several = open.filter((q) => (q.options[0]?.actions.length ?? 0) > 1)
  if (several.length !== 1) {
    if (ctx.place.type === 'private' || open.length > 0)
      await ctx.reply(
        several.length === 0
          ? '现在没有几件事一起等您确认的问题。'
          : '有几个问题在等您回复，请先用“问题号-1”回复其中一个。',
      )
    else ctx.outcome = 'ignored'
    return
  }
  const waiting = several[0]!
  const all = waiting.options[0]!.actions
  const { keep, drop } = ctx.intent
  const wanted = all.map((_a, i) => i + 1).filter((n) => (keep ? keep.includes(n) : !drop!.includes(n)))
  const wrong = [...(keep ?? []), ...(drop ?? [])].filter((n) => n > all.length)
  if (wrong.length) return ctx.reply(`这个问题只有 ${all.length} 件事，没有第 ${wrong.join('、')} 件。`)
  const member = senderOf(ctx)
  const year = toLocal(new Date(waiting.createdAt), ctx.deps.tz).year
  if (wanted.length === 0) {
    await ctx.claim()
    await ctx.repos.questions.dismiss(member, year, waiting.key)
    return ctx.reply('好的，都不记，已取消。')
  }
  const actions = wanted.map((n) => all[n - 1]!)
  const lines = await runActions(ctx, member, waiting.key, actions, { year, key: waiting.key }, wanted)
  await ctx.reply(lines.join('\n'))
}
