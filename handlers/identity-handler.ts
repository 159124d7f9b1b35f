import { withUnit, findMember, nearestAdmins, roleName } from './find-member'
import { answerLines, conversationOf, PROPOSAL_TTL_MS } from '../src/domain/proposal'
import { maskSensitive } from '../src/domain/mask-sensitive'
import { targetOfContact } from '../src/services/send-queue'
import type { Handler } from './core/composer'
import { UserError } from './core/user-error'
import { claimAllowances } from '../src/domain/reply-budget'

/**
 * Who is who. A WeChat id is bound to a roster member by an import that carries it, by the member's
 * first message in a bound executives' group of her unit (executives only, see members.identify), by a
 * one-time code an admin gave her, or by "我是 姓名" confirmed with "1" by an admin of her unit.
 */

const HELLO = '现在可以直接跟我说做了什么，例如“今天去看了刘翠花”；发送 #帮助 查看全部用法。'

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
