import type { Repos } from '../repos/create-repos'
import { emptyCounts } from '../domain/progress'
import { standingOf, type Standing } from '../domain/standing'
import type { LocalDate } from '../domain/zoned-time'

/**
 * Where every executive of a unit's subtree stands this year. Reads one progress document per person
 * (never her logs), so the cost follows the number of executives, not of records.
 */
export async function orgStandings(
  repos: Pick<Repos, 'orgs' | 'members' | 'progress'>,
  rootOrgId: string,
  today: LocalDate,
): Promise<Standing[]> {
  const orgIds = await repos.orgs.subtreeIds(rootOrgId)
  const members = await repos.members.listWithChecklist(orgIds)
  const progress = await repos.progress.listForYear(
    today.year,
    members.map((m) => m.id),
  )
  const byMember = new Map(progress.map((p) => [p.memberId, p.counts]))
  return members.map((m) => standingOf(m, byMember.get(m.id) ?? emptyCounts(), today))
}
