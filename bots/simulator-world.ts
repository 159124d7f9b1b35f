import { createHash } from 'node:crypto'
import { types } from 'wechaty-puppet'
import type { mock } from 'wechaty-puppet-mock'

const simId = (name: string) => 'sim_' + createHash('sha1').update(name).digest('hex').slice(0, 16)
const defaultBotId = (botName: string) => 'sim_bot_' + simId(botName).slice(4, 12)

/** The WeChat id the simulator gives the person with this nickname (the same in every run). */
export const simulatorContactId = (nickname: string) => simId('contact:' + nickname)

/**
 * The people and groups of the simulator, by name. Ids are derived from names so that a person keeps
 * her WeChat id across runs, as she would in real WeChat. `botId` names the bot's own account (tests run
 * two accounts, each in a world of its own, with the same people and groups).
 */
export function createSimulatorWorld(mocker: mock.Mocker, botName: string, botId = defaultBotId(botName)) {
  const names = new Map<string, string>()
  let sequence = 0

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
    }
    return id
  }

  function room(topic: string, memberId?: string): string {
    const id = simId('room:' + topic) + '@chatroom'
    if (!mocker.cacheRoomPayload.has(id)) {
      mocker.createRoom({ id, topic, memberIdList: [botId], ownerId: botId, adminIdList: [] })
      names.set(id, topic)
    }
    const payload = mocker.roomPayload(id)
    if (memberId && !payload.memberIdList.includes(memberId)) {
      mocker.roomPayload(id, { ...payload, memberIdList: [...payload.memberIdList, memberId] })
    }
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

  return { botId, login, logout, contact, room, say, redeliver, removeBot, nameOf: (id: string) => names.get(id) ?? id }
}

export type SimulatorWorld = ReturnType<typeof createSimulatorWorld>
