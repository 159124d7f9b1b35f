import type { Repos } from '../src/repos/create-repos'
import type { Member } from '../src/domain/entities'
import type { IncomingMessage } from '../src/incoming-message'
import type { GroupKind } from '../src/parser/command-types'
import type { LocalDate } from '../src/domain/zoned-time'
import type { Logger } from '../src/logger'
import type { SendPolicy } from '../src/domain/send-policy'

export type Place =
  { type: 'private' } | { type: 'group'; roomId: string; kind: GroupKind | null; orgId: string | null; topic: string }

/** Everything a command handler may use; it never sees the Wechaty bot. */
export interface HandlerContext {
  msg: IncomingMessage
  /** The message's canonical id: records made for it carry this, so a retry finds them. */
  key: string
  sender: Member | undefined
  place: Place
  now: Date
  today: LocalDate
  tz: string
  botName: string
  repos: Repos
  reply(text: string): Promise<void>
  log: Logger
  policy: SendPolicy
  followUpHours: number
}

/** A failure the user caused and can fix: its Chinese sentence is shown as is. */
export class UserError extends Error {
  constructor(readonly userMessage: string) {
    super(userMessage)
    this.name = 'UserError'
  }
}
