import type { Job, JobContext } from './job'
import { toLocal } from '../src/domain/zoned-time'

export type JobOutcome = { ran: true; enqueued: number } | { ran: false; reason: 'done' | 'inProgress' }

/** The period a run belongs to: the local minute it was fired for, or the exact instant of a forced run. */
export function periodOf(now: Date, tz: string, force: boolean): string {
  if (force) return `manual:${now.toISOString()}`
  const t = toLocal(now, tz)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${t.year}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}`
}

/** Runs a job once per period across processes; a run whose process died is taken over after its lease. */
export async function runJob(job: Job, ctx: JobContext, owner: string): Promise<JobOutcome> {
  const claim = await ctx.repos.jobRuns.claim(
    { job: job.name, period: periodOf(ctx.now, ctx.tz, ctx.force), owner },
    ctx.now,
  )
  if (!claim.claimed) return { ran: false, reason: claim.reason }
  try {
    const enqueued = await job.run(ctx)
    await ctx.repos.jobRuns.finish(claim.key, new Date(), enqueued)
    return { ran: true, enqueued }
  } catch (err) {
    await ctx.repos.jobRuns.release(claim.key).catch(() => undefined)
    throw err
  }
}
