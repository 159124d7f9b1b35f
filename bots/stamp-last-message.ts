import type { MemberRepo } from '../src/repos/member-repo'
import type { Clock } from '../src/clock'
import type { Logger } from '../src/logger'
import { createTtlCache } from '../src/repos/ttl-cache'

const HOUR = 60 * 60_000

/**
 * When a member last wrote to the bot, for the admin's member list: a message the bot answered (handled,
 * or told what was wrong) stamps her WeChat id, at most once an hour per id in this process, so a busy
 * executive costs one write an hour and chatter the bot ignores costs nothing. What the list shows may
 * lag the truth by up to an hour (and by a restart's first message).
 */
export function lastMessageStamper(members: Pick<MemberRepo, 'stampLastMessage'>, clock: Clock, log: Logger) {
  const stamped = createTtlCache<string, true>(HOUR, 10_000)
  return async (contactId: string): Promise<void> => {
    if (stamped.has(contactId)) return
    stamped.set(contactId, true)
    await members.stampLastMessage(contactId, clock.now()).catch((err) => {
      stamped.delete(contactId)
      log.warn('last message not stamped', { contactId, err })
    })
  }
}
