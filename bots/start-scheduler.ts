import cron from 'node-cron'
import type { Job, JobContext } from '../jobs/job'
import { runJob } from '../jobs/run-job'
import type { Logger } from '../src/logger'

/** Schedules each job in the bot's time zone; a failing run is logged and the next one still happens. */
export function startScheduler(
  jobs: readonly Job[],
  tz: string,
  context: () => JobContext,
  owner: string,
  log: Logger,
  onRun?: (job: string, ran: boolean) => void,
): { stop(): void } {
  const tasks = jobs.map((job) =>
    cron.schedule(
      job.schedule,
      async () => {
        try {
          const outcome = await runJob(job, context(), owner)
          onRun?.(job.name, outcome.ran)
          if (outcome.ran && outcome.enqueued > 0)
            log.info('job enqueued messages', { job: job.name, enqueued: outcome.enqueued })
        } catch (err) {
          log.error('job failed', { job: job.name, err })
        }
      },
      { timezone: tz, name: job.name },
    ),
  )
  return {
    stop: () => {
      for (const t of tasks) void t.stop()
    },
  }
}
