import type { DutyKind } from '../domain/checklist'

/** A date written after a command: resolved against "today" by the domain, so the parser needs no clock. */
export type DateExpr =
  | { type: 'relative'; daysAgo: number }
  | { type: 'absolute'; year?: number; month: number; day: number }
  /** 上周五, 昨天上午, 3号, 上个月20号: resolved against today by the domain (nl/find-date). */
  | { type: 'phrase'; text: string }

import type { Audience, GroupKind } from '../domain/vocabulary'
export type { Audience, GroupKind } from '../domain/vocabulary'

export type Command =
  /** subject is empty when "#解决 …" is one phrase: the handler then finds which of her families it is. */
  | { type: 'duty'; kind: DutyKind; subject: string; detail?: string; date?: DateExpr; more?: string[] }
  | { type: 'diary'; content: string; date?: DateExpr }
  | { type: 'need'; content: string }
  | { type: 'resolveNeed'; number: number }
  /** #认领 12: an executive takes a constituent's need of her unit. */
  | { type: 'claimNeed'; number: number }
  /** yearsAgo: 0 this year, 1 last year; or a year written out. */
  | { type: 'progress'; year?: { yearsAgo: number } | { year: number } }
  /** #述职 [去年|2025]: her 述职报告 for the year, as a Word file in private chat. */
  | { type: 'dutyReport'; year?: { yearsAgo: number } | { year: number } }
  /** Her newest record, or the one with this number in #我的记录. */
  | { type: 'undo'; number?: number }
  /** #我的记录: this year's records, numbered; #需求 列表: her needs. */
  | { type: 'records'; which: 'all' | 'needs' }
  /** #改 3 李梅: the record numbered 3 now names 李梅 (or has this title). */
  | { type: 'correct'; number: number; subject: string }
  | { type: 'summary'; org?: string }
  /** #清单: her unit's checklist, its targets and how each item is recorded. */
  | { type: 'checklist' }
  /** `defaulted`: she named no audience, so it goes to executives' groups only (and the answer says so). */
  | { type: 'notice'; audience: Audience; content: string; defaulted?: true }
  /** A notice acknowledged: the newest that reached her, the one with this number, or last week's. */
  | { type: 'ack'; which?: number | 'beforeThisWeek' }
  /** #绑定 执委群 [单位]: the group's kind, and the unit it serves when not the admin's own. */
  | { type: 'bind'; kind: GroupKind; org?: string }
  /** #未绑定: members in her scope with no WeChat id (they get no reminders). */
  | { type: 'unbound' }
  /** #解绑 姓名 [单位]: take a member's WeChat ids off (after her "1"). */
  | { type: 'unbind'; name: string; org?: string }
  /** #绑定码 姓名 [单位]: a one-time code for a member to send from her own WeChat. */
  | { type: 'bindCode'; name: string; org?: string }
  | { type: 'receipts'; number?: number }
  | { type: 'rotation'; names: string[] }
  | { type: 'setting'; setting: Setting }
  /**
   * #设置 群里自动记 开|关: whether her reports posted in executives' groups without @ are read (asked about
   * privately); #设置 本群自动记 开|关: an admin's switch for one group, for everyone in it.
   */
  | { type: 'autoRecord'; scope: 'me' | 'group'; on: boolean }
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
  /** For an unknown command word: the words after it, so the one she meant can be tried with them. */
  rest?: string
}

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
