/** A WeChat message as the handlers see it, whichever puppet delivered it. */
export interface IncomingMessage {
  id: string
  talkerId: string
  talkerName: string
  roomId?: string
  roomTopic?: string
  /** The text, or a voice note's transcript as the puppet supplies it ('' when it supplies none). */
  text: string
  kind: 'text' | 'voice' | 'media'
  mentionsSelf: boolean
  /** When WeChat says it was sent, in ms; part of the fingerprint that spots the same message twice. */
  timestamp: number
}

/** An image or document sent before a message's text (the weekly chart, say). */
export interface OutgoingFile {
  name: string
  data: Buffer
}

/** The way out: replies and the send queue go through this. */
export interface Sender {
  toRoom(roomId: string, text: string, mentionContactIds?: string[], file?: OutgoingFile): Promise<void>
  toContact(contactId: string, text: string, file?: OutgoingFile): Promise<void>
}
