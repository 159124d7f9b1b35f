import type { Member, Role } from '../../src/domain/entities'
import { hasChecklist } from '../../src/domain/entities'
import type { Middleware } from './composer'
import type { MessageContext } from './message-context'
import { REFUSALS } from './messages'
import { UserError } from './user-error'

/**
 * Small matchers every route composes instead of repeating checks: each either calls `next` or throws
 * the UserError whose sentence the boundary shows.
 */
type Guard = Middleware<MessageContext>

/** The sender, for handlers behind a guard that required one. */
export function senderOf(ctx: MessageContext): Member {
  if (!ctx.sender) throw REFUSALS.stranger()
  return ctx.sender
}

export const registered: Guard = (ctx, next) => {
  if (!ctx.sender) throw REFUSALS.stranger()
  return next()
}

/** Nothing about records is handled in a constituents' group. */
export const notInConstituentGroup: Guard = (ctx, next) => {
  if (ctx.place.type === 'group' && ctx.place.kind === 'constituent') throw REFUSALS.privacy()
  return next()
}

/** A woman not on the roster, in a constituents' group: only her requests are served there. */
export const constituent: Guard = (ctx, next) => {
  if (ctx.sender || ctx.place.type !== 'group' || ctx.place.kind !== 'constituent') throw REFUSALS.notConstituent()
  return next()
}

/** She keeps a checklist, and the place is private enough for her records. */
export const recorder: Guard = (ctx, next) => {
  const sender = senderOf(ctx)
  if (ctx.place.type === 'group' && ctx.place.kind === 'constituent') throw REFUSALS.privacy()
  if (!hasChecklist(sender)) throw REFUSALS.noChecklist()
  return next()
}

export function role(...roles: Role[]): Guard {
  return (ctx, next) => {
    const sender = senderOf(ctx)
    if (!roles.includes(sender.role)) throw roles.includes('chair') ? REFUSALS.leaderOnly() : REFUSALS.adminOnly()
    return next()
  }
}

export const adminOnly = role('admin')

/**
 * In a bound group, an admin's command acts on and posts about the group's unit: that unit must be within
 * her scope, or one unit's names and settings would be changed or shown in another unit's group.
 */
export const groupInScope: Guard = async (ctx, next) => {
  const sender = senderOf(ctx)
  if (
    ctx.place.type === 'group' &&
    ctx.place.orgId &&
    !(await ctx.repos.orgs.isWithin(ctx.place.orgId, sender.orgId))
  ) {
    const unit = await ctx.repos.orgs.findById(ctx.place.orgId)
    throw new UserError(
      'outOfScope',
      `本群属于${unit?.name ?? '别的单位'}，不在您管理的范围内，请在本单位的群里或私聊我发送。`,
    )
  }
  return next()
}

export const inGroup: Guard = (ctx, next) => {
  if (ctx.place.type !== 'group') throw REFUSALS.groupOnly()
  return next()
}

/** For handlers that write something other than a keyed record before they answer. */
export const claimFirst: Guard = async (ctx, next) => {
  await ctx.claim()
  await next()
}
