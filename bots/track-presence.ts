import { types } from 'wechaty-puppet'
import type { WechatyInterface } from 'wechaty/impls'
import type { PresenceRepo } from '../src/repos/presence-repo'
import type { Clock } from '../src/clock'
import type { Logger } from '../src/logger'
import { targetOfContact, targetOfRoom } from '../src/domain/send-target'

/**
 * Tells the database which rooms and friends this account reaches, so the send queue gives each
 * message to an account that can deliver it: every room and friend it lists at login (the database's
 * own record of it read once first), and afterwards each room or friend it meets — a message, an
 * invitation, a new friend — once per process. Leaving a room forgets it.
 */
export function trackPresence(
  wechaty: WechatyInterface,
  presence: PresenceRepo,
  clock: Clock,
  log: Logger,
  /** The bot's boundary for WeChat events (create-bot): waited for on stop, failures logged and counted. */
  onEvent: (event: string, details: Record<string, unknown>, work: () => Promise<unknown>) => void,
): void {
  const account = () => (wechaty.isLoggedIn ? wechaty.currentUser.id : undefined)
  // Written in the next batch (see src/repos/batched-writes): no command of its own on a message's path.
  const see = (target: string) => {
    const me = account()
    if (me) presence.seeSoon(me, target, clock.now())
  }

  wechaty.on('login', (user) =>
    onEvent('presence at login', { userId: user.id }, async () => {
      const known = await presence.load(user.id)
      const rooms = await wechaty.Room.findAll()
      const friends = (await wechaty.Contact.findAll()).filter((c) => c.friend() && c.id !== user.id)
      let added = 0
      for (const room of rooms) if (await presence.see(user.id, targetOfRoom(room.id), clock.now())) added++
      for (const friend of friends) if (await presence.see(user.id, targetOfContact(friend.id), clock.now())) added++
      log.info('presence loaded', { account: user.id, known, rooms: rooms.length, friends: friends.length, added })
    }),
  )
  wechaty.on('message', (message) => {
    if (message.self()) return
    const room = message.room()
    // In a group the talker is a member, not necessarily a friend: only a private message shows that.
    see(room ? targetOfRoom(room.id) : targetOfContact(message.talker().id))
  })
  wechaty.on('room-join', (room, invitees) => {
    if (invitees.some((c) => c.id === account())) see(targetOfRoom(room.id))
  })
  wechaty.on('room-leave', (room, leavers) => {
    const me = account()
    if (me && leavers.some((c) => c.id === me))
      onEvent('room-leave', { roomId: room.id }, () => presence.forget(me, targetOfRoom(room.id)))
  })
  wechaty.on('friendship', (friendship) => {
    // Every request is accepted (see create-bot), and a confirmation means she is a friend already.
    const type = friendship.type()
    if (type === types.Friendship.Receive || type === types.Friendship.Confirm)
      see(targetOfContact(friendship.contact().id))
  })
}
