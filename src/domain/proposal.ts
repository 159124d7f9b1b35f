import type { DutyKind } from './checklist'
import type { Audience } from './vocabulary'

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
  /** An admin's notice held because it would show a personal-looking number in a constituents' group. */
  | { do: 'notice'; audience: Audience; content: string; defaulted: boolean }

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

/** How long a question waits for her answer. */
export const PROPOSAL_TTL_MS = 6 * 60 * 60_000

export function conversationOf(talkerId: string, roomId: string | undefined): string {
  return `${talkerId}|${roomId ?? ''}`
}
