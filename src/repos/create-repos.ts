import type { Connection } from 'mongoose'
import { bindModels } from './models'
import { createOrgRepo } from './org-repo'
import { createMemberRepo } from './member-repo'
import { createGroupRepo } from './group-repo'
import { createDutyLogRepo } from './duty-log-repo'
import { createDiaryRepo } from './diary-repo'
import { createNeedRepo } from './need-repo'
import { createProgressRepo } from './progress-repo'
import { createInboxRepo } from './inbox-repo'
import { createOutboxRepo } from './outbox-repo'
import { createJobRunRepo } from './job-run-repo'
import { createNoticeRepo } from './notice-repo'
import { createSnapshotRepo } from './snapshot-repo'
import { createTokenRepo } from './token-repo'
import { createAuditRepo } from './audit-repo'
import { tryClaim } from './to-plain'

export function createRepos(conn: Connection) {
  const models = bindModels(conn)
  return {
    orgs: createOrgRepo(models),
    members: createMemberRepo(models),
    groups: createGroupRepo(models),
    dutyLogs: createDutyLogRepo(models),
    diaries: createDiaryRepo(models),
    needs: createNeedRepo(models),
    progress: createProgressRepo(models),
    inbox: createInboxRepo(models),
    outbox: createOutboxRepo(models),
    jobRuns: createJobRunRepo(models),
    notices: createNoticeRepo(models),
    snapshots: createSnapshotRepo(models),
    tokens: createTokenRepo(models),
    audit: createAuditRepo(models),
    /** One-time tokens: true for the first caller with this id, ever. */
    claims: { tryClaim: (id: string, now: Date) => tryClaim(models.Claim, id, now) },
    /** Creates every index; run at start-up so queries never scan. */
    async init(): Promise<void> {
      for (const model of Object.values(models)) await model.createIndexes()
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
