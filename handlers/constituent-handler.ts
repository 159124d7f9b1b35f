import type { Need, OrgUnit } from '../src/domain/entities'
import { maskSensitive } from '../src/domain/mask-sensitive'
import { formatDate } from '../src/domain/zoned-time'
import { LIMITS } from '../src/domain/vocabulary'
import type { IntentType } from '../src/parser/command-types'
import { readConstituentMessage, readGroupPlea } from '../src/parser/read-constituent'
import { targetOfContact } from '../src/services/send-queue'
import { UserError } from './core/user-error'
import type { Handler, Middleware, Router } from './core/composer'
import type { MessageContext } from './core/message-context'
import { nearestAdmins } from './find-member'

/**
 * The constituents' group exists so that ordinary women can reach their executives (DOMAIN.md). A woman
 * who is not on the roster and @-mentions the bot there, or asks there for help without @ ("请问娃上学的
 * 补助去哪里申请"), is served: her request becomes a need of the group's unit, its executives are told
 * privately and one of them takes it (#认领); a greeting with @ gets one line on what she can do. Nothing
 * about her request is repeated in the group.
 */

/** Requests one WeChat id may pass on in a day; past it she is told once, then the bot stays quiet. */
export const MAX_REQUESTS_A_DAY = 3

/** What everyone may do wherever they are: these intents keep their own routes for her. */
const OWN_ROUTES: ReadonlySet<IntentType> = new Set(['ack', 'answer', 'help', 'media', 'unheard', 'iAm'])

export const isConstituentGroup = (ctx: MessageContext): boolean =>
  ctx.place.type === 'group' && ctx.place.kind === 'constituent'

/**
 * Reads what a woman not on the roster asks in a constituents' group (parser/read-constituent) and
 * routes it as that: her words never reach an executive's route, and an executive's words never
 * become a constituent's request.
 */
export function constituentsServed(routes: () => Router): Middleware<MessageContext> {
  return async (ctx, next) => {
    if (ctx.sender || !isConstituentGroup(ctx) || OWN_ROUTES.has(ctx.intent.type)) return next()
    const unaddressed = ctx.intent.type === 'groupReport' || ctx.intent.type === 'groupAsk'
    const text = ctx.intent.type === 'sentence' || unaddressed ? ctx.intent.text : ctx.msg.text
    // Not addressed to the bot: only a plea for help is hers to pass on; her chat is not the bot's.
    const intent = unaddressed ? readGroupPlea(text, ctx.deps.botName) : readConstituentMessage(text, ctx.deps.botName)
    if (!intent) return void (ctx.outcome = 'ignored')
    const read = ctx.withIntent(intent)
    await routes().route(read)
    ctx.outcome = read.outcome
  }
}

/** "@妇联助手 帮忙找个工作": a need of the group's unit, its executives told; she is told it was passed on. */
export const handleConstituentRequest: Handler<'constituentRequest'> = async (ctx) => {
  const unit = await unitOf(ctx)
  if (!unit) return ctx.reply('这个群还没有绑定到妇联单位，您的问题我暂时转不出去，请先联系群里的妇联干部。')
  const today = formatDate(ctx.today)
  const earlier = (await ctx.repos.needs.askedOn(ctx.msg.talkerId, today)).filter((id) => id !== ctx.recordId())
  if (earlier.length >= MAX_REQUESTS_A_DAY) return enoughForToday(ctx, today)
  const need = await openNeed(ctx, unit, ctx.intent.content)
  const told = await tellExecutives(ctx, need, unit)
  const privacy =
    maskSensitive(ctx.intent.content) !== ctx.intent.content ? '\n群里请不要发电话、身份证号，执委会私下联系您。' : ''
  await ctx.reply(
    (told === 'executives'
      ? `收到！您的问题已转给${unit.name}妇联的执委（第 ${need.number} 号），她们会尽快联系您。`
      : `收到！您的问题已登记到${unit.name}妇联的需求台账（第 ${need.number} 号），会有人尽快联系您。`) + privacy,
  )
}

/** A plea for help posted in any other group, or by an executive: not the bot's to pass on. */
export const handleGroupAsk: Handler<'groupAsk'> = async (ctx) => {
  ctx.outcome = 'ignored'
}

/** "@妇联助手 你好", or an executives' command: one line on what she can do here. */
export const handleConstituentHint: Handler<'constituentHint'> = async (ctx) => {
  // Once a day for each of them: a group of hundreds is not told the same line over and over.
  if (!(await ctx.repos.claims.tryClaim(`constituent-hint:${ctx.msg.talkerId}:${formatDate(ctx.today)}`, ctx.now))) {
    ctx.outcome = 'ignored'
    return
  }
  const bot = ctx.deps.botName
  const example = `“@${bot} 想问问两癌筛查在哪报名”`
  if (ctx.intent.why === 'command')
    throw new UserError('executivesOnly', `这是执委用的命令。您有事需要妇联帮忙，@我 直接说就行，例如${example}。`)
  await ctx.reply(`您好！有事需要妇联帮忙，@我 直接说就行，例如${example}，我会转给执委。`)
}

async function unitOf(ctx: MessageContext): Promise<OrgUnit | undefined> {
  const orgId = ctx.place.type === 'group' ? ctx.place.orgId : null
  return orgId ? ctx.repos.orgs.findById(orgId) : undefined
}

/** Past her daily limit: told once that what she sent is on its way; later ones are let be. */
async function enoughForToday(ctx: MessageContext, today: string): Promise<void> {
  if (!(await ctx.repos.claims.tryClaim(`constituent-enough:${ctx.msg.talkerId}:${today}`, ctx.now))) {
    ctx.outcome = 'ignored'
    return
  }
  await ctx.reply(`今天已经替您转了 ${MAX_REQUESTS_A_DAY} 条，执委会尽快联系您。新的问题请明天再发。`)
}

/** Her request in the unit's ledger, keyed by her message: a redelivery finds it. Nobody's until taken. */
async function openNeed(ctx: MessageContext, unit: OrgUnit, content: string): Promise<Need> {
  const roomId = ctx.place.type === 'group' ? ctx.place.roomId : ''
  const inserted = await ctx.repos.needs.open({
    id: ctx.recordId(),
    messageId: ctx.msg.id,
    memberId: null,
    orgId: unit.id,
    year: ctx.today.year,
    date: formatDate(ctx.today),
    createdAt: ctx.now,
    by: ctx.deps.instance,
    content: maskSensitive(content),
    asker: {
      contactId: ctx.msg.talkerId,
      name: maskSensitive(ctx.msg.talkerName.trim()).slice(0, LIMITS.name) || '群众',
      roomId,
    },
  })
  ctx.claimRecord({ created: inserted.created, by: inserted.record.by })
  return inserted.record
}

/**
 * One private message to each executive of the unit who can be reached in WeChat, through the send
 * queue (once per need and person); when none can, to the nearest admins, so someone hears of it.
 * Says who was told.
 */
async function tellExecutives(
  ctx: MessageContext,
  need: Need,
  unit: OrgUnit,
): Promise<'executives' | 'admins' | 'nobody'> {
  const where = ctx.place.type === 'group' && ctx.place.topic ? `“${ctx.place.topic}”` : `${unit.name}的群众群`
  const head = `📮 ${where}里，群众“${need.asker?.name ?? '群众'}”请妇联帮忙（第 ${need.number} 号需求）：\n${need.content}`
  const executives = (await ctx.repos.members.listWithChecklist([unit.id])).filter((m) => m.contactIds.length > 0)
  const told = executives.length
    ? executives.map((m) => ({
        id: m.id,
        contactId: m.contactIds[0]!,
        text: `${head}\n请在群里或私下联系她。由您跟进请回复 #认领 ${need.number}（本单位执委都收到了，先认领的跟进），办好后发 #办结 ${need.number}。`,
      }))
    : (await nearestAdmins(ctx, unit.id)).map((m) => ({
        id: m.id,
        contactId: m.contactIds[0]!,
        text: `${head}\n${unit.name}还没有能在微信里收到它的执委，请安排人联系她；执委可回复 #认领 ${need.number} 跟进。`,
      }))
  await ctx.repos.outbox.enqueue(
    told.map((t) => ({
      dedupeKey: `need-assigned:${need.id}:${t.id}`,
      kind: 'need-assigned',
      target: targetOfContact(t.contactId),
      text: t.text,
      notBefore: ctx.now,
    })),
    ctx.now,
  )
  if (told.length === 0) ctx.log.warn('constituent need: nobody to tell', { needNumber: need.number, orgId: unit.id })
  return executives.length ? 'executives' : told.length ? 'admins' : 'nobody'
}
