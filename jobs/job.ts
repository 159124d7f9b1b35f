import type { Repos } from '../src/repos/create-repos'
import type { Logger } from '../src/logger'

export interface JobContext {
  repos: Repos
  now: Date
  tz: string
  log: Logger
  /** Run regardless of each unit's configured time (an explicit run, e.g. from the scenario runner). */
  force: boolean
  followUpHours: number
}

/**
 * A scheduled job: node-cron runs it in BOT_TIMEZONE, the scenario runner runs it by name. Jobs only
 * enqueue messages, each under a dedupe key naming its target and period, so a job that runs twice
 * (two processes, a restart mid-run, a clock that jumps) still sends each message once.
 */
export interface Job {
  name: string
  /** A node-cron expression; jobs check each unit's own configured time on every tick. */
  schedule: string
  /** Returns how many messages it enqueued. */
  run(ctx: JobContext): Promise<number>
}
