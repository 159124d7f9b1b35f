import type { Repos } from '../repos/create-repos'
import { composeUnitReport, type UnitReport } from '../domain/compose-unit-report'
import type { LocalDate } from '../domain/zoned-time'
import { isCounted } from '../domain/counted'

export type { UnitReport } from '../domain/compose-unit-report'

/**
 * The report of a unit's subtree (or the whole tree) for a year. Three reads whatever the tree: the org
 * tree (cached), the members with a checklist in the subtree, and their progress documents for the
 * year; never one query per unit or per person.
 */
export async function unitReport(
  repos: Pick<Repos, 'orgs' | 'members' | 'progress'>,
  rootId: string | undefined,
  year: number,
  today: LocalDate,
): Promise<UnitReport> {
  const tree = await repos.orgs.tree(rootId)
  const orgIds = rootId ? tree.subtree(rootId).map((u) => u.id) : undefined
  const members = (await repos.members.listWithChecklist(orgIds)).filter((m) => isCounted(m, tree))
  const progress = await repos.progress.listForYear(
    year,
    members.map((m) => m.id),
  )
  const counts = new Map(progress.map((p) => [p.memberId, p.counts]))
  return composeUnitReport({ tree, rootId, members, counts, year, today })
}
