import type { Repos } from '../src/repos/create-repos'
import type { Logger } from '../src/logger'

export interface JobContext {
  repos: Repos
  now: Date
  tz: string
  log: Logger
  /** Run regardless of each unit's configured time and of what was done already (the scenario runner). */
  force: boolean
  followUpHours: number
  /** AUDIT_RETENTION_DAYS: how long the audit log is kept. */
  auditRetentionDays: number
}

/**
 * A scheduled job. It wakes on `poll` and does whatever is due: each unit has its own weekly time, so the
 * poll is a heartbeat, not the schedule. Jobs only enqueue messages under dedupe keys naming target and
 * period, so doing a piece of work twice (two processes, a restart mid-run) still sends each message
 * once; a job mark then spares later ticks the work, so a tick with nothing due writes nothing.
 */
export interface Job {
  name: string
  /** A node-cron expression for the heartbeat. */
  poll: string
  /** Returns how many messages it enqueued. */
  run(ctx: JobContext): Promise<number>
}

/** How often jobs look for due work: a unit's weekly post goes out within this long of its time. */
export const JOB_POLL = '*/5 * * * *'
