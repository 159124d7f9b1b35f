import type { Repos } from '../repos/create-repos'
import { syncProgress } from './sync-progress'

/**
 * Recounts every stored progress document from the records: the repair tool after a restore or a
 * manual database edit, and the proof (in tests) that incremental upkeep equals a full recount.
 */
export async function rebuildProgress(repos: Repos, now: Date): Promise<{ members: number; years: number }> {
  const members = await repos.members.listWithChecklist()
  let years = 0
  for (const member of members) {
    const all = new Set([
      ...(await repos.dutyLogs.yearsOf(member.id)),
      ...(await repos.diaries.yearsOf(member.id)),
      ...(await repos.needs.yearsOf(member.id)),
    ])
    for (const year of all) {
      await syncProgress(repos, member, year, now)
      years++
    }
  }
  return { members: members.length, years }
}
