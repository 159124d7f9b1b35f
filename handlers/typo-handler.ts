import { closestCommands } from '../src/nl/fuzzy-command'
import { parseCommand } from '../src/parser/parse-command'
import type { Command } from '../src/parser/command-types'
import type { Handler } from './composer'
import { senderOf } from './guards'
import { showProgress } from './progress-handler'
import { showHelp } from './help-handler'
import { showRecords } from './records-handler'
import { propose } from './propose'
import { actionOf } from './actions'
import { resolveDate } from '../src/domain/resolve-date'
import { knownNames } from './known-names'
import { resolveSubject } from '../src/nl/resolve-subject'
import { describeAction } from './actions'
import { addedItemFor } from '../src/domain/unit-checklist'
import { herChecklist } from './her-checklist'
import { recordAdded } from './record-item'
import { dateInDetail, extractDate } from '../src/parser/parse-date'
import { hasChecklist } from '../src/domain/entities'
import { REFUSALS } from './messages'
import { UserError } from './user-error'
import { LIMITS } from '../src/domain/vocabulary'
import type { Action } from '../src/domain/proposal'

/**
 * "#联细 刘翠花": a command word that is none. The nearest one whose line then reads as a command is
 * what she meant: a question (回复 1) before anything is recorded; a question about her own records is
 * simply answered.
 */
export const handleUnknownCommand: Handler<'unknownCommand'> = async (ctx) => {
  const { word, rest } = ctx.intent
  if (await recordedAsAdded(ctx)) return
  for (const spec of closestCommands(word)) {
    const line = `#${spec.word}${rest ? ' ' + rest : ''}`
    const parsed = parseCommand(line, { botName: ctx.deps.botName, requireHash: true })
    if (!parsed?.ok) continue
    const note = `（“${word}”我当作 #${spec.word}）\n`
    const cmd: Command = parsed.command
    if (cmd.type === 'progress') return showProgress(ctx, senderOf(ctx), ctx.today.year, note)
    if (cmd.type === 'records') return showRecords(ctx, senderOf(ctx), note)
    if (cmd.type === 'help') return showHelp(ctx, cmd.topic, note)
    const actions = ctx.sender ? await actionsOf(ctx, cmd) : undefined
    if (!actions) break
    const member = senderOf(ctx)
    const what = actions.map((a) => describeAction(a, ctx.today, ctx.place.type === 'group')).join('、')
    await propose(ctx, member, `您是想发 ${line} 吗？会记为：${what}`, [{ label: '是，记下', actions }])
    return
  }
  await ctx.reply(`没有“${word.slice(0, 10)}”这个命令。发送 #帮助 查看全部命令，或者直接说做了什么。`)
  ctx.outcome = 'userError'
}

/** What a corrected recording command would record, with the names read as #联系 reads them. */
async function actionsOf(ctx: Parameters<typeof handleUnknownCommand>[0], cmd: Command): Promise<Action[] | undefined> {
  if (cmd.type !== 'duty' && cmd.type !== 'diary' && cmd.type !== 'need') return undefined
  const when = cmd.type === 'need' ? undefined : resolveDate(cmd.date, ctx.today)
  if (when && !when.ok) return undefined
  const date = when?.ok ? when.date : ctx.today
  if (cmd.type === 'diary') return [actionOf({ kind: 'diary', content: cmd.content, date })]
  if (cmd.type === 'need') return [actionOf({ kind: 'need', content: cmd.content })]
  if (
    !cmd.subject &&
    cmd.kind !== 'onlineGroup' &&
    cmd.kind !== 'publicService' &&
    cmd.kind !== 'report' &&
    cmd.kind !== 'proposal'
  )
    return undefined
  if (!cmd.subject) return [actionOf({ kind: cmd.kind, subject: '', date, text: '' })]
  const known = await knownNames(ctx, senderOf(ctx).id)
  return [cmd.subject, ...(cmd.more ?? [])].map((name, i) => {
    const r = resolveSubject(name, cmd.kind, known)
    const subject = 'open' in r ? name : r.subject
    const kind = 'open' in r ? cmd.kind : r.kind
    return actionOf({ kind, subject, date, text: i === 0 ? (cmd.detail ?? '') : '' })
  })
}

/**
 * "#议事 村妇联议事会 昨天": a command word of an item her federation added to its checklist. Recorded at
 * once, like the eight items' commands; false when the word is none of her checklist's.
 */
async function recordedAsAdded(ctx: Parameters<typeof handleUnknownCommand>[0]): Promise<boolean> {
  const member = ctx.sender
  if (!member || !hasChecklist(member)) return false
  const found = addedItemFor(await herChecklist(ctx, member.orgId), ctx.intent.word)
  if (!found) return false
  if (ctx.place.type === 'group' && ctx.place.kind === 'constituent') throw REFUSALS.privacy()
  const words = [found.rest, ...ctx.intent.rest.split(/\s+/)].filter((w) => w !== '')
  const dated = extractDate(words)
  if (dated === 'invalid') throw new UserError('badDate', '日期写得不对，可以写“昨天”“11月20日”或“2026-11-20”。')
  const inside = dated.date ? undefined : dateInDetail(dated.words)
  if (inside === 'invalid') throw new UserError('badDate', '日期写得不对，可以写“昨天”“11月20日”或“2026-11-20”。')
  const when = resolveDate(dated.date ?? inside, ctx.today)
  if (!when.ok) throw new UserError('badDate', when.message)
  const subject = dated.words.join(' ').slice(0, LIMITS.title)
  const word = found.item.words![0]!
  if (found.item.rule === 'distinct' && !subject)
    throw new UserError('missingArgument', `请写上名称，例如 #${word} 名称 [日期]`)
  await ctx.reply(
    (await recordAdded(ctx, member, { item: found.item, subject, date: when.date }, ctx.recordId())).join('\n'),
  )
  return true
}
