import type { Models } from './models'
import { createLeaseOps } from './lease-ops'

/** Job runs keyed by job and period: two schedulers firing the same tick run it once. */
export function createJobRunRepo({ JobRun, Claim }: Models) {
  const lease = createLeaseOps(JobRun, Claim, 'job')
  return {
    claim: (input: { job: string; period: string; owner: string }, now: Date, leaseMs = 10 * 60_000) =>
      lease.claim(
        { key: `${input.job}:${input.period}`, owner: input.owner, extra: { job: input.job, startedAt: now } },
        now,
        leaseMs,
      ),
    finish: (key: string, now: Date, enqueued: number) => lease.finish(key, now, { enqueued }),
    release: lease.release,
  }
}

export type JobRunRepo = ReturnType<typeof createJobRunRepo>
