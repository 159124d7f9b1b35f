import { addedItemFor } from '../src/domain/unit-checklist'
import { hasChecklist } from '../src/domain/entities'
import { LIMITS, MESSAGE_LIMITS } from '../src/domain/vocabulary'
import { maskSensitive } from '../src/domain/mask-sensitive'
import { resolveDate } from '../src/parser/resolve-date'
import { normalizeText } from '../src/parser/normalize-text'
import { nameAfterCommandWord, parseCommand } from '../src/parser/parse-command'
import { dateInDetail, extractDate } from '../src/parser/parse-date'
import type { Handler, Middleware, Router } from './core/composer'
import type { MessageContext } from './core/message-context'
import { herChecklist } from './core/her-checklist'
import { recordAdded } from './core/record-item'
import { senderOf } from './core/guards'
import { REFUSALS } from './core/messages'
import { AlreadyHandled, UserError } from './core/user-error'

const BAD_DATE = '日期写得不对，可以写“昨天”“11月20日”或“2026-11-20”。'
const HASHED = /^\s*(?:@\S+[\s\u2005]*)?[#＃]/

/** The command word of a `#` line and what follows it. */
function headOf(line: string, botName: string): { word: string; rest: string } {
  const [word = '', ...tail] = normalizeText(line, botName)
    .replace(/^#+\s*/, '')
    .split(' ')
  return { word, rest: tail.join(' ') }
}

/**
 * "#议事 村妇联议事会 昨天", "#联系单位 县妇幼保健院": a command word of an item her unit's checklist
 * added, read before the bot's own commands, since an added word may begin with one of them (联系单位
 * with 联系; the reverse is refused when the checklist is set) — but never by cutting into a name glued
 * to the bot's own word (联系刘 does not take #联系刘翠花). In a message of several `#` lines, each
 * line goes its own way: an added item's here, any other to its command's route, one answer for all.
 * Costs nothing for a message that is no `#` command or a sender without a checklist: the checklist
 * comes from the cached org tree.
 */
export function addedItemCommands(routes: () => Router): Middleware<MessageContext> {
  return async (ctx, next) => {
    const member = ctx.sender
    if (!member || !hasChecklist(member) || !HASHED.test(ctx.msg.text)) return next()
    const checklist = await herChecklist(ctx, member.orgId)
    if (!checklist.some((i) => i.words)) return next()
    // Too long or too many lines: the parser's refusal answers it, nothing of it is read here.
    if (ctx.msg.text.length > MESSAGE_LIMITS.chars) return next()
    const lines = ctx.msg.text.split(/\r?\n/).filter((l) => l.trim() !== '')
    if (lines.length > MESSAGE_LIMITS.lines) return next()
    const several = lines.length > 1 && lines.every((l) => HASHED.test(l))
    const heads = (several ? lines : [ctx.msg.text]).map((l) => headOf(l, ctx.deps.botName))
    // "#联系刘翠花" stays the bot's #联系 even where the unit added the word 联系刘 (MS-04).
    const added = (word: string) => {
      const found = addedItemFor(checklist, word)
      return !!found && (found.rest === '' || !nameAfterCommandWord(word))
    }
    if (!heads.some((h) => added(h.word))) return next()
    if (ctx.place.type === 'group' && ctx.place.kind === 'constituent') throw REFUSALS.privacy()
    if (!several) return ctx.reply((await recordLine(ctx, heads[0]!)).join('\n'))
    const answers: string[] = []
    for (const [i, line] of lines.entries()) {
      try {
        if (added(heads[i]!.word)) {
          await routes().route(ctx.child({ type: 'addedItem', ...heads[i]! }, i + 1, answers))
          continue
        }
        const parsed = parseCommand(line, { botName: ctx.deps.botName, requireHash: true })
        if (parsed?.ok) await routes().route(ctx.child(parsed.command, i + 1, answers))
        else if (parsed) answers.push(parsed.error.message)
      } catch (err) {
        if (err instanceof AlreadyHandled || !(err instanceof UserError)) throw err
        answers.push(err.userMessage)
      }
    }
    await ctx.reply(answers.join('\n\n'))
  }
}

/** One line of several (see the middleware above). */
export const handleAddedItem: Handler<'addedItem'> = async (ctx) => {
  await ctx.reply((await recordLine(ctx, ctx.intent)).join('\n'))
}

/** Records the added item the line names, with its date, and returns what to tell her. */
async function recordLine(ctx: MessageContext, line: { word: string; rest: string }): Promise<string[]> {
  const member = senderOf(ctx)
  const found = addedItemFor(await herChecklist(ctx, member.orgId), line.word)
  if (!found)
    throw new UserError('unknownCommand', `没有“${line.word.slice(0, 10)}”这个命令。发送 #清单 查看本单位的项目。`)
  const words = [found.rest, ...line.rest.split(/\s+/)].filter((w) => w !== '')
  const dated = extractDate(words)
  if (dated === 'invalid') throw new UserError('badDate', BAD_DATE)
  const inside = dated.date ? undefined : dateInDetail(dated.words)
  if (inside === 'invalid') throw new UserError('badDate', BAD_DATE)
  const when = resolveDate(dated.date ?? inside, ctx.today)
  if (!when.ok) throw new UserError('badDate', when.message)
  // Masked before it is measured or stored: a cut must never leave part of a number behind.
  const subject = maskSensitive(dated.words.join(' '))
  if (subject.length > LIMITS.title) throw new UserError('tooLong', `名称最多 ${LIMITS.title} 字。`)
  if (found.item.rule === 'distinct' && !subject)
    throw new UserError('missingArgument', `请写上名称，例如 #${found.item.words![0]} 名称 [日期]`)
  return recordAdded(ctx, member, { item: found.item, subject, date: when.date }, ctx.recordId())
}
