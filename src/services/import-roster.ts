import { createHash } from 'node:crypto'
import type { Repos } from '../repos/create-repos'
import { readRosterTable, type RejectedRow, type RosterRow } from '../domain/roster-rows'
import { mergeByLine, planRoster, type RosterChange, type RosterPlan } from '../domain/plan-roster'
import type { Clock } from '../clock'
import type { Logger } from '../logger'
import { beginRosterJob, LEASE_MS, PROCESS_OWNER, reserveRosterJob, runRosterJob } from './roster-job'
import { unitIndexOf, type UnitIndex } from './write-roster-batch'
import { importJobView, type ImportJobView } from './import-job-view'
import type { ImportJob } from '../repos/import-job-repo'

export type { RosterChange } from '../domain/plan-roster'

/** What an import would do, as the dashboard's preview shows it. */
export interface RosterPreview {
  newUnits: { name: string; parent: string | null }[]
  newPeople: { line: number; name: string; role: string; org: string }[]
  /** Rows naming someone already there, with nothing to change but maybe a WeChat id. */
  unchanged: number
  /** WeChat ids the 微信号 column would bind. */
  wechatIds: number
}

export interface ImportResult {
  imported: number
  rejected: RejectedRow[]
  /** What the file changes beyond adding people: roles, moves, units re-parented. */
  changes: RosterChange[]
  /** The file changes roles, moves people or re-parents units: nothing was written; send it again confirmed. */
  needsConfirmation?: true
  /** The plan changed since the one confirmed (`expect`): nothing was written; here is the new one. */
  stale?: true
  /** WeChat ids bound by the 微信号 column. */
  bound: number
  /** Nothing was written: what the file would do. */
  preview?: RosterPreview
  /** Names this plan: confirm with it, and a file whose effect changed meanwhile is not written. */
  plan?: string
  /** Too many rows to write within the request: it is being written as this job (nothing yet, or part). */
  job?: ImportJobView
  /** Another roster import is still being written: nothing was written; this is how far that one is. */
  busy?: Busy
  /** Lines whose WeChat id someone else took after the plan was checked: imported, but not bound. */
  taken?: number[]
}

/** How far another admin's import is: no more (its lines and errors are hers to see). */
export type Busy = Pick<ImportJobView, 'status' | 'percent' | 'rows' | 'rowsDone'>
const busyOf = ({ status, percent, rows, rowsDone }: ImportJobView): Busy => ({ status, percent, rows, rowsDone })

/** A province's roster (about 50,000 executives) fits in one file. */
export const MAX_ROSTER_ROWS = 60_000
/** Up to this many rows a confirmed import is written within its request; a larger one answers at once. */
export const INLINE_ROWS = 1_000

type RosterRepos = Pick<Repos, 'orgs' | 'members' | 'imports'>

export interface ImportOptions {
  /** Write changes to people and units already there. */
  confirm?: boolean
  /** Only say what the file would do. */
  preview?: boolean
  /** The plan (its `plan` name) the admin saw and confirmed: refused if the file would now do otherwise. */
  expect?: string
  /** Who imports (her token's label), kept on the job. */
  by?: string
  /** Rows written within the request (default INLINE_ROWS). */
  inlineRows?: number
  /** Rows to a batch of the job (default BATCH_ROWS). */
  batchRows?: number
  /**
   * A job too large to write within the call: `write` writes it from here on (with the tree this call
   * read). Without it, the job waits for a worker that resumes it (bots/start-import-worker).
   */
  onJob?: (job: ImportJobView, write: () => Promise<ImportJob | undefined>) => void
  /** The process that writes the job (default this one). */
  owner?: string
  log?: Logger
}

/**
 * 名单导入 from a table whose first row holds the Chinese headers (姓名, 角色, 单位, 上级单位, 微信号, 原单位).
 * The whole plan is computed from every row and what is there (domain/plan-roster) before the first
 * write: one bad row rejects the upload, with every bad row and why, and writes nothing. Changes to
 * people and units already there are listed and need `confirm`. Anything but a preview first takes
 * the one place for a roster import (a job, services/roster-job), so the plan is judged on what no
 * other import is writing; a confirmed plan is stored in that job and written batch by batch: up to
 * `inlineRows` rows within this call, beyond that it answers with the job, which the caller sets
 * writing, and a restart resumes.
 */
export async function importRoster(
  repos: RosterRepos,
  table: string[][],
  scopeOrgId: string | null,
  clock: Clock,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const none = { imported: 0, changes: [], bound: 0 }
  if (table.length > MAX_ROSTER_ROWS + 1) {
    return { ...none, rejected: [{ line: 0, reason: `一次最多导入 ${MAX_ROSTER_ROWS} 行` }] }
  }
  const { rows, rejected } = readRosterTable(table)
  // A row that cannot be read may be the one that gives a unit its parent: the tree is judged only
  // once every row reads, so no line is blamed for what another line would have said.
  if (rejected.length) return { ...none, rejected: mergeByLine(rejected) }
  if (options.preview) {
    const checked = await checkedPlan(repos, rows, scopeOrgId)
    if (!('plan' in checked)) return { ...none, rejected: checked.rejected }
    // Judged against a tree another import may still be writing: the admin is told, and confirms later.
    const running = await repos.imports.current()
    return {
      ...shown(checked),
      ...(checked.plan.changes.length ? { needsConfirmation: true } : {}),
      ...(running ? { busy: busyOf(importJobView(running)) } : {}),
    }
  }
  const owner = options.owner ?? PROCESS_OWNER
  const reserved = await reserveRosterJob(repos, { by: options.by ?? 'import', scopeOrgId }, owner, clock.now())
  if ('busy' in reserved) return { ...none, rejected: [], busy: busyOf(importJobView(reserved.busy)) }
  const jobId = reserved.job.id
  // Planning a province reads every unit, and her people and WeChat ids: the place stays hers meanwhile.
  const keep = setInterval(() => {
    repos.imports.renew(jobId, owner, new Date(clock.now().getTime() + LEASE_MS)).catch(() => undefined)
  }, LEASE_MS / 3)
  try {
    const checked = await checkedPlan(repos, rows, scopeOrgId)
    const refusal = !('plan' in checked)
      ? { ...none, rejected: checked.rejected }
      : options.expect && options.expect !== checked.name
        ? { ...shown(checked), needsConfirmation: true as const, stale: true as const }
        : checked.plan.changes.length && !options.confirm
          ? { ...shown(checked), needsConfirmation: true as const }
          : undefined
    if (refusal) await repos.imports.release(jobId)
    return refusal ?? (await writePlan(repos, checked as Planned, jobId, owner, clock, options))
  } catch (err) {
    // Only a job still planning is let go: one that began writing is resumed, never dropped.
    await repos.imports.release(jobId).catch(() => undefined)
    throw err
  } finally {
    clearInterval(keep)
  }
}

/**
 * Stores the checked plan in its job and writes it: here and now when it is small, else through
 * `onJob` (or a worker that resumes it).
 */
async function writePlan(
  repos: RosterRepos,
  { plan, name, units }: Planned,
  jobId: string,
  owner: string,
  clock: Clock,
  options: ImportOptions,
): Promise<ImportResult> {
  const job = await beginRosterJob(repos, jobId, { ...plan, name }, clock.now(), options.batchRows)
  const written = { imported: 0, bound: 0, rejected: [], changes: plan.changes, plan: name }
  const write = () => runRosterJob({ repos, clock, log: options.log, units }, jobId, owner)
  if (plan.people.length > (options.inlineRows ?? INLINE_ROWS)) {
    options.onJob?.(importJobView(job), write)
    return { ...written, job: importJobView(job) }
  }
  const done = await write()
  if (done?.status !== 'done') throw new Error(`roster import ${jobId} stopped: ${done?.error ?? 'held elsewhere'}`)
  return {
    ...written,
    imported: plan.people.length,
    bound: done.bound,
    ...(done.taken.length ? { taken: done.taken } : {}),
  }
}

type Planned = { plan: RosterPlan; name: string; units: UnitIndex }
type Checked = { rejected: RejectedRow[] } | Planned

/** The file's plan over what is there now, read in a few queries, with its name; or why it is refused. */
async function checkedPlan(repos: RosterRepos, rows: RosterRow[], scopeOrgId: string | null): Promise<Checked> {
  const wechatIds = [...new Set(rows.flatMap((r) => (r.wechatId ? [r.wechatId] : [])))]
  const units = await repos.orgs.listAll()
  const plan = planRoster(
    rows,
    {
      units,
      people: await repos.members.listByNames([...new Set(rows.map((r) => r.name))]),
      holders: await repos.members.holdersOf(wechatIds),
    },
    scopeOrgId,
  )
  if (plan.rejected.length || rows.length === 0)
    return { rejected: plan.rejected.length ? plan.rejected : [{ line: 0, reason: '没有可导入的行' }] }
  return { plan, name: planName(plan), units: unitIndexOf(units) }
}

const shown = ({ plan, name }: { plan: RosterPlan; name: string }) => ({
  imported: 0,
  bound: 0,
  rejected: [],
  changes: plan.changes,
  preview: previewOf(plan),
  plan: name,
})

function previewOf(plan: RosterPlan): RosterPreview {
  const fresh = plan.people.filter((p) => !p.memberId)
  return {
    newUnits: plan.newUnits.map(({ name, parent }) => ({ name, parent })),
    newPeople: fresh.map(({ line, name, role, org }) => ({ line, name, role, org })),
    unchanged: plan.people.filter((p) => p.memberId && !p.moveFrom && !p.roleFrom).length,
    wechatIds: plan.people.filter((p) => p.bind).length,
  }
}

/** A short name for exactly what the plan writes: the same file over the same records gives the same name. */
function planName(plan: RosterPlan): string {
  const { rejected: _r, ...writes } = plan
  return createHash('sha256').update(JSON.stringify(writes)).digest('hex').slice(0, 16)
}
