import type { HandlerContext } from './handler-context'
import { UserError } from './handler-context'
import type { Member, Role } from '../src/domain/entities'
import { MESSAGES } from './messages'

/** The sender if she has one of the roles; otherwise the sentence that says who may. */
export function requireRole(ctx: HandlerContext, roles: readonly Role[]): Member {
  if (!ctx.sender) throw new UserError(MESSAGES.stranger)
  if (!roles.includes(ctx.sender.role))
    throw new UserError(roles.includes('chair') ? MESSAGES.chairOrAdmin : MESSAGES.adminOnly)
  return ctx.sender
}
