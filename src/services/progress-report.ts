import type { Repos } from '../repos/create-repos'
import { emptyCounts, evaluateProgress, type ProgressCounts } from '../domain/progress'
import { gradeOf, DEFAULT_REVIEW_RULE, GRADES, type Grade, type ReviewRule } from '../domain/review-grade'
import { DEFAULT_CHECKLIST } from '../domain/checklist'

export interface ProgressRow {
  memberId: string
  name: string
  role: string
  orgId: string
  org: string
  counts: ProgressCounts
  done: number
  grade: Grade
}

/**
 * One row per executive (and chair) of the given units for a year: what the API, the dashboard and the
 * review workbook show. Reads one progress document per person.
 */
export async function progressReport(
  repos: Pick<Repos, 'orgs' | 'members' | 'progress'>,
  orgIds: string[] | undefined,
  year: number,
  rule: ReviewRule = DEFAULT_REVIEW_RULE,
): Promise<ProgressRow[]> {
  const members = await repos.members.listWithChecklist(orgIds)
  const progress = await repos.progress.listForYear(
    year,
    members.map((m) => m.id),
  )
  const orgs = new Map(
    (await repos.orgs.listByIds([...new Set(members.map((m) => m.orgId))])).map((o) => [o.id, o.name]),
  )
  const byMember = new Map(progress.map((p) => [p.memberId, p.counts]))
  return members.map((m) => {
    const counts = byMember.get(m.id) ?? emptyCounts()
    const done = evaluateProgress(counts).filter((i) => i.done).length
    return {
      memberId: m.id,
      name: m.name,
      role: m.role,
      orgId: m.orgId,
      org: orgs.get(m.orgId) ?? '',
      counts,
      done,
      grade: gradeOf(done, rule),
    }
  })
}

export interface UnitSummary {
  org: string
  executives: number
  averageDone: number
  grades: Record<Grade, number>
  /** Executives done with each item, keyed like the counts. */
  itemsDone: Record<string, number>
}

/** Completion by unit, worst first: the API's answer to "which units are behind". */
export function summarizeByUnit(rows: readonly ProgressRow[]): UnitSummary[] {
  const byOrg = new Map<string, ProgressRow[]>()
  for (const r of rows) byOrg.set(r.org, [...(byOrg.get(r.org) ?? []), r])
  return [...byOrg.entries()]
    .map(([org, list]) => ({
      org,
      executives: list.length,
      averageDone: Number((list.reduce((s, r) => s + r.done, 0) / list.length).toFixed(2)),
      grades: Object.fromEntries(GRADES.map((g) => [g, list.filter((r) => r.grade === g).length])) as Record<
        Grade,
        number
      >,
      itemsDone: Object.fromEntries(
        DEFAULT_CHECKLIST.map((item) => [
          item.key,
          list.filter((r) => evaluateProgress(r.counts, [item])[0]!.done).length,
        ]),
      ),
    }))
    .sort((a, b) => a.averageDone - b.averageDone)
}
