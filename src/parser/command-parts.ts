/**
 * The pieces commands are made of and the parser's error, below the specs: the specs' parse functions
 * use them, and the Command union (command-types) is derived from the specs.
 */
export type { Audience, GroupKind } from '../domain/vocabulary'

/** A date written after a command: resolved against "today" by the domain, so the parser needs no clock. */
export type DateExpr =
  | { type: 'relative'; daysAgo: number }
  | { type: 'absolute'; year?: number; month: number; day: number }
  /** 上周五, 昨天上午, 3号, 上个月20号: resolved against today by the domain (nl/find-date). */
  | { type: 'phrase'; text: string }

export type Setting =
  | { key: 'mentionBehind'; on: boolean }
  | { key: 'weeklyProgress' | 'diaryReminder'; weekday: number; hour: number; minute: number }

export type ParseErrorCode = 'unknownCommand' | 'missingArgument' | 'badArgument' | 'tooLong' | 'badDate'

export interface ParseError {
  code: ParseErrorCode
  /** The command word the user typed, when it was recognised. */
  word?: string
  /** A Chinese sentence for the user. */
  message: string
  /** The usage line to show with it. */
  usage: string
  /** For an unknown command word: the words after it, so the one she meant can be tried with them. */
  rest?: string
}

/** What one command's parse gives: its command, or the sentence to answer with. */
export type Parsed<C> = { ok: true; command: C } | { ok: false; error: ParseError }
