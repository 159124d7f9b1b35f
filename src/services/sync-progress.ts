import type { Repos } from '../repos/create-repos'
import { countProgress, type ProgressCounts } from '../domain/progress'

const MAX_ATTEMPTS = 20

/**
 * Recounts one executive's year from her records and stores it. Setting counts (never incrementing)
 * makes a retry or a crash harmless; the version check makes two concurrent syncs converge.
 * It costs one indexed read of her own records for that year, so reading progress stays O(1).
 */
export async function syncProgress(
  repos: Pick<Repos, 'dutyLogs' | 'diaries' | 'needs' | 'progress'>,
  member: { id: string; orgId: string },
  year: number,
  now: Date,
): Promise<ProgressCounts> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    // Random back-off so that writers racing on one executive spread out instead of colliding again.
    if (attempt > 0) await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt))
    const seen = await repos.progress.version(member.id, year)
    const [logs, diary, needs] = await Promise.all([
      repos.dutyLogs.countable(member.id, year),
      repos.diaries.countForYear(member.id, year),
      repos.needs.countByStatus(member.id, year),
    ])
    const counts = countProgress(logs, { diary, ...needs })
    if (await repos.progress.writeIfUnchanged({ memberId: member.id, orgId: member.orgId, year, counts }, seen, now)) {
      return counts
    }
  }
  throw new Error(`progress for member ${member.id} year ${year} kept changing; giving up after ${MAX_ATTEMPTS} attempts`)
}
