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

/**
 * Recounts one executive's year from her records and stores it, without relying on atomic conditional
 * updates (which FerretDB 1.x lacks). First it marks her year as changed with a fresh token; after
 * writing the counts it reads the mark again. Anyone who changed her records after this recount read
 * them marks afterwards too: either before our second read, so we see a different token and recount,
 * or after it, so their own recount and write come after ours. Whoever writes last has therefore
 * checked after writing that nothing changed since she counted, and racing writers converge. A retry or
 * a crash is harmless because counts are set, never incremented. The common case costs one recount.
 */
export async function syncProgress(
  repos: SyncRepos,
  member: { id: string; orgId: string },
  year: number,
  now: Date,
): Promise<ProgressCounts> {
  let seen = await repos.progress.mark(member.id, year, now)
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const counts = await recount(repos, member.id, year)
    await repos.progress.write({ memberId: member.id, orgId: member.orgId, year, counts }, now)
    const after = await repos.progress.readMark(member.id, year)
    if (after === seen) return counts
    seen = after ?? (await repos.progress.mark(member.id, year, now))
    // Random back-off so that writers racing on one executive spread out instead of colliding again.
    await new Promise((r) => setTimeout(r, Math.random() * 5 * (round + 1)))
  }
  throw new Error(`progress for member ${member.id} year ${year} kept changing; gave up after ${MAX_ROUNDS} rounds`)
}
