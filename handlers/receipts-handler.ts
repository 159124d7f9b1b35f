import { listNames } from '../src/domain/format-weekly-post'
import { displayNames } from '../src/domain/display-name'
import type { Handler } from './core/composer'
import { senderOf } from './core/guards'
import { UserError } from './core/user-error'

/** #回执 [编号]: who has acknowledged: executives by name, everyone else by count. */
export const handleReceipts: Handler<'receipts'> = async (ctx) => {
  const admin = senderOf(ctx)
  const cmd = ctx.intent
  const orgIds = await ctx.repos.orgs.subtreeIds(admin.orgId)
  const notice = cmd.number
    ? await ctx.repos.notices.findByNumber(cmd.number)
    : await ctx.repos.notices.latestInOrgs(orgIds)
  if (!notice || !orgIds.includes(notice.orgId))
    throw new UserError('notFound', cmd.number ? `没有找到本单位的第 ${cmd.number} 号通知。` : '本单位还没有发过通知。')
  // An executives-only notice's text and figures are not for a constituents' group.
  if (notice.audience === 'executive' && ctx.place.type === 'group' && ctx.place.kind === 'constituent')
    throw new UserError('privacy', `第 ${notice.number} 号通知只发给了执委，回执请在执委群里或私聊我查看。`)
  const acks = await ctx.repos.notices.acksOf(notice.id)
  const executives = await ctx.repos.members.listByIds(notice.executiveIds)
  // Namesakes read with their units: 王芳（白庙村）、王芳（李庄村）.
  const units = new Map(
    (await ctx.repos.orgs.listByIds([...new Set(executives.map((e) => e.orgId))])).map((o) => [o.id, o.name]),
  )
  const shown = displayNames(executives, (id) => units.get(id))
  const ackedIds = new Set(acks.map((a) => a.memberId))
  const yes = executives.filter((e) => ackedIds.has(e.id)).map((e) => shown.get(e.id)!)
  const no = executives.filter((e) => !ackedIds.has(e.id)).map((e) => shown.get(e.id)!)
  const others = acks.filter((a) => !a.memberId || !notice.executiveIds.includes(a.memberId)).length
  // In a constituents' group, executives are not named: counts only, names in private or the executives' group.
  const named = !(ctx.place.type === 'group' && ctx.place.kind === 'constituent')
  const lines = [
    `第 ${notice.number} 号通知：${notice.content.slice(0, 30)}${notice.content.length > 30 ? '…' : ''}`,
    `执委已确认 ${yes.length}/${executives.length} 人${named && yes.length ? '：' + listNames(yes, 30) : ''}`,
  ]
  if (no.length) lines.push(`未确认 ${no.length} 人${named ? '：' + listNames(no, 30) : ''}`)
  lines.push(`群众确认 ${others} 人`)
  if (!named) lines.push('（群众群里不列执委姓名，私聊我发 #回执 可以看名单。）')
  await ctx.reply(lines.join('\n'))
}
