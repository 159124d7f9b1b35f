import type { DutyKind } from '../domain/checklist'

/** A date written after a command: resolved against "today" by the domain, so the parser needs no clock. */
export type DateExpr =
  { type: 'relative'; daysAgo: number } | { type: 'absolute'; year?: number; month: number; day: number }

import type { Audience, GroupKind } from '../domain/vocabulary'
export type { Audience, GroupKind } from '../domain/vocabulary'

export type Command =
  /** subject is empty when "#解决 …" is one phrase: the handler then finds which of her families it is. */
  | { type: 'duty'; kind: DutyKind; subject: string; detail?: string; date?: DateExpr }
  | { type: 'diary'; content: string; date?: DateExpr }
  | { type: 'need'; content: string }
  | { type: 'resolveNeed'; number: number }
  /** yearsAgo: 0 this year, 1 last year; or a year written out. */
  | { type: 'progress'; year?: { yearsAgo: number } | { year: number } }
  | { type: 'undo' }
  | { type: 'summary'; org?: string }
  | { type: 'notice'; audience: Audience; content: string }
  | { type: 'ack' }
  | { type: 'bind'; kind: GroupKind }
  | { type: 'receipts'; number?: number }
  | { type: 'rotation'; names: string[] }
  | { type: 'setting'; setting: Setting }
  | { type: 'help'; topic?: string }

export type Setting =
  | { key: 'mentionBehind'; on: boolean }
  | { key: 'weeklyProgress' | 'diaryReminder'; weekday: number; hour: number; minute: number }

export type CommandType = Command['type']

export type ParseErrorCode = 'unknownCommand' | 'missingArgument' | 'badArgument' | 'tooLong' | 'badDate'

export interface ParseError {
  code: ParseErrorCode
  /** The command word the user typed, when it was recognised. */
  word?: string
  /** A Chinese sentence for the user. */
  message: string
  /** The usage line to show with it. */
  usage: string
}

export type ParseResult = { ok: true; command: Command } | { ok: false; error: ParseError }

/**
 * What a message asks of the bot, routed by `type`: a command, a command the parser refused (its
 * sentence is the answer), a command word typed without "#" in private chat, or a picture or voice note.
 */
export type Intent =
  | Command
  | { type: 'parseError'; error: ParseError }
  | { type: 'missingHash'; line: string }
  | { type: 'chat' }
  | { type: 'media' }

export type IntentType = Intent['type']
