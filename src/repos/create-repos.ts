import type { Connection } from 'mongoose'
import { bindModels } from './models'
import { createOrgRepo } from './org-repo'
import { createMemberRepo } from './member-repo'
import { createGroupRepo } from './group-repo'
import { createNeedRepo } from './need-repo'
import { createProgressRepo } from './progress-repo'
import { createClaimRepo } from './claim-repo'
import { createOutboxRepo } from './outbox-repo'
import { createPresenceRepo } from './presence-repo'
import { createJobMarkRepo } from './job-mark-repo'
import { createQuestionRepo } from './question-repo'
import { createLedgerEventStore } from './ledger-event-store'
import { createYearWriter } from './year-writer'
import { createNoticeRepo } from './notice-repo'
import { createSnapshotRepo } from './snapshot-repo'
import { createTokenRepo } from './token-repo'
import { createAuditRepo } from './audit-repo'
import { createBindCodeRepo } from './bind-code-repo'
import { createRepresentativeRepo } from './representative-repo'
import { createSimulatorRepo } from './simulator-repo'
import { createMisreadRepo } from './misread-repo'
import { createStandingsRepo, type StandingsOptions } from './standings-repo'
import { countLedger } from '../domain/ledger'
import { createYearCountsReader } from './year-counts-reader'
import { createImportJobRepo } from './import-job-repo'

export interface RepoOptions {
  /** How long the message path trusts what it cached about a WeChat id or a room (other processes' changes). */
  cacheMs?: number
  progress?: { cacheSize?: number }
  /** How long best-effort bookkeeping (presence, last message) waits to be written in one batch. */
  batchMs?: number
  /** Where a failed batch of that bookkeeping is reported. */
  onBackgroundError?: (err: unknown) => void
  standings?: StandingsOptions
}

export function createRepos(conn: Connection, options: RepoOptions = {}) {
  const models = bindModels(conn)
  const background = { batchMs: options.batchMs, onError: options.onBackgroundError }
  const presence = createPresenceRepo(models, background)
  const orgs = createOrgRepo(models, options)
  // A roster write in this process shows in the standings at once (others' within a minute).
  const members = createMemberRepo(models, {
    ...options,
    ...background,
    onRosterChange: () => standings.rosterChanged(),
  })
  const standings = createStandingsRepo(
    {
      tree: () => orgs.tree(),
      roster: members.roster,
      rosterOf: members.rosterOf,
      counts: createYearCountsReader(models),
    },
    options.standings,
  )
  // Every year this process writes or reads reaches its standings at once (no command: see
  // standings-repo, which keeps only what is newer than what it holds).
  const years = createYearWriter(models, {
    ...options.progress,
    onState: (memberId, year, state) => standings.noteYear(memberId, year, state.v, () => countLedger(state.items)),
  })
  return {
    orgs,
    members,
    groups: createGroupRepo(models, options),
    needs: createNeedRepo(models),
    progress: createProgressRepo(createLedgerEventStore(models), years),
    questions: createQuestionRepo(years),
    claims: createClaimRepo(models),
    outbox: createOutboxRepo(models, presence),
    presence,
    jobMarks: createJobMarkRepo(models),
    notices: createNoticeRepo(models),
    snapshots: createSnapshotRepo(models),
    tokens: createTokenRepo(models),
    audit: createAuditRepo(models),
    misreads: createMisreadRepo(models),
    bindCodes: createBindCodeRepo(models),
    representatives: createRepresentativeRepo(models, {
      cacheMs: options.cacheMs,
      tree: (id) => orgs.tree(id),
      treeChanged: orgs.invalidate,
    }),
    simulator: createSimulatorRepo(models),
    standings,
    imports: createImportJobRepo(models),
    /** Creates every index (run at start-up) and fills what an older version did not keep. */
    async init(now = new Date()): Promise<void> {
      for (const model of Object.values(models)) await model.createIndexes()
      await this.members.backfillContacts(now)
      await this.representatives.backfillFlags()
      await this.progress.migrate()
      // The counts and the waiting questions of the design before 2026-12 lived in collections of their
      // own; both are in her year now (a question asked before the upgrade is asked again if need be).
      for (const name of ['progress', 'proposals'])
        if (conn.db && (await conn.db.listCollections({ name }).toArray()).length) await conn.db.dropCollection(name)
    },
    /** Writes the bookkeeping waiting for its batch (before a shutdown, or before counting commands). */
    async settle(): Promise<void> {
      await Promise.all([presence.flush(), members.flush()])
    },
    /** True when the database answers within two seconds; never throws. */
    async ping(): Promise<boolean> {
      let timer: NodeJS.Timeout | undefined
      const timeout = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), 2_000)
      })
      const answer = (async () => {
        if (!conn.db) return false
        await conn.db.admin().ping()
        return true
      })().catch(() => false)
      try {
        return await Promise.race([answer, timeout])
      } finally {
        clearTimeout(timer)
      }
    },
  }
}

export type Repos = ReturnType<typeof createRepos>
