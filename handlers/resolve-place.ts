import type { Repos } from '../src/repos/create-repos'
import type { IncomingMessage } from '../src/incoming-message'
import type { GroupKind } from '../src/parser/command-types'
import type { Place } from './handler-context'

/**
 * An unbound group whose name says what it is ("…执委…", "…群众…") is treated as that kind until an
 * admin binds it; any other unbound group gets only #绑定 and #帮助 answered.
 */
export function kindFromTopic(topic: string): GroupKind | null {
  if (topic.includes('执委')) return 'executive'
  if (topic.includes('群众')) return 'constituent'
  return null
}

export async function resolvePlace(repos: Repos, msg: IncomingMessage): Promise<Place> {
  if (!msg.roomId) return { type: 'private' }
  const topic = msg.roomTopic ?? ''
  const group = await repos.groups.findByRoomId(msg.roomId)
  if (group?.kind) return { type: 'group', roomId: msg.roomId, kind: group.kind, orgId: group.orgId, topic }
  return { type: 'group', roomId: msg.roomId, kind: kindFromTopic(topic), orgId: null, topic }
}
