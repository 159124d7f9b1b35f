import type { Repos } from '../repos/create-repos'
import { countProgress, type ProgressCounts } from '../domain/progress'

const MAX_ROUNDS = 20

type SyncRepos = Pick<Repos, 'dutyLogs' | 'diaries' | 'needs' | 'progress'>

async function recount(repos: SyncRepos, memberId: string, year: number): Promise<ProgressCounts> {
  const [logs, diary, needs] = await Promise.all([
    repos.dutyLogs.countable(memberId, year),
    repos.diaries.countForYear(memberId, year),
    repos.needs.countByStatus(memberId, year),
  ])
  return countProgress(logs, { diary, ...needs })
}

const same = (a: ProgressCounts, b: ProgressCounts) => JSON.stringify(a) === JSON.stringify(b)

/**
 * Recounts one executive's year from her records and stores it, then recounts once more and repeats
 * if anything changed meanwhile. Whoever writes last has checked after writing that what she wrote is
 * the truth, so racing writers converge without relying on atomic conditional updates (which FerretDB
 * 1.x lacks). A retry or a crash is harmless because counts are set, never incremented. It costs a
 * couple of indexed reads of her own records for that year; reading progress stays one document.
 */
export async function syncProgress(
  repos: SyncRepos,
  member: { id: string; orgId: string },
  year: number,
  now: Date,
): Promise<ProgressCounts> {
  let counts = await recount(repos, member.id, year)
  for (let round = 0; round < MAX_ROUNDS; round++) {
    await repos.progress.write({ memberId: member.id, orgId: member.orgId, year, counts }, now)
    const check = await recount(repos, member.id, year)
    if (same(check, counts)) return counts
    counts = check
    // Random back-off so that writers racing on one executive spread out instead of colliding again.
    await new Promise((r) => setTimeout(r, Math.random() * 5 * (round + 1)))
  }
  throw new Error(`progress for member ${member.id} year ${year} kept changing; gave up after ${MAX_ROUNDS} rounds`)
}
