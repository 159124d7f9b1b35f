import type { Repos } from '../src/repos/create-repos'
import type { Sender } from '../src/incoming-message'
import type { Logger } from '../src/logger'

export interface JobContext {
  repos: Repos
  now: Date
  tz: string
  send: Sender
  log: Logger
}

/** A scheduled job: node-cron runs it in BOT_TIMEZONE, the scenario runner runs it by name. */
export interface Job {
  name: string
  /** A node-cron expression, e.g. "0 9 * * 1" for Mondays 09:00. */
  schedule: string
  run(ctx: JobContext): Promise<void>
}
