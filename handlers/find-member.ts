import type { Member, OrgUnit } from '../src/domain/entities'
import type { MessageContext } from './core/message-context'
import { UserError } from './core/user-error'

/** "她（白庙村）": a member with her unit, as lists show namesakes. */
export async function withUnit(ctx: MessageContext, member: Member): Promise<string> {
  const org = await ctx.repos.orgs.findById(member.orgId)
  return `${org?.name ?? ''}的${member.name}`
}

/** The roster member a name (and unit) mean within some units, or the sentence that says why not. */
export async function findMember(
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

/** 执委, 主席, 管理员: a member's role as the bot says it. */
export const roleName = (m: Member) => ({ executive: '执委', chair: '主席', admin: '管理员' })[m.role]
