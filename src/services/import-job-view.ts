import type { ImportJob } from '../repos/import-job-repo'

/** How far a roster import job is, as the API and the dashboard show it. */
export interface ImportJobView {
  id: string
  status: ImportJob['status']
  rows: number
  rowsDone: number
  /** Of the job's batches (units first, then rows), how many are written, in percent. */
  percent: number
  newUnits: number
  changes: number
  bound: number
  /** Lines whose WeChat id someone else took after the preview (not bound). */
  taken: number[]
  /** Why the last attempt failed (it is tried again), or why the job stopped. */
  error: string | null
  createdAt: Date
  finishedAt: Date | null
}

export function importJobView(job: ImportJob): ImportJobView {
  const percent = job.status === 'done' ? 100 : job.chunks ? Math.floor((100 * job.chunksDone) / job.chunks) : 0
  return {
    id: job.id,
    status: job.status,
    rows: job.rows,
    rowsDone: job.rowsDone,
    percent,
    newUnits: job.newUnits,
    changes: job.changes,
    bound: job.bound,
    taken: job.taken,
    error: job.error,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
  }
}
