import type { ChecklistConfig } from './checklist-config'
import type { GroupKind, Role } from './vocabulary'
import type { ProgressCounts } from './progress'
import { CHECKLIST_ROLES } from './vocabulary'

export type { Role } from './vocabulary'

export interface WeeklySlot {
  weekday: number // 1 = Monday … 7 = Sunday
  hour: number
  minute: number
}

export interface OrgSettings {
  weeklyProgress?: WeeklySlot
  diaryReminder?: WeeklySlot
  review?: { excellent: number; pass: number; basic: number }
  /** Whether chairs who keep a checklist are counted in this unit's figures (default: no; see counted.ts). */
  countChairs?: boolean
  /** This unit's own checklist (and its units' below, unless they set theirs): see unit-checklist.ts. */
  checklist?: ChecklistConfig
  /** This unit has its own list of women representatives (set by their import; see representative-repo). */
  representativesListed?: boolean
}

export interface Rotation {
  memberIds: string[]
  /** Monday (ISO date) of the week the first person is on duty. */
  startMonday: string
}

export interface OrgUnit {
  id: string
  name: string
  parentId: string | null
  ancestors: string[]
  settings: OrgSettings
  rotation: Rotation | null
}

export interface Member {
  id: string
  name: string
  role: Role
  orgId: string
  contactIds: string[]
  /** She said #设置 群里自动记 关: what she posts in executives' groups is not read for her (absent: read). */
  groupAutoRecordOff?: true
}

export interface Group {
  roomId: string
  topic: string
  kind: GroupKind | null
  orgId: string | null
  mentionBehind: boolean
  /** An admin said #设置 本群自动记 关: reports posted here without @ are not read for anyone. */
  autoRecordOff?: true
}

export interface Notice {
  id: string
  number: number
  orgId: string
  audience: 'executive' | 'constituent' | 'all'
  content: string
  createdBy: string
  createdAt: Date
  roomIds: string[]
  executiveIds: string[]
  followUpAt: Date
}

export interface Ack {
  noticeId: string
  contactId: string
  memberId: string | null
  roomId: string | null
  at: Date
}

/**
 * A need in the ledger of women's needs (妇女需求台账); its id comes from the message that opened it.
 * An executive's own (#需求) is hers from the start. A constituent's (asked in a constituents' group) is
 * her unit's until one of its executives takes it (#认领): `memberId` is null until then.
 */
export interface Need {
  id: string
  messageId: string
  memberId: string | null
  year: number
  date: string
  createdAt: Date
  /** The bot instance that handled the message. */
  by: string
  number: number
  orgId: string
  content: string
  status: 'open' | 'resolved'
  resolvedBy: string | null
  resolvedAt: Date | null
  /** A constituent's request: who asked (her WeChat nickname, masked) and where. Null for an executive's own. */
  asker: NeedAsker | null
  /** The record that stands for it in her year's ledger: the need's id, or her #认领's for a constituent's. */
  itemId: string | null
  /** How many times a taker gave it back (#撤销): the next #认领 is a new round, claimed afresh. */
  round: number
}

export interface NeedAsker {
  contactId: string
  name: string
  roomId: string
}

export interface Progress {
  memberId: string
  orgId: string
  year: number
  counts: ProgressCounts
}

export function hasChecklist(member: Pick<Member, 'role'>): boolean {
  return CHECKLIST_ROLES.includes(member.role)
}
