import type { Job, JobContext } from './job'

/**
 * Runs a job at most once at a time in this process (a slow run is not overlapped by the next tick).
 * Across processes no lease is needed: see Job.
 */
export function createJobRunner() {
  const running = new Set<string>()
  return async function runJob(job: Job, ctx: JobContext): Promise<{ ran: boolean; enqueued: number }> {
    if (running.has(job.name)) return { ran: false, enqueued: 0 }
    running.add(job.name)
    try {
      return { ran: true, enqueued: await job.run(ctx) }
    } finally {
      running.delete(job.name)
    }
  }
}
