import { closestCommands } from '../src/parser/fuzzy-command'
import { parseCommand } from '../src/parser/parse-command'
import { COMMANDS } from '../src/parser/command-specs'
import type { Command } from '../src/parser/command-types'
import type { Handler } from './core/composer'
import { senderOf } from './core/guards'
import { propose } from './core/propose'
import { actionOf } from './core/actions'
import { resolveDate } from '../src/parser/resolve-date'
import { knownNames } from './core/known-names'
import { resolveSubject } from '../src/nl/resolve-subject'
import { describeAction } from './core/actions'
import type { Action } from '../src/domain/proposal'
import { maskSensitive } from '../src/domain/mask-sensitive'
import { UserError } from './core/user-error'

/**
 * "#联细 刘翠花": a command word that is none. The nearest one whose line then reads as a command is
 * what she meant: a question (回复 1) before anything is recorded; a question about her own records is
 * simply answered.
 */
export const handleUnknownCommand: Handler<'unknownCommand'> = async (ctx) => {
  const { word, rest } = ctx.intent
  const book = ctx.deps.commands ?? COMMANDS
  for (const spec of closestCommands(word, book.specs)) {
    const line = `#${spec.word}${rest ? ' ' + rest : ''}`
    const parsed = parseCommand(line, { botName: ctx.deps.botName, requireHash: true, book })
    if (!parsed?.ok) continue
    const note = `（“${word}”我当作 #${spec.word}）\n`
    const cmd: Command = parsed.command
    // A question about her own records is simply answered, down that command's own route and guards.
    // The spec of what it yields (#需求 列表 yields records) says whether it only shows her something
    // (answered at once) or records (asked first).
    const yields = book.specs.find((s) => s.type === cmd.type)
    if (yields?.readOnly) return ctx.router!.route(ctx.withIntent(cmd, note))
    if (!yields?.records) break
    // What the command itself would refuse, its misspelling refuses too (its route's guards decide).
    await ctx.router!.allows(ctx.withIntent(cmd))
    const actions = await actionsOf(ctx, cmd)
    if (!actions) break
    const member = senderOf(ctx)
    const what = actions.map((a) => describeAction(a, ctx.today, ctx.place.type === 'group')).join('、')
    await propose(ctx, member, maskSensitive(`您是想发 ${line} 吗？会记为：${what}`), [{ label: '是，记下', actions }])
    return
  }
  throw new UserError(
    'unknownCommand',
    `没有“${word.slice(0, 10)}”这个命令。发送 #帮助 查看全部命令，或者直接说做了什么。`,
  )
}

/** What a corrected recording command would record, with the names read as #联系 reads them. */
async function actionsOf(ctx: Parameters<typeof handleUnknownCommand>[0], cmd: Command): Promise<Action[] | undefined> {
  if (cmd.type !== 'duty' && cmd.type !== 'diary' && cmd.type !== 'need') return undefined
  const when = cmd.type === 'need' ? undefined : resolveDate(cmd.date, ctx.today)
  if (when && !when.ok) return undefined
  const date = when?.ok ? when.date : ctx.today
  if (cmd.type === 'diary') return [actionOf({ kind: 'diary', content: cmd.content, date })]
  if (cmd.type === 'need') return [actionOf({ kind: 'need', content: cmd.content })]
  // Only an item recorded by its title (#公益 今天) may be recorded with none; a person's or family's needs her name.
  if (!cmd.subject && COMMANDS.specs.find((s) => s.duty === cmd.kind)?.shape !== 'title') return undefined
  if (!cmd.subject) return [actionOf({ kind: cmd.kind, subject: '', date, text: '' })]
  const known = await knownNames(ctx, senderOf(ctx).id)
  return [cmd.subject, ...(cmd.more ?? [])].map((name, i) => {
    const r = resolveSubject(name, cmd.kind, known)
    // A name that extends or shortens one she logged stays as she typed it (namesake.ts): never merged.
    const asTyped = 'open' in r || (!r.sure && r.namesake)
    const subject = asTyped ? name : r.subject
    const kind = 'open' in r ? cmd.kind : r.kind
    return actionOf({ kind, subject, date, text: i === 0 ? (cmd.detail ?? '') : '' })
  })
}
