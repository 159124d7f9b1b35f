import { buildOrgTree } from '../../src/domain/org-tree'
import { composeUnitReport, type UnitReport } from '../../src/domain/compose-unit-report'
import { emptyCounts, type ProgressCounts } from '../../src/domain/progress'
import type { OrgUnit } from '../../src/domain/entities'

/** 襄州区 → 双沟镇 → five villages, and the names of a real-sized village committee. */
const UNITS: [string, string | null][] = [
  ['襄州区', null],
  ['双沟镇', '襄州区'],
  ['白庙村', '双沟镇'],
  ['新集村', '双沟镇'],
  ['竹条村', '双沟镇'],
  ['三里岗村', '双沟镇'],
  ['黄龙社区', '双沟镇'],
]
const NAMES = ['刘翠花', '王芳', '张桂兰', '李秀英', '陈红', '杨丽', '赵敏', '黄静', '周玉梅', '吴晓燕']

/** Counts that give each of the ten a different year: all done, most, half, a little, nothing. */
function countsFor(i: number): ProgressCounts {
  const c = emptyCounts()
  const level = i % 5
  c.representatives = [7, 5, 3, 1, 0][level]!
  c.poorFamily = level < 4 ? 1 : 0
  c.problemSolved = level < 3 ? 2 : 0
  c.onlineGroup = level < 2 ? 1 : 0
  c.socialOrg = level < 2 ? 1 : 0
  c.publicService = level < 3 ? 3 : 0
  c.report = level === 0 ? 1 : 0
  c.proposal = level < 2 ? 1 : 0
  c.diary = [24, 12, 6, 2, 0][level]!
  c.needsOpen = level === 2 ? 1 : 0
  c.needsResolved = [3, 2, 1, 0, 0][level]!
  return c
}

/**
 * A review of `villages` villages of 双沟镇 with `perVillage` executives each (pure: no database), as
 * a chair would export it for `root` ('白庙村' alone, '双沟镇' for the township with its villages).
 */
export function reviewSample(root: string, perVillage = 10, villages = 5): UnitReport {
  const units: OrgUnit[] = UNITS.slice(0, 2 + villages).map(([name, parent]) => ({
    id: `org:${name}`,
    name,
    parentId: parent ? `org:${parent}` : null,
    ancestors: [],
    settings: {},
    rotation: null,
  }))
  const members = units.slice(2).flatMap((u, v) =>
    Array.from({ length: perVillage }, (_, i) => ({
      id: `m${v}-${i}`,
      name: NAMES[i % NAMES.length]! + (i >= NAMES.length ? String(i) : ''),
      role: 'executive' as const,
      orgId: u.id,
    })),
  )
  const counts = new Map(members.map((m, i) => [m.id, countsFor(i)]))
  return composeUnitReport({
    tree: buildOrgTree(units),
    rootId: `org:${root}`,
    members,
    counts,
    year: 2026,
    today: { year: 2026, month: 12, day: 7 },
  })
}
