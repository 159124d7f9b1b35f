import type { GroupKind } from '../../src/domain/vocabulary'
import type { Middleware } from './composer'
import type { MessageContext } from './message-context'
import { REFUSALS } from './messages'

/**
 * An unbound group whose name says what it is ("…执委…", "…群众…") is treated as that kind until an
 * admin binds it. A name that says both ("执委与群众联谊群") has constituents in it: it is a constituents'
 * group, where nothing private is processed, until an admin binds it as something else.
 */
export function kindFromTopic(topic: string): GroupKind | null {
  if (topic.includes('群众')) return 'constituent'
  if (topic.includes('执委')) return 'executive'
  return null
}

/** In a group nobody has bound (and whose name says nothing), the bot stays quiet but for binding and help. */
function answersHere(ctx: MessageContext): boolean {
  if (ctx.place.type === 'private' || ctx.place.kind) return true
  const { intent } = ctx
  if (intent.type === 'parseError') return intent.error.word === '绑定' || intent.error.word === '帮助'
  return intent.type === 'bind' || intent.type === 'help'
}

/** Where the message was written and who wrote it: both from the repositories' caches, by key. */
export const whereAndWho: Middleware<MessageContext> = async (ctx, next) => {
  const { msg } = ctx
  if (msg.roomId) {
    const topic = msg.roomTopic ?? ''
    const group = await ctx.repos.groups.findByRoomId(msg.roomId)
    ctx.place = group?.kind
      ? { type: 'group', roomId: msg.roomId, kind: group.kind, orgId: group.orgId, topic }
      : { type: 'group', roomId: msg.roomId, kind: kindFromTopic(topic), orgId: null, topic }
  }
  if (!answersHere(ctx)) {
    ctx.outcome = 'ignored'
    return
  }
  const known = await ctx.repos.members.findByContactId(msg.talkerId)
  // A nickname binds an executive only in a bound executives' group: see members.identify for why.
  const groupOrgIds =
    !known && ctx.place.type === 'group' && ctx.place.kind === 'executive' && ctx.place.orgId
      ? await ctx.repos.orgs.subtreeIds(ctx.place.orgId)
      : undefined
  const bound = known
    ? { member: known }
    : await ctx.repos.members.identify(msg.talkerName.trim(), msg.talkerId, ctx.now, groupOrgIds)
  if (bound && 'ambiguous' in bound) throw REFUSALS.ambiguousName(msg.talkerName)
  ctx.sender = bound?.member
  await next()
}
