import type { DutyKind } from './checklist'
import type { Audience } from './vocabulary'
import { maskSensitive } from './mask-sensitive'

/** Something the bot will do once she answers with the option's digit. */
export type Action =
  | { do: 'duty'; kind: DutyKind; subject: string; date: string; text: string | null; unlisted?: true }
  | { do: 'diary'; content: string; date: string }
  /** An item her unit added to its checklist (its key, and its name when she was asked). */
  | { do: 'added'; item: string; label: string; subject: string; date: string }
  | { do: 'need'; content: string }
  /** Undo one of her records (chosen from her ledger when the question was asked). */
  | { do: 'undo'; year: number; id: string; what: string; need: boolean }
  /** An admin confirms that this WeChat id is this member ("我是 姓名"). */
  | { do: 'bind'; memberId: string; contactId: string; nickname: string; who: string }
  /** An admin takes a member's WeChat ids off. */
  | { do: 'unbind'; memberId: string; who: string }
  /**
   * An admin's notice held because it shows a personal-looking number. `asWritten`: the option to send it
   * as she wrote it, whose text is kept unmasked until she answers (sending it is her choice to make).
   */
  | { do: 'notice'; audience: Audience; content: string; defaulted: boolean; asWritten?: true }

/** One numbered answer: what it says and what it does. */
export interface Option {
  label: string
  actions: Action[]
}

/**
 * A question waiting for her digit: kept per conversation (her WeChat id and the group, or private
 * chat), so it survives a restart and another bot process sees it; it lapses after a while.
 */
export interface Proposal {
  /** The message that raised it: what it records is keyed by it, so answering twice records once. */
  key: string
  memberId: string
  options: Option[]
  createdAt: Date
  expiresAt: Date
}

/**
 * A question as kept in her year (see repos/progress-repo): with the conversation it was asked in, the
 * bot instance that asked it (its claim), and its number in that conversation. The number never changes
 * while it waits, so "回复 2-1" always means the question that said so.
 */
export interface PendingQuestion extends Proposal {
  conversation: string
  by: string
  n: number
  /** Who wrote the message that raised it (a question she raised herself is replaced by her next one). */
  from: string
  /** The question as she was shown it (numbers masked), to list it again when several wait. */
  text: string
}

/** The questions still waiting in a conversation, oldest first. */
export function openQuestions(pending: readonly PendingQuestion[], conversation: string, now: Date): PendingQuestion[] {
  return pending
    .filter((q) => q.conversation === conversation && q.expiresAt.getTime() > now.getTime())
    .sort((a, b) => a.n - b.n)
}

/** The number a new question in this conversation gets: one more than any still waiting, else 1. */
export function nextQuestionNumber(open: readonly PendingQuestion[]): number {
  return open.reduce((n, q) => Math.max(n, q.n), 0) + 1
}

/**
 * How to answer a question: "回复 1 …" while it is the only one waiting in her conversation; with
 * others waiting, each option carries the question's number ("回复 2-1 …") so no answer can land on a
 * question she did not mean.
 */
export function answerLines(options: readonly Option[], n: number, alone: boolean, cancel = '取消'): string[] {
  const code = (digit: number) => (alone ? `${digit}` : `${n}-${digit}`)
  if (options.length === 1) return [`回复 ${code(1)} ${options[0]!.label}，回复 ${code(0)} ${cancel}`]
  return [...options.map((o, i) => `回复 ${code(i + 1)} ${o.label}`), `回复 ${code(0)} ${cancel}`]
}

/**
 * A question's options as they are stored: every text in them masked (mask-sensitive), so a pending
 * question holds no full phone or ID number, whoever typed it (a sentence, a nickname, an admin's name).
 * The one exception is a notice's text held for "send as written", which she has just been asked about.
 */
export function maskOptions(options: readonly Option[]): Option[] {
  return options.map((o) => ({ label: maskSensitive(o.label), actions: o.actions.map(maskAction) }))
}

function maskAction(a: Action): Action {
  switch (a.do) {
    case 'duty':
      return { ...a, subject: maskSensitive(a.subject), text: a.text === null ? null : maskSensitive(a.text) }
    case 'added':
      return { ...a, subject: maskSensitive(a.subject) }
    case 'diary':
    case 'need':
      return { ...a, content: maskSensitive(a.content) }
    case 'undo':
      return { ...a, what: maskSensitive(a.what) }
    case 'notice':
      return a.asWritten ? a : { ...a, content: maskSensitive(a.content) }
    case 'bind':
      return { ...a, nickname: maskSensitive(a.nickname), who: maskSensitive(a.who) }
    case 'unbind':
      return { ...a, who: maskSensitive(a.who) }
  }
}

/** How long a question waits for her answer. */
export const PROPOSAL_TTL_MS = 6 * 60 * 60_000

export function conversationOf(talkerId: string, roomId: string | undefined): string {
  return `${talkerId}|${roomId ?? ''}`
}
