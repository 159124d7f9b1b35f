import { planSends } from '../../src/domain/send-policy'
import { AUDIENCE_GROUPS, type Audience } from '../../src/domain/vocabulary'
import type { Member } from '../../src/domain/entities'
import { targetOfRoom } from '../../src/services/send-queue'
import { sendStateOf } from '../../src/services/send-log'
import type { MessageContext } from './message-context'
import { UserError } from './user-error'

export const AUDIENCE_NAMES = { executive: '执委群', constituent: '群众群', all: '执委群和群众群' } as const

/** Queues the notice (once per `key`) and says where it goes and how long sending takes. */
export async function sendNotice(
  ctx: MessageContext,
  admin: Member,
  input: { audience: Audience; content: string; defaulted: boolean },
  key: string,
): Promise<string> {
  const { audience, content } = input
  const orgIds = await ctx.repos.orgs.subtreeIds(admin.orgId)
  const groups = await ctx.repos.groups.listBound(AUDIENCE_GROUPS[audience], orgIds)
  if (groups.length === 0)
    throw new UserError(
      'noGroups',
      `本单位及下级还没有绑定的${AUDIENCE_NAMES[audience]}，通知没有发出。请先在群里发送 #绑定。`,
    )
  // Executives are chased for a receipt only when the notice went to their groups.
  const executives = audience === 'constituent' ? [] : await ctx.repos.members.listByRole('executive', orgIds)
  await ctx.claim()
  const { notice, created } = await ctx.repos.notices.create({
    orgId: admin.orgId,
    audience,
    content,
    createdBy: admin.id,
    createdAt: ctx.now,
    sourceMessageId: key,
    roomIds: groups.map((g) => g.roomId),
    executiveIds: executives.map((e) => e.id),
    followUpAt: new Date(ctx.now.getTime() + ctx.deps.followUpHours * 3_600_000),
  })
  const text = `📢 通知（第 ${notice.number} 号）\n${content}\n收到请回复 #收到`
  const targets = groups.map((g) => targetOfRoom(g.roomId))
  const accounts = await ctx.repos.presence.accountFor(targets)
  await ctx.repos.outbox.enqueue(
    groups.map((g, i) => ({
      dedupeKey: `notice:${notice.id}:${g.roomId}`,
      kind: 'notice',
      target: targets[i]!,
      account: accounts.get(targets[i]!) ?? null,
      text,
      notBefore: ctx.now,
    })),
    ctx.now,
  )
  const finish = await lastPlannedSend(ctx, targets, accounts)
  const minutes = Math.max(1, Math.ceil((finish.getTime() - ctx.now.getTime()) / 60_000))
  const again = created ? '' : '（这条通知已经安排过，不会重复发送）'
  const only = input.defaulted
    ? '\n没写发给哪类群，所以只发执委群；要发群众群请写 #通知 群众群 …… 或 #通知 全部 ……'
    : ''
  return `已安排第 ${notice.number} 号通知发往${describeGroups(groups)}，约 ${minutes} 分钟内发完${again}。发送 #回执 ${notice.number} 查看谁已确认。${only}`
}

/**
 * When the last of these sends should go: each account sends its share in parallel, under its own caps.
 * This process's replies count for every account, which errs toward saying "later".
 */
async function lastPlannedSend(
  ctx: MessageContext,
  targets: readonly string[],
  accounts: ReadonlyMap<string, string | null>,
): Promise<Date> {
  const byAccount = new Map<string | null, string[]>()
  for (const t of targets)
    byAccount.set(accounts.get(t) ?? null, [...(byAccount.get(accounts.get(t) ?? null) ?? []), t])
  let last = ctx.now
  for (const [account, share] of byAccount) {
    const queued = await ctx.repos.outbox.recentSends(ctx.now, ctx.deps.policy.perDay, account)
    const plan = planSends(
      share,
      sendStateOf(queued, ctx.deps.replies.recent(ctx.now)),
      ctx.now,
      ctx.deps.policy,
      false,
    )
    if (plan[plan.length - 1]!.getTime() > last.getTime()) last = plan[plan.length - 1]!
  }
  return last
}

/** "2 个群（执委群 1 个、群众群 1 个）", or "3 个执委群" when they are all of one kind. */
function describeGroups(groups: readonly { kind?: string | null }[]): string {
  const executive = groups.filter((g) => g.kind === 'executive').length
  const constituent = groups.length - executive
  if (constituent === 0) return ` ${executive} 个执委群`
  if (executive === 0) return ` ${constituent} 个群众群`
  return ` ${groups.length} 个群（执委群 ${executive} 个、群众群 ${constituent} 个）`
}
