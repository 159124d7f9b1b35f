import type { Member, OrgUnit } from '../src/domain/entities'
import { answerLines, conversationOf, PROPOSAL_TTL_MS } from '../src/domain/proposal'
import { maskSensitive } from '../src/domain/mask-sensitive'
import { targetOfContact } from '../src/services/send-queue'
import type { Handler } from './core/composer'
import type { MessageContext } from './core/message-context'
import { senderOf } from './core/guards'
import { propose } from './core/propose'
import { UserError } from './core/user-error'
import { claimAllowances } from '../src/domain/reply-budget'
import { mayIssueBindCode } from '../src/domain/may-issue-bind-code'

/**
 * Who is who. A WeChat id is bound to a roster member by an import that carries it, by the member's
 * first message in a bound executives' group of her unit (executives only, see members.identify), by a
 * one-time code an admin gave her, or by "我是 姓名" confirmed with "1" by an admin of her unit.
 */

const HELLO = '现在可以直接跟我说做了什么，例如“今天去看了刘翠花”；发送 #帮助 查看全部用法。'

/** "她（白庙村）": a member with her unit, as lists show namesakes. */
export async function withUnit(ctx: MessageContext, member: Member): Promise<string> {
  const org = await ctx.repos.orgs.findById(member.orgId)
  return `${org?.name ?? ''}的${member.name}`
}

/** The roster member a name (and unit) mean within some units, or the sentence that says why not. */
async function findMember(
  ctx: MessageContext,
  name: string,
  orgName: string | undefined,
  within?: readonly string[],
): Promise<Member> {
  const all = (await ctx.repos.members.findByName(name)).filter((m) => !within || within.includes(m.orgId))
  const orgs = new Map((await ctx.repos.orgs.listByIds([...new Set(all.map((m) => m.orgId))])).map((o) => [o.id, o]))
  const matching = orgName ? all.filter((m) => orgs.get(m.orgId)?.name === orgName) : all
  if (matching.length === 1) return matching[0]!
  if (matching.length === 0)
    throw new UserError(
      'notFound',
      orgName && all.length
        ? `${orgName}没有叫“${name}”的人。名单里的“${name}”在：${unitsOf(all, orgs)}。`
        : `名单里没有找到“${name}”。请确认姓名，或联系本级妇联管理员把您加入名单。`,
    )
  throw new UserError(
    'ambiguousName',
    `名单里有 ${matching.length} 位“${name}”（${unitsOf(matching, orgs)}），请写上单位，例如：我是 ${name} ${orgs.get(matching[0]!.orgId)?.name ?? '单位'}`,
  )
}

const unitsOf = (members: Member[], orgs: Map<string, OrgUnit>) =>
  members.map((m) => orgs.get(m.orgId)?.name ?? '').join('、')

/**
 * The admins nearest above a unit who can be reached in WeChat: the unit's, else its parent's, and so
 * on; from the unit above it (`above`) when a claim would take over someone bound already, an admin or a
 * chair — a unit's own admin cannot hand her own place, or a bound colleague's, to a new WeChat id.
 */
export async function nearestAdmins(ctx: MessageContext, orgId: string, above = false): Promise<Member[]> {
  const org = await ctx.repos.orgs.findById(orgId)
  const chain = (org ? [org.id, ...[...org.ancestors].reverse()] : []).slice(above ? 1 : 0)
  const admins = (await ctx.repos.members.listByRole('admin', chain)).filter((a) => a.contactIds.length > 0)
  for (const unit of chain) {
    const here = admins.filter((a) => a.orgId === unit)
    if (here.length) return here
  }
  return []
}

/** "我是 张秀英 [白庙村] [code]", "绑定码 12345678". */
export const handleIAm: Handler<'iAm'> = async (ctx) => {
  const { name, org, code } = ctx.intent
  if (ctx.sender) {
    const same = !name || name === ctx.sender.name
    await ctx.reply(
      same
        ? `这个微信已经绑定为${await withUnit(ctx, ctx.sender)}，不用再绑定。`
        : `这个微信已经绑定为${await withUnit(ctx, ctx.sender)}。如需更换，请联系本级妇联管理员。`,
    )
    return
  }
  if (code) {
    await ctx.claim()
    const redeemed = await ctx.repos.bindCodes.redeem(code, ctx.msg.talkerId, ctx.now)
    if (redeemed === 'throttled') throw new UserError('throttled', '错误次数太多了，请明天再试，或联系管理员。')
    const member = redeemed && (await ctx.repos.members.findById(redeemed.memberId))
    if (!member || (name && member.name !== name))
      throw new UserError('badCode', '绑定码不对或已经失效。请向管理员要一个新的绑定码（一天内有效，只能用一次）。')
    if (!(await ctx.repos.members.bindContact(member.id, ctx.msg.talkerId, ctx.now)))
      throw new UserError('boundElsewhere', '这个微信号已经绑定给别人了。请联系管理员。')
    await ctx.repos.audit.record({
      at: ctx.now,
      who: redeemed.by,
      role: 'admin',
      action: 'bind member',
      detail: `${await withUnit(ctx, member)} ← 绑定码（微信昵称“${maskSensitive(ctx.msg.talkerName)}”）`,
      orgId: member.orgId,
    })
    await ctx.reply(`已绑定：您是${await withUnit(ctx, member)}。${HELLO}`)
    return
  }
  // Whatever the roster holds, a stranger hears the same (ID-06: no units named, no name confirmed).
  const member = await findMember(ctx, name!, org).catch((err: unknown) => {
    if (err instanceof UserError) return undefined
    throw err
  })
  // Someone bound already, an admin or a chair: only the admin of the unit above may hand her place over.
  const bound = !!member && member.contactIds.length > 0
  const admins = member ? await nearestAdmins(ctx, member.orgId, bound || member.role !== 'executive') : []
  if (!member || admins.length === 0) {
    ctx.log.info('binding request not forwarded', { messageId: ctx.msg.id, reason: member ? 'noAdmin' : 'notFound' })
    return ctx.reply(CLAIM_RECEIVED)
  }
  // A few questions a day per claimant, per member claimed and in all (ID-05): the rest are not asked.
  if (!ctx.deps.replies.take(claimAllowances(ctx.msg.talkerId, member.id), ctx.now)) {
    ctx.log.info('binding request not forwarded', { messageId: ctx.msg.id, reason: 'budget' })
    return ctx.reply(CLAIM_RECEIVED)
  }
  await ctx.claim()
  const who = await withUnit(ctx, member)
  const warning = bound
    ? `\n⚠️ ${who}已经绑定了 ${member.contactIds.length} 个微信；确认后这个微信也能以她的身份记录。`
    : ''
  // A nickname is whatever a stranger typed: shown to admins, it is masked like anything else they read.
  const nickname = maskSensitive(ctx.msg.talkerName)
  const question = maskSensitive(`微信昵称“${nickname}”的人说她是${who}（${roleName(member)}）。是她本人吗？${warning}`)
  const options = [
    {
      label: '确认绑定',
      actions: [
        {
          do: 'bind' as const,
          memberId: member.id,
          contactId: ctx.msg.talkerId,
          nickname,
          who,
        },
      ],
    },
  ]
  for (const admin of admins) {
    for (const contactId of admin.contactIds) {
      // Numbered when other questions wait for her there: her "1" can only answer the one she means.
      const asked = await ctx.repos.questions.ask(admin, ctx.today.year, {
        key: `${ctx.key}:${contactId}`,
        conversation: conversationOf(contactId, undefined),
        from: ctx.msg.talkerId,
        by: ctx.deps.instance,
        text: question,
        options,
        createdAt: ctx.now,
        expiresAt: new Date(ctx.now.getTime() + PROPOSAL_TTL_MS),
      })
      if (!asked.created) continue
      const alone = asked.open.length === 1
      await ctx.repos.outbox.enqueue(
        [
          {
            dedupeKey: `bind-request:${ctx.key}:${contactId}`,
            kind: 'bind-request',
            target: targetOfContact(contactId),
            text: [question, ...answerLines(options, asked.question.n, alone, '不绑定')].join('\n'),
            notBefore: ctx.now,
          },
        ],
        ctx.now,
      )
    }
  }
  await ctx.reply(CLAIM_RECEIVED)
}

/** What a "我是 …" hears, whether or not the roster has her: nothing about who is on it or where. */
export const CLAIM_RECEIVED =
  '收到。如果名单里有您，管理员核对后我会告诉您结果。名单里如有同名的人，请写上单位再发一次：我是 您的姓名 您的单位。'

const roleName = (m: Member) => ({ executive: '执委', chair: '主席', admin: '管理员' })[m.role]

/** #未绑定: who in her units has no WeChat id yet, so gets no reminder and no follow-up. */
export const handleUnbound: Handler<'unbound'> = async (ctx) => {
  const admin = senderOf(ctx)
  const units = await ctx.repos.orgs.subtreeIds(admin.orgId)
  const unbound = await ctx.repos.members.listUnbound(units)
  if (unbound.length === 0) {
    await ctx.reply('本单位及下级的成员都已绑定微信。')
    return
  }
  const orgs = new Map((await ctx.repos.orgs.listByIds(units)).map((o) => [o.id, o.name]))
  const lines = unbound.slice(0, 50).map((m) => `${m.name}（${orgs.get(m.orgId) ?? ''}，${roleName(m)}）`)
  const more = unbound.length > 50 ? `\n……等共 ${unbound.length} 人` : ''
  await ctx.reply(
    `还有 ${unbound.length} 人没绑定微信，收不到日记提醒和通知跟进：\n${lines.join('\n')}${more}\n请她们私聊我发“我是 姓名”，或用 #绑定码 姓名 给她一个绑定码。`,
  )
}

/** #绑定码 姓名 [单位]: private chat only, for a member in her units. */
export const handleBindCode: Handler<'bindCode'> = async (ctx) => {
  const admin = senderOf(ctx)
  if (ctx.place.type !== 'private') throw new UserError('privateOnly', '绑定码请私聊我获取，不要在群里发。')
  const member = await findMember(ctx, ctx.intent.name, ctx.intent.org, await ctx.repos.orgs.subtreeIds(admin.orgId))
  if (!mayIssueBindCode(admin.orgId, member))
    throw new UserError('adminOnly', `${roleName(member)}的绑定码要由上级单位的管理员发放。`)
  await ctx.claim()
  const { code } = await ctx.repos.bindCodes.issue(member.id, admin.name, ctx.now)
  await ctx.repos.audit.record({
    at: ctx.now,
    who: admin.name,
    role: admin.role,
    action: 'issue bind code',
    detail: await withUnit(ctx, member),
    orgId: member.orgId,
  })
  await ctx.reply(
    `${await withUnit(ctx, member)}的绑定码：${code}\n请把它交给她本人，让她用自己的微信私聊我发送“绑定码 ${code}”。一天内有效，只能用一次。`,
  )
}

/** #解绑 姓名 [单位]: asks first, then takes her WeChat ids off. */
export const handleUnbind: Handler<'unbind'> = async (ctx) => {
  const admin = senderOf(ctx)
  const member = await findMember(ctx, ctx.intent.name, ctx.intent.org, await ctx.repos.orgs.subtreeIds(admin.orgId))
  const who = await withUnit(ctx, member)
  if (member.contactIds.length === 0) {
    await ctx.reply(`${who}还没有绑定微信。`)
    return
  }
  await propose(ctx, admin, `要解除${who}绑定的 ${member.contactIds.length} 个微信吗？解除后她要重新绑定才能用。`, [
    { label: '解除', actions: [{ do: 'unbind', memberId: member.id, who }] },
  ])
}
