import { types } from 'wechaty-puppet'
import type { Message } from 'wechaty'
import type { IncomingMessage } from '../src/incoming-message'

const MEDIA = new Set<types.Message>([
  types.Message.Attachment,
  types.Message.Contact,
  types.Message.ChatHistory,
  types.Message.Emoticon,
  types.Message.Image,
  types.Message.Location,
  types.Message.MiniProgram,
  types.Message.Url,
  types.Message.Video,
  types.Message.Post,
])

/** Wechaty's message to ours; undefined for the bot's own messages and for system notices and recalls. */
export async function toIncoming(message: Message): Promise<IncomingMessage | undefined> {
  if (message.self()) return undefined
  const type = message.type()
  // WorkPro (through wechaty-puppet-service) gives a voice note WeChat's own transcript as its text.
  const kind =
    type === types.Message.Text
      ? 'text'
      : type === types.Message.Audio
        ? 'voice'
        : MEDIA.has(type)
          ? 'media'
          : undefined
  if (!kind) return undefined
  const talker = message.talker()
  const room = message.room()
  return {
    id: message.id,
    talkerId: talker.id,
    talkerName: talker.name(),
    roomId: room?.id,
    roomTopic: room ? await room.topic() : undefined,
    text: kind === 'media' ? '' : (message.text() ?? ''),
    kind,
    mentionsSelf: room ? await message.mentionSelf() : false,
    timestamp: message.date().getTime(),
  }
}
