import type { Repos } from '../repos/create-repos'
import { retentionCutoffs } from '../domain/retention'

export type Purged = Record<'claims' | 'outbox' | 'jobMarks' | 'proposals' | 'bindCodes' | 'audit' | 'misreads', number>

/** Deletes every working row past its period (domain/retention); returns how many went, by collection. */
export async function purgeExpired(
  repos: Pick<Repos, 'claims' | 'outbox' | 'jobMarks' | 'questions' | 'bindCodes' | 'audit' | 'misreads'>,
  now: Date,
  auditDays: number,
): Promise<Purged> {
  const cut = retentionCutoffs(now, auditDays)
  return {
    claims: await repos.claims.deleteBefore(cut.claims),
    outbox: await repos.outbox.deleteFinishedBefore(cut.outbox),
    jobMarks: await repos.jobMarks.deleteBefore(cut.jobMarks),
    proposals: await repos.questions.deleteLapsedBefore(cut.proposals),
    bindCodes: await repos.bindCodes.deleteExpiredBefore(cut.bindCodes),
    audit: await repos.audit.deleteBefore(cut.audit),
    misreads: await repos.misreads.deleteBefore(cut.misreads),
  }
}
