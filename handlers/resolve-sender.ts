import type { Repos } from '../src/repos/create-repos'
import type { Member } from '../src/domain/entities'
import type { IncomingMessage } from '../src/incoming-message'
import { UserError } from './handler-context'
import { MESSAGES } from './messages'

/** Who wrote: by WeChat id, or, the first time only, by binding her name to an unbound roster entry. */
export async function resolveSender(repos: Repos, msg: IncomingMessage): Promise<Member | undefined> {
  const bound = await repos.members.identify(msg.talkerName.trim(), msg.talkerId)
  if (bound && 'ambiguous' in bound) throw new UserError(MESSAGES.ambiguousName(msg.talkerName))
  return bound?.member
}
