import type { Command } from './command-specs'
import type { ParseError } from './command-parts'

export type { Command } from './command-specs'
export type { Audience, DateExpr, GroupKind, ParseError, ParseErrorCode, Setting } from './command-parts'

export type CommandType = Command['type']

export type ParseResult = { ok: true; command: Command } | { ok: false; error: ParseError }

/**
 * What a message asks of the bot, routed by `type`: a command, a command the parser refused (its
 * sentence is the answer), a command word typed without "#" in private chat, or a picture or voice note.
 */
export type Intent =
  | Command
  | { type: 'parseError'; error: ParseError }
  /** "#联细 刘翠花": a command word she mistyped; the handler suggests the one she meant. */
  | { type: 'unknownCommand'; word: string; rest: string }
  /** Several command lines in one message. */
  | { type: 'batch'; commands: Command[] }
  /**
   * "#议事 村妇联议事会": the command word of an item her unit added to its checklist. Never read by the
   * parser (it does not know her unit): the added-item middleware finds it (handlers/added-item-handler).
   */
  | { type: 'addedItem'; word: string; rest: string }
  /** Words for the bot that are not a command: read as a sentence (a voice note's transcript says so). */
  | { type: 'sentence'; text: string; heard?: boolean }
  /**
   * A group message not addressed to the bot (no @; a voice note cannot carry one) that may be a duty
   * report: read, and if it is one, asked about in private chat. Never answered in the group.
   */
  | { type: 'groupReport'; text: string; heard?: boolean }
  /** A group message not for the bot that may ask the federation for help: a constituent's is passed on. */
  | { type: 'groupAsk'; text: string; heard?: boolean }
  /**
   * A lone digit: the answer to the question she was asked (or, in a group, a receipt); "2-1" answers
   * question 2 of several waiting.
   */
  | { type: 'answer'; digit: number; question?: number }
  /**
   * "1 3", "只记1", "第二个不要": which items of a question of several to keep (never "2-1", which is
   * question 2, option 1). `keep` lists the items kept, `drop` those left out.
   */
  | { type: 'pick'; keep?: number[]; drop?: number[] }
  /** "改日期 11月16日": the day of the items in the question waiting for her answer. */
  | { type: 'redate'; date: string }
  /** A voice note whose transcript the puppet did not supply. */
  | { type: 'unheard' }
  /** "我是 张秀英 [白庙村] [code]", "绑定码 12345678": who an unbound WeChat id says she is. */
  | { type: 'iAm'; name?: string; org?: string; code?: string }
  | { type: 'media' }
  | ConstituentIntent

/**
 * What a woman who is not on the roster asks when she @-mentions the bot in a constituents' group. Never
 * read by readIntent (it does not know who wrote, nor where): the constituents' middleware reads it
 * with readConstituentMessage (handlers/constituent-handler).
 */
export type ConstituentIntent =
  /** "帮忙找个工作", "想问问两癌筛查在哪报名": passed on to her unit's executives as a need. */
  | { type: 'constituentRequest'; content: string }
  /** "你好", "在吗", "你是谁", or an executives' command: one friendly line on what she can do. */
  | { type: 'constituentHint'; why: 'greeting' | 'command' }

export type IntentType = Intent['type']
