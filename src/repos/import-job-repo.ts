import type { Models } from './models'
import type { ImportChunkDoc, ImportJobDoc } from './documents'
import { idOf, insertManyKeyed, insertOnce, oid } from './to-plain'

export type ImportJob = Omit<ImportJobDoc, '_id' | 'active' | 'kind' | 'scopeOrgId'> & {
  id: string
  scopeOrgId: string | null
}

export type ChunkKind = ImportChunkDoc['kind']

/** Who starts a job, before her plan is read. */
export type NewImportJob = Pick<ImportJob, 'id' | 'by' | 'scopeOrgId'>

const ACTIVE = 'roster'

function toJob({ _id, active: _a, kind: _k, scopeOrgId, ...rest }: ImportJobDoc): ImportJob {
  return { ...rest, id: _id, scopeOrgId: scopeOrgId ? idOf(scopeOrgId) : null, taken: rest.taken ?? [] }
}

/**
 * Roster imports written as jobs (services/roster-job): the job document with its progress, and its
 * checked plan in chunks. At most one roster job is unfinished at a time: the unique `active` key of
 * its document says so on insert, on every compatible server. Every read here is of the few job
 * documents or of one chunk by key, so its cost does not follow the size of the roster.
 */
export function createImportJobRepo({ ImportJob: J, ImportChunk: C }: Models) {
  /**
   * Takes the one place for a roster import before its plan is read (status `planning`), so no other
   * import writes between the reads its plan is judged on and its own writes. Returns the job, or the
   * unfinished one that holds the place.
   */
  async function reserve(
    fields: NewImportJob,
    owner: string,
    now: Date,
    leaseUntil: Date,
  ): Promise<{ job: ImportJob } | { busy: ImportJob }> {
    const held = await current()
    if (held) return { busy: held }
    const doc: ImportJobDoc = {
      _id: fields.id,
      kind: 'roster',
      active: ACTIVE,
      status: 'planning',
      by: fields.by,
      scopeOrgId: fields.scopeOrgId ? oid(fields.scopeOrgId) : null,
      plan: '',
      rows: 0,
      newUnits: 0,
      changes: 0,
      chunks: 0,
      chunksDone: 0,
      rowsDone: 0,
      bound: 0,
      taken: [],
      createdAt: now,
      updatedAt: now,
      finishedAt: null,
      owner,
      leaseUntil,
      error: null,
      failures: 0,
    }
    if (await insertOnce(J, doc)) return { job: toJob(doc) }
    const other = await current()
    if (other) return { busy: other }
    throw new Error(`import job ${fields.id} could not be stored, and no other job holds the place`)
  }

  /**
   * Stores the checked plan's chunks, then makes the reserved job `running` with its figures: a job
   * is never running without every chunk of its plan.
   */
  async function begin(
    id: string,
    figures: Pick<ImportJob, 'plan' | 'rows' | 'newUnits' | 'changes'>,
    chunks: readonly { kind: ChunkKind; items: unknown[] }[],
    now: Date,
  ): Promise<ImportJob> {
    await insertManyKeyed(
      C,
      // As one string: FerretDB 1.x parses every document a read or delete passes over, and one long
      // string parses many times faster than a thousand small objects (see chunks below).
      chunks.map((c, seq) => ({ _id: `${id}:${seq}`, jobId: id, seq, kind: c.kind, items: JSON.stringify(c.items) })),
      20,
    )
    const res = await J.updateOne(
      { _id: id, status: 'planning' },
      { $set: { ...figures, status: 'running', chunks: chunks.length, updatedAt: now } },
    )
    const job = await find(id)
    if (res.matchedCount !== 1 || !job) {
      await C.deleteMany({ jobId: id })
      throw new Error(`import job ${id} lost its place while it was planned`)
    }
    return job
  }

  /** Gives the place back with nothing written: the plan was refused, or its process stopped while planning. */
  async function release(id: string): Promise<void> {
    if ((await J.deleteOne({ _id: id, status: 'planning' })).deletedCount) await C.deleteMany({ jobId: id })
  }

  async function find(id: string): Promise<ImportJob | undefined> {
    const doc = await J.findById(id).lean()
    return doc ? toJob(doc) : undefined
  }

  /** The unfinished roster import, if there is one. */
  async function current(): Promise<ImportJob | undefined> {
    const doc = await J.findOne({ active: ACTIVE }).lean()
    return doc ? toJob(doc) : undefined
  }

  /** The newest jobs first. */
  async function recent(limit: number): Promise<ImportJob[]> {
    const docs = await J.find({}).sort({ createdAt: -1 }).limit(limit).lean()
    return docs.map(toJob)
  }

  /**
   * Takes the job for `owner` until `until` if it is running and nobody else holds it. On MongoDB a
   * single-document update decides between two takers; FerretDB 1.x reads then writes, so two may both
   * take it — harmless, as every chunk is written by key and a chunk written twice changes nothing.
   */
  async function claim(id: string, owner: string, now: Date, until: Date): Promise<boolean> {
    const free = { $or: [{ owner }, { owner: null }, { leaseUntil: null }, { leaseUntil: { $lt: now } }] }
    const res = await J.updateOne({ _id: id, status: 'running', ...free }, { $set: { owner, leaseUntil: until } })
    return res.matchedCount === 1
  }

  /**
   * The job's chunks from `from` on, in order, in one read: a chunk read by key would cost a pass over
   * the collection each on FerretDB 1.x (a plan of 50,000 rows is about 10 MB in memory).
   */
  async function chunks(jobId: string, from: number): Promise<{ seq: number; kind: ChunkKind; items: unknown[] }[]> {
    const docs = await C.find({ jobId, seq: { $gte: from } }).lean()
    return docs
      .map(({ seq, kind, items }) => ({ seq, kind, items: JSON.parse(items) as unknown[] }))
      .sort((a, b) => a.seq - b.seq)
  }

  /** Records a written chunk, in one update with the figures it brings; false if `owner` lost the job. */
  async function progress(
    id: string,
    owner: string,
    done: Pick<ImportJob, 'chunksDone' | 'rowsDone' | 'bound' | 'taken'>,
    now: Date,
    until: Date,
  ): Promise<boolean> {
    const res = await J.updateOne(
      { _id: id, owner },
      { $set: { ...done, updatedAt: now, leaseUntil: until, error: null, failures: 0 } },
    )
    return res.matchedCount === 1
  }

  /** Keeps the job for `owner` a while longer (a long chunk is being written). */
  async function renew(id: string, owner: string, until: Date): Promise<void> {
    await J.updateOne({ _id: id, owner }, { $set: { leaseUntil: until } })
  }

  /**
   * Ends the job, done or stopped (too many failed attempts): it lets go of the place for the next
   * import, and its chunks are deleted.
   */
  async function finish(id: string, status: 'done' | 'stopped', now: Date, error?: string): Promise<void> {
    await J.updateOne(
      { _id: id },
      {
        $set: {
          status,
          active: id,
          finishedAt: now,
          updatedAt: now,
          owner: null,
          leaseUntil: null,
          ...(error ? { error } : {}),
        },
      },
    )
    await C.deleteMany({ jobId: id })
  }

  /** An attempt failed: why, and the job is free to be taken again at `retryAt`. */
  async function failed(id: string, owner: string, error: string, failures: number, now: Date, retryAt: Date) {
    await J.updateOne({ _id: id, owner }, { $set: { error, failures, updatedAt: now, leaseUntil: retryAt } })
  }

  return { reserve, begin, release, find, current, recent, claim, chunks, progress, renew, finish, failed }
}

export type ImportJobRepo = ReturnType<typeof createImportJobRepo>
