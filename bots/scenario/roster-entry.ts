import type { Role } from '../../src/domain/vocabulary'

/** One person of a scenario's roster line, as written. */
export interface RosterEntry {
  name: string
  role: Role
  org: string
  parent?: string
  wechatName?: string
}
