import type { Repos } from '../repos/create-repos'
import type { UnitReport } from '../domain/compose-unit-report'
import { levelReport } from '../domain/level-report'
import type { LocalDate } from '../domain/zoned-time'

export type { UnitReport } from '../domain/compose-unit-report'

/**
 * The report of a unit (or the whole tree) for a year: the unit, its children ranked, and the people
 * its views name, read off the standings (standings-repo): no read of anyone's year unless the standings
 * refresh, whatever the size of the subtree.
 */
export async function unitReport(
  repos: Pick<Repos, 'standings'>,
  rootId: string | undefined,
  year: number,
  today: LocalDate,
): Promise<UnitReport> {
  return levelReport(await repos.standings.view(year, today), rootId)
}
