import { FileBox } from 'file-box'
import type { WechatyInterface } from 'wechaty/impls'
import type { OutgoingFile, Sender } from '../src/incoming-message'

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

/** Sends through Wechaty; `onSent` sees each message after WeChat took it (the scenario runner prints these). */
export function createWechatySender(bot: WechatyInterface, onSent?: (sent: SentMessage) => void): Sender {
  return {
    async toRoom(roomId, text, mentionContactIds = [], file) {
      const room = await bot.Room.find({ id: roomId })
      if (!room) throw new Error(`room ${roomId} not found`)
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
      if (!contact) throw new Error(`contact ${contactId} not found`)
      if (file) await contact.say(toFileBox(file))
      if (text) await contact.say(text)
      onSent?.({ roomId: null, contactId, text, mentionContactIds: [], file: file?.name ?? null, fileData: file?.data })
    },
  }
}
