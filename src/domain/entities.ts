import type { DutyKind } from './checklist'
import type { GroupKind } from '../parser/command-types'
import type { ProgressCounts } from './progress'

export type Role = 'executive' | 'chair' | 'admin'

export interface OrgUnit {
  id: string
  name: string
  parentId: string | null
  ancestors: string[]
}

export interface Member {
  id: string
  name: string
  role: Role
  orgId: string
  contactIds: string[]
}

export interface Group {
  roomId: string
  topic: string
  kind: GroupKind | null
  orgId: string | null
}

interface RecordBase {
  id: string
  memberId: string
  year: number
  date: string
  createdAt: Date
  sourceMessageId: string
}

export interface DutyLog extends RecordBase {
  kind: DutyKind
  subject: string
  subjectKey: string
  detail: string | null
}

export interface Diary extends RecordBase {
  content: string
}

export interface Need extends RecordBase {
  number: number
  orgId: string
  content: string
  status: 'open' | 'resolved'
  resolvedBy: string | null
  resolvedAt: Date | null
}

export interface Progress {
  memberId: string
  orgId: string
  year: number
  counts: ProgressCounts
}

/** Roles that carry a duty checklist: a chair is also a member of the executive committee. */
export const CHECKLIST_ROLES: readonly Role[] = ['executive', 'chair']

export function hasChecklist(member: Pick<Member, 'role'>): boolean {
  return CHECKLIST_ROLES.includes(member.role)
}
