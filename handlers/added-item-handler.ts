import { addedItemFor } from '../src/domain/unit-checklist'
import { hasChecklist } from '../src/domain/entities'
import { LIMITS } from '../src/domain/vocabulary'
import { resolveDate } from '../src/domain/resolve-date'
import { normalizeText } from '../src/parser/normalize-text'
import { dateInDetail, extractDate } from '../src/parser/parse-date'
import type { Middleware } from './composer'
import type { MessageContext } from './message-context'
import { herChecklist } from './her-checklist'
import { REFUSALS } from './messages'
import { recordAdded } from './record-item'
import { UserError } from './user-error'

const BAD_DATE = '日期写得不对，可以写“昨天”“11月20日”或“2026-11-20”。'

/**
 * "#议事 村妇联议事会 昨天", "#联系单位 县妇幼保健院": a command word of an item her unit's checklist
 * added. Read before the bot's own commands, since an added word may begin with one of them (联系单位
 * with 联系), and recorded at once like the eight items' commands. Costs nothing for a message that is
 * no `#` command or a sender without a checklist: the checklist comes from the cached org tree.
 */
export const addedItemCommands: Middleware<MessageContext> = async (ctx, next) => {
  const member = ctx.sender
  const text = normalizeText(ctx.msg.text, ctx.deps.botName)
  if (!member || !hasChecklist(member) || !text.startsWith('#') || ctx.intent.type === 'batch') return next()
  const [head = '', ...tail] = text.replace(/^#+\s*/, '').split(' ')
  const found = addedItemFor(await herChecklist(ctx, member.orgId), head)
  if (!found) return next()
  if (ctx.place.type === 'group' && ctx.place.kind === 'constituent') throw REFUSALS.privacy()
  const words = [found.rest, ...tail].filter((w) => w !== '')
  const dated = extractDate(words)
  if (dated === 'invalid') throw new UserError('badDate', BAD_DATE)
  const inside = dated.date ? undefined : dateInDetail(dated.words)
  if (inside === 'invalid') throw new UserError('badDate', BAD_DATE)
  const when = resolveDate(dated.date ?? inside, ctx.today)
  if (!when.ok) throw new UserError('badDate', when.message)
  const subject = dated.words.join(' ').slice(0, LIMITS.title)
  if (found.item.rule === 'distinct' && !subject)
    throw new UserError('missingArgument', `请写上名称，例如 #${found.item.words![0]} 名称 [日期]`)
  const lines = await recordAdded(ctx, member, { item: found.item, subject, date: when.date }, ctx.recordId())
  await ctx.reply(lines.join('\n'))
}
