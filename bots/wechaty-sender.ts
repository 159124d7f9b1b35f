import { FileBox } from 'file-box'
import type { WechatyInterface } from 'wechaty/impls'
import type { OutgoingFile, Sender } from '../src/incoming-message'
import { UnreachableError } from '../src/unreachable-error'
import { targetOfContact, targetOfRoom } from '../src/domain/send-target'

export interface SentMessage {
  roomId: string | null
  contactId: string | null
  text: string
  mentionContactIds: string[]
  file: string | null
  fileData?: Buffer
}

// Base64 boxes serialise over gRPC and in the simulator alike (buffer boxes do not).
const toFileBox = (file: OutgoingFile) => FileBox.fromBase64(file.data.toString('base64'), file.name)

/**
 * Sends through Wechaty; `onSent` sees each message after WeChat took it (the scenario runner prints these).
 * A room this account is not in, or a contact that is not its friend, is UnreachableError: another
 * account may reach it.
 */
export function createWechatySender(bot: WechatyInterface, onSent?: (sent: SentMessage) => void): Sender {
  return {
    async toRoom(roomId, text, mentionContactIds = [], file) {
      const room = await bot.Room.find({ id: roomId })
      if (!room) throw new UnreachableError(targetOfRoom(roomId))
      const contacts = []
      for (const id of mentionContactIds) {
        const contact = await bot.Contact.find({ id })
        if (contact) contacts.push(contact)
      }
      if (file) await room.say(toFileBox(file))
      if (text) await room.say(text, ...contacts)
      onSent?.({ roomId, contactId: null, text, mentionContactIds, file: file?.name ?? null, fileData: file?.data })
    },
    async toContact(contactId, text, file) {
      const contact = await bot.Contact.find({ id: contactId })
      if (!contact || contact.friend() === false) throw new UnreachableError(targetOfContact(contactId))
      if (file) await contact.say(toFileBox(file))
      if (text) await contact.say(text)
      onSent?.({ roomId: null, contactId, text, mentionContactIds: [], file: file?.name ?? null, fileData: file?.data })
    },
  }
}
