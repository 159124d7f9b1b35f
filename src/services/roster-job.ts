import { randomBytes } from 'node:crypto'
import type { Repos } from '../repos/create-repos'
import type { ImportJob, NewImportJob } from '../repos/import-job-repo'
import type { Clock } from '../clock'
import type { Logger } from '../logger'
import type { RosterPlan } from '../domain/plan-roster'
import { BATCH_ROWS, rosterBatches, type RosterBatch } from '../domain/roster-batches'
import { newId } from './new-id'
import { readUnitIndex, writeRosterBatch, type UnitIndex } from './write-roster-batch'

type JobRepos = Pick<Repos, 'orgs' | 'members' | 'imports'>
/**
 * `signal`: stop between two batches (a shutdown); the job is let go at once, for the next start.
 * `units`: the tree as the process that planned the job just read it, holding the job's place since
 * (read again when absent).
 */
type JobDeps = { repos: JobRepos; clock: Clock; log?: Logger; signal?: AbortSignal; units?: UnitIndex }

/** How long a process holds a job without a sign of life; it renews it every third of that. */
export const LEASE_MS = 60_000
/** Attempts in a row that write nothing before a job is stopped (and the next import may start). */
export const MAX_FAILURES = 8

/** This process, as the owner of the jobs it writes. */
export const PROCESS_OWNER = `${process.pid}-${randomBytes(4).toString('hex')}`

const later = (now: Date, ms: number) => new Date(now.getTime() + ms)

/** Jobs this process is writing now: a resume never starts a second writer of its own beside one. */
const writing = new Set<string>()

/**
 * Takes the one place for a roster import, held by `owner`, before its plan is read: two imports
 * planned against the same tree must not write over each other. `busy`: another holds it.
 */
export function reserveRosterJob(
  repos: Pick<Repos, 'imports'>,
  meta: Omit<NewImportJob, 'id'>,
  owner: string,
  now: Date,
): Promise<{ job: ImportJob } | { busy: ImportJob }> {
  return repos.imports.reserve({ ...meta, id: newId() }, owner, now, later(now, LEASE_MS))
}

/** Stores a checked, confirmed plan in the reserved job, cut into batches (domain/roster-batches). */
export function beginRosterJob(
  repos: Pick<Repos, 'imports'>,
  jobId: string,
  plan: Pick<RosterPlan, 'newUnits' | 'reparent' | 'people' | 'changes'> & { name: string },
  now: Date,
  batchRows = BATCH_ROWS,
): Promise<ImportJob> {
  const batches: RosterBatch[] = rosterBatches(plan, newId, batchRows)
  const figures = {
    plan: plan.name,
    rows: plan.people.length,
    newUnits: plan.newUnits.length,
    changes: plan.changes.length,
  }
  return repos.imports.begin(jobId, figures, batches, now)
}

/**
 * Writes the job's batches from the first one not yet written, recording each as done in the same
 * update that counts it, while `owner` holds the job. A batch cut short by a crash is written again
 * by whoever takes the job next and changes nothing it had written (see writeRosterBatch). A failed
 * attempt is noted on the job and tried again once its hold lapses; after MAX_FAILURES attempts in a
 * row that wrote nothing, the job stops: what it wrote stays (sending the same file again writes the
 * rest). Returns the job as it stands, or undefined while another process holds it.
 */
export async function runRosterJob(
  deps: JobDeps,
  jobId: string,
  owner = PROCESS_OWNER,
): Promise<ImportJob | undefined> {
  if (writing.has(jobId)) return undefined
  writing.add(jobId)
  try {
    return await writeJob(deps, jobId, owner)
  } finally {
    writing.delete(jobId)
  }
}

async function writeJob(deps: JobDeps, jobId: string, owner: string): Promise<ImportJob | undefined> {
  const { repos, clock } = deps
  if (!(await repos.imports.claim(jobId, owner, clock.now(), later(clock.now(), LEASE_MS)))) {
    const job = await repos.imports.find(jobId)
    return job?.status === 'running' ? undefined : job
  }
  const renew = setInterval(() => {
    repos.imports.renew(jobId, owner, later(clock.now(), LEASE_MS)).catch(() => undefined)
  }, LEASE_MS / 3)
  renew.unref()
  let job = await repos.imports.find(jobId)
  let wrote = false
  try {
    if (!job || job.status !== 'running') return job
    const units = deps.units ?? (await readUnitIndex(repos))
    const done = { chunksDone: job.chunksDone, rowsDone: job.rowsDone, bound: job.bound, taken: [...job.taken] }
    const batches = await repos.imports.chunks(jobId, done.chunksDone)
    while (done.chunksDone < job.chunks) {
      if (deps.signal?.aborted) {
        await repos.imports.renew(jobId, owner, clock.now())
        return repos.imports.find(jobId)
      }
      const batch = batches.find((b) => b.seq === done.chunksDone)
      if (!batch) throw new Error(`import job ${jobId} has no batch ${done.chunksDone}`)
      const written = await writeRosterBatch(repos, batch as RosterBatch, units, clock.now())
      done.chunksDone++
      done.rowsDone += written.rows
      done.bound += written.bound
      done.taken.push(...written.taken)
      wrote = true
      const now = clock.now()
      if (!(await repos.imports.progress(jobId, owner, done, now, later(now, LEASE_MS))))
        return repos.imports.find(jobId)
    }
    await repos.imports.finish(jobId, 'done', clock.now())
  } catch (err) {
    const failures = (wrote ? 0 : (job?.failures ?? 0)) + 1
    const reason = err instanceof Error ? err.message : String(err)
    deps.log?.error('roster import job failed', { jobId, failures, err })
    if (failures >= MAX_FAILURES)
      await repos.imports.finish(jobId, 'stopped', clock.now(), reason).catch(() => undefined)
    else
      await repos.imports
        .failed(
          jobId,
          owner,
          reason,
          failures,
          clock.now(),
          later(clock.now(), Math.min(300_000, 5_000 * 2 ** failures)),
        )
        .catch(() => undefined)
  } finally {
    clearInterval(renew)
  }
  job = await repos.imports.find(jobId)
  return job
}

/**
 * The unfinished job whose hold has lapsed (a process that stopped mid-way), written on by this one;
 * one that stopped while its plan was read wrote nothing, and gives its place back.
 */
export async function resumeRosterJobs(deps: JobDeps, owner = PROCESS_OWNER) {
  const job = await deps.repos.imports.current()
  if (!job || writing.has(job.id)) return undefined
  const held = !!job.leaseUntil && job.leaseUntil > deps.clock.now()
  if (job.status === 'planning') {
    if (held) return undefined
    deps.log?.warn('releasing a roster import that stopped while planning', { jobId: job.id })
    await deps.repos.imports.release(job.id)
    return undefined
  }
  if (held && job.owner !== owner) return undefined
  deps.log?.info('resuming roster import job', { jobId: job.id, chunksDone: job.chunksDone, chunks: job.chunks })
  return runRosterJob(deps, job.id, owner)
}
