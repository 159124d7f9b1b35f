/** A WeChat message as the handlers see it, whichever puppet delivered it. */
export interface IncomingMessage {
  id: string
  talkerId: string
  talkerName: string
  roomId?: string
  roomTopic?: string
  /** Empty for anything but text. */
  text: string
  kind: 'text' | 'media'
  mentionsSelf: boolean
  /** When WeChat says it was sent, in ms; part of the fingerprint that spots the same message twice. */
  timestamp: number
}

/** The way out: replies, and later the send queue, go through this. */
export interface Sender {
  toRoom(roomId: string, text: string, mentionContactIds?: string[]): Promise<void>
  toContact(contactId: string, text: string): Promise<void>
}
