import { createHash } from 'node:crypto'
import { types } from 'wechaty-puppet'
import type { mock } from 'wechaty-puppet-mock'
import type { SimulatedContact, SimulatedRoom } from '../src/repos/simulator-repo'

const simId = (name: string) => 'sim_' + createHash('sha1').update(name).digest('hex').slice(0, 16)
const defaultBotId = (botName: string) => 'sim_bot_' + simId(botName).slice(4, 12)

/** The WeChat id the simulator gives the person with this nickname (the same in every run). */
export const simulatorContactId = (nickname: string) => simId('contact:' + nickname)

/** Told of every contact and room the world makes, and of each change to a room's members. */
export interface SimulatorWorldStore {
  contact(contact: SimulatedContact): void
  room(room: SimulatedRoom): void
}

/**
 * The people and groups of the simulator, by name. Ids are derived from names so that a person keeps
 * her WeChat id across runs, as she would in real WeChat. `botId` names the bot's own account (tests run
 * two accounts, each in a world of its own, with the same people and groups). With a `store`, what it
 * makes is kept (see simulator-repo) and `restore` brings it back after a restart.
 */
export function createSimulatorWorld(
  mocker: mock.Mocker,
  botName: string,
  botId = defaultBotId(botName),
  store?: SimulatorWorldStore,
) {
  const names = new Map<string, string>()
  let sequence = 0

  const saveRoom = (id: string) => {
    const members = mocker.roomPayload(id).memberIdList
    store?.room({
      id,
      topic: names.get(id) ?? id,
      memberIds: members.filter((m) => m !== botId),
      botIn: members.includes(botId),
    })
  }

  /** Contacts and rooms kept from an earlier run, made again (and not stored again). */
  function restore(saved: { contacts: SimulatedContact[]; rooms: SimulatedRoom[] }): void {
    for (const c of saved.contacts) {
      if (!mocker.cacheContactPayload.has(c.id))
        mocker.createContact({ id: c.id, name: c.name, friend: true, type: types.Contact.Individual })
      names.set(c.id, c.name)
    }
    for (const r of saved.rooms) {
      const memberIdList = r.botIn ? [botId, ...r.memberIds] : r.memberIds
      if (!mocker.cacheRoomPayload.has(r.id))
        mocker.createRoom({ id: r.id, topic: r.topic, memberIdList, ownerId: botId, adminIdList: [] })
      names.set(r.id, r.topic)
    }
  }

  function login(): void {
    if (!mocker.cacheContactPayload.has(botId)) mocker.createContact({ id: botId, name: botName })
    names.set(botId, botName)
    mocker.login(mocker.ContactMock.load(botId))
  }

  function contact(name: string): string {
    const id = simulatorContactId(name)
    if (!mocker.cacheContactPayload.has(id)) {
      mocker.createContact({ id, name, friend: true, type: types.Contact.Individual })
      names.set(id, name)
      store?.contact({ id, name })
    }
    return id
  }

  function room(topic: string, memberId?: string): string {
    const id = simId('room:' + topic) + '@chatroom'
    let changed = false
    if (!mocker.cacheRoomPayload.has(id)) {
      mocker.createRoom({ id, topic, memberIdList: [botId], ownerId: botId, adminIdList: [] })
      names.set(id, topic)
      changed = true
    }
    const payload = mocker.roomPayload(id)
    if (memberId && !payload.memberIdList.includes(memberId)) {
      mocker.roomPayload(id, { ...payload, memberIdList: [...payload.memberIdList, memberId] })
      changed = true
    }
    if (changed) saveRoom(id)
    return id
  }

  /** Delivers a text message to the bot as WeChat would and returns its id. */
  function say(input: {
    from: string
    text: string
    room?: string
    timestamp: number
    mentionBot?: boolean
    id?: string
    type?: types.Message
  }): string {
    const talkerId = contact(input.from)
    const messageId = input.id ?? `simmsg_${Date.now().toString(36)}_${(sequence++).toString(36)}`
    const mentionBot = input.mentionBot ?? input.text.includes('@' + botName)
    const base = {
      id: messageId,
      talkerId,
      timestamp: input.timestamp,
      type: input.type ?? types.Message.Text,
      text: input.text,
    }
    const payload = input.room
      ? { ...base, roomId: room(input.room, talkerId), mentionIdList: mentionBot ? [botId] : [] }
      : { ...base, listenerId: botId }
    if (!mocker.cacheMessagePayload.has(messageId)) mocker.MessageMock.create(payload as never)
    mocker.puppet.emit('message', { messageId })
    return messageId
  }

  /** WeChat ends the session, as when the phone logs the account out; login() brings it back. */
  async function logout(): Promise<void> {
    await mocker.puppet.logout()
  }

  /** `by` removes the bot from the group. */
  function removeBot(topic: string, by: string): void {
    const id = room(topic)
    const payload = mocker.roomPayload(id)
    mocker.roomPayload(id, { ...payload, memberIdList: payload.memberIdList.filter((m) => m !== botId) })
    saveRoom(id)
    mocker.puppet.emit('room-leave', {
      roomId: id,
      removeeIdList: [botId],
      removerId: contact(by),
      timestamp: Math.floor(Date.now() / 1000),
    })
  }

  /** Delivers an existing message id again, as a puppet does after a reconnect. */
  function redeliver(messageId: string): void {
    mocker.puppet.emit('message', { messageId })
  }

  return {
    botId,
    login,
    logout,
    contact,
    room,
    say,
    redeliver,
    removeBot,
    restore,
    nameOf: (id: string) => names.get(id) ?? id,
  }
}

export type SimulatorWorld = ReturnType<typeof createSimulatorWorld>
