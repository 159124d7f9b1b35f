import cron from 'node-cron'
import type { Job, JobContext } from '../jobs/job'
import { createJobRunner } from '../jobs/run-job'
import type { Logger } from '../src/logger'

/** Polls each job in the bot's time zone; a failing run is logged and the next one still happens. */
export function startScheduler(
  jobs: readonly Job[],
  tz: string,
  context: () => JobContext,
  log: Logger,
  onRun?: (job: string, ran: boolean) => void,
): { stop(): void } {
  const runJob = createJobRunner()
  const tasks = jobs.map((job) =>
    cron.schedule(
      job.poll,
      async () => {
        try {
          const outcome = await runJob(job, context())
          onRun?.(job.name, outcome.ran)
          if (outcome.enqueued > 0) log.info('job enqueued messages', { job: job.name, enqueued: outcome.enqueued })
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
