import { createHash } from 'node:crypto'
import type { Repos } from '../repos/create-repos'
import { readRosterTable, type RejectedRow } from '../domain/roster-rows'
import { mergeByLine, planRoster, type RosterChange, type RosterPlan } from '../domain/plan-roster'
import type { Clock } from '../clock'
import type { Logger } from '../logger'
import { PROCESS_OWNER, runRosterJob, startRosterJob } from './roster-job'
import { importJobView, type ImportJobView } from './import-job-view'

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
  /** The process that writes the job (default this one). */
  owner?: string
  log?: Logger
}

/**
 * 名单导入 from a table whose first row holds the Chinese headers (姓名, 角色, 单位, 上级单位, 微信号, 原单位).
 * The whole plan is computed from every row and what is there (domain/plan-roster) before the first
 * write: one bad row rejects the upload, with every bad row and why, and writes nothing. Changes to
 * people and units already there are listed and need `confirm`. A confirmed plan is stored as a job
 * (services/roster-job) and written batch by batch; up to `inlineRows` rows within this call, beyond
 * that it answers with the job, which the caller sets writing, and a restart resumes.
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
  const wechatIds = [...new Set(rows.flatMap((r) => (r.wechatId ? [r.wechatId] : [])))]
  const plan = planRoster(
    rows,
    {
      units: await repos.orgs.listAll(),
      people: await repos.members.listByNames([...new Set(rows.map((r) => r.name))]),
      holders: await repos.members.holdersOf(wechatIds),
    },
    scopeOrgId,
  )
  if (plan.rejected.length || rows.length === 0) {
    return { ...none, rejected: plan.rejected.length ? plan.rejected : [{ line: 0, reason: '没有可导入的行' }] }
  }
  const name = planName(plan)
  const shown = { ...none, rejected: [], changes: plan.changes, preview: previewOf(plan), plan: name }
  if (options.preview) {
    // Judged against a tree another import is still writing: the admin is told, and confirms later.
    const running = await repos.imports.current()
    return {
      ...shown,
      ...(plan.changes.length ? { needsConfirmation: true } : {}),
      ...(running ? { busy: busyOf(importJobView(running)) } : {}),
    }
  }
  if (options.expect && options.expect !== name) return { ...shown, needsConfirmation: true, stale: true }
  if (plan.changes.length && !options.confirm) return { ...shown, needsConfirmation: true }
  const owner = options.owner ?? PROCESS_OWNER
  const meta = { by: options.by ?? 'import', scopeOrgId, plan: name }
  const started = await startRosterJob(repos, plan, meta, owner, clock.now(), options.batchRows)
  const written = { ...none, rejected: [], changes: plan.changes, plan: name }
  if ('busy' in started) return { ...written, busy: busyOf(importJobView(started.busy)) }
  if (rows.length > (options.inlineRows ?? INLINE_ROWS)) return { ...written, job: importJobView(started.job) }
  const job = await runRosterJob({ repos, clock, log: options.log }, started.job.id, owner)
  if (job?.status !== 'done')
    throw new Error(`roster import ${started.job.id} stopped: ${job?.error ?? 'held elsewhere'}`)
  return { ...written, imported: rows.length, bound: job.bound, ...(job.taken.length ? { taken: job.taken } : {}) }
}

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
