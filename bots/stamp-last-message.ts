import type { MemberRepo } from '../src/repos/member-repo'
import type { Clock } from '../src/clock'
import { createTtlCache } from '../src/repos/ttl-cache'

const HOUR = 60 * 60_000

/**
 * When a member last wrote to the bot, for the admin's member list: a message the bot answered (handled,
 * or told what was wrong) that wrote nothing of hers stamps her WeChat id (one that recorded something or
 * raised a question is noted in her year by that same write, see year-ledger-store `lastActiveAt`), at most once an hour per id in this process, so a busy
 * executive costs one write an hour, written with everyone else's in one batch a minute (see
 * src/repos/batched-writes), and chatter the bot ignores costs nothing. What the list shows may
 * lag the truth by up to an hour (and by a restart's first message).
 */
export function lastMessageStamper(members: Pick<MemberRepo, 'stampSoon'>, clock: Clock) {
  const stamped = createTtlCache<string, true>(HOUR, 10_000)
  return (contactId: string): void => {
    if (stamped.has(contactId)) return
    stamped.set(contactId, true)
    members.stampSoon(contactId, clock.now())
  }
}
