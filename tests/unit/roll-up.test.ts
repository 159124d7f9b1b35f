import { composeUnitReport } from '../../src/domain/compose-unit-report'
import { displayNames } from '../../src/domain/display-name'
import { isCounted, countedLabel } from '../../src/domain/counted'
import { gradeRuleFor } from '../../src/domain/review-grade'
import { buildOrgTree } from '../../src/domain/org-tree'
import type { OrgSettings } from '../../src/domain/entities'
import { fiveLevelInMemory } from '../support/five-level-tree'

const today = { year: 2026, month: 11, day: 23 }
const report = (settings: Record<string, OrgSettings> = {}, root?: string) => {
  const { tree, members, counts } = fiveLevelInMemory(settings)
  const rootId = root ? tree.all().find((u) => u.name === root)!.id : undefined
  return composeUnitReport({ tree, members, counts, year: 2026, today, rootId })
}
const unitNamed = (r: ReturnType<typeof report>, name: string) => r.units.find((u) => u.name === name)!

describe('roll-up over a five-level tree', () => {
  it('counts every unit’s whole subtree: members, average items, share on track, share with no record', () => {
    const r = report()
    // 樊城区: 2 of its own, 1 + 6 under 太平店镇 (with 新农村 and 白庙村), 1 + 2 under 牛首镇 (with 竹条村).
    expect(unitNamed(r, '樊城区')).toMatchObject({
      counted: 11,
      executives: 11,
      chairs: 0,
      direct: 2,
      onTrack: 4,
      nothingYet: 1,
    })
    expect(unitNamed(r, '樊城区').averageDone).toBeCloseTo(42 / 11)
    expect(unitNamed(r, '樊城区').onTrackShare).toBeCloseTo(4 / 11)
    expect(unitNamed(r, '樊城区').nothingYetShare).toBeCloseTo(1 / 11)
    // The levels above include everything below them, not only their own members.
    expect(unitNamed(r, '襄阳市')).toMatchObject({ counted: 15, direct: 2 })
    expect(unitNamed(r, '襄阳市').averageDone).toBeCloseTo(59 / 15)
    expect(unitNamed(r, '湖北省')).toMatchObject({ counted: 20, direct: 2 })
    expect(unitNamed(r, '新农村')).toMatchObject({ counted: 3, direct: 3, nothingYet: 0 })
  })

  it('lists units parents first, each a level deeper than its parent, siblings in pinyin order', () => {
    const r = report({}, '樊城区')
    expect(r.units.map((u) => `${u.depth}${u.name}`)).toEqual([
      '0樊城区',
      '1牛首镇',
      '2竹条村',
      '1太平店镇',
      '2白庙村',
      '2新农村',
    ])
    expect(r.people).toHaveLength(11)
  })

  it('ranks units among their siblings by average items, the best first, sharing a rank on a tie', () => {
    const r = report()
    expect([unitNamed(r, '襄城区').rank, unitNamed(r, '樊城区').rank, unitNamed(r, '樊城区').ranked]).toEqual([1, 2, 2])
    expect([unitNamed(r, '太平店镇').rank, unitNamed(r, '牛首镇').rank]).toEqual([1, 2])
    expect([unitNamed(r, '襄阳市').rank, unitNamed(r, '十堰市').rank]).toEqual([1, 2])
    // A chair of 樊城区 sees no rank for 樊城区 itself: its siblings are outside her scope.
    expect(unitNamed(report({}, '樊城区'), '樊城区').rank).toBeNull()
    const tie = buildOrgTree([
      { id: 'r', name: '市', parentId: null, ancestors: [], settings: {}, rotation: null },
      ...['甲区', '乙区', '丙区'].map((name) => ({
        id: name,
        name,
        parentId: 'r',
        ancestors: ['r'],
        settings: {},
        rotation: null,
      })),
    ])
    const counts = new Map([
      ['a', { ...report().people[0]!.counts, representatives: 5 }],
      ['b', { ...report().people[0]!.counts, representatives: 5 }],
    ])
    const tied = composeUnitReport({
      tree: tie,
      members: [
        { id: 'a', name: 'A', role: 'executive', orgId: '甲区' },
        { id: 'b', name: 'B', role: 'executive', orgId: '乙区' },
        { id: 'c', name: 'C', role: 'executive', orgId: '丙区' },
      ],
      counts,
      year: 2026,
      today,
    })
    expect(tied.units.filter((u) => u.depth === 1).map((u) => `${u.name}${u.rank}`)).toEqual([
      '丙区3',
      '甲区1',
      '乙区1',
    ])
  })
})

describe('who is counted', () => {
  it('counts executives, leaves chairs out unless their federation counts them, and never admins', () => {
    const { tree } = fiveLevelInMemory({ 襄阳市: { countChairs: true } })
    const orgOf = (name: string) => tree.all().find((u) => u.name === name)!.id
    expect(isCounted({ role: 'executive', orgId: orgOf('湖北省') }, tree)).toBe(true)
    expect(isCounted({ role: 'chair', orgId: orgOf('湖北省') }, tree)).toBe(false)
    expect(isCounted({ role: 'chair', orgId: orgOf('新农村') }, tree)).toBe(true)
    expect(isCounted({ role: 'admin', orgId: orgOf('新农村') }, tree)).toBe(false)
    const r = report({ 襄阳市: { countChairs: true } })
    expect(unitNamed(r, '襄阳市')).toMatchObject({ counted: 17, executives: 15, chairs: 2 })
    expect(unitNamed(r, '湖北省')).toMatchObject({ counted: 22, chairs: 2 })
    expect(countedLabel(unitNamed(r, '襄阳市'))).toBe('执委 15 人、主席 2 人')
    expect(countedLabel(unitNamed(report(), '襄阳市'))).toBe('执委 15 人')
    expect(report().people.map((p) => p.role)).not.toContain('admin')
  })
})

describe('one grade rule per person', () => {
  it('takes the nearest rule up her own unit’s chain, whichever unit the report is about', () => {
    const settings = {
      湖北省: { review: { excellent: 7, pass: 5, basic: 3 } },
      樊城区: { review: { excellent: 6, pass: 4, basic: 2 } },
    }
    const { tree } = fiveLevelInMemory(settings)
    const orgOf = (name: string) => tree.all().find((u) => u.name === name)!.id
    expect(gradeRuleFor(tree, orgOf('新农村'))).toEqual(settings.樊城区.review)
    expect(gradeRuleFor(tree, orgOf('十堰市'))).toEqual(settings.湖北省.review)
    expect(gradeRuleFor(buildOrgTree([]), 'nowhere')).toEqual({ excellent: 8, pass: 6, basic: 4 })
    const grades = (root?: string) => Object.fromEntries(report(settings, root).people.map((p) => [p.name, p.grade]))
    for (const root of [undefined, '湖北省', '襄阳市', '樊城区', '太平店镇', '新农村'])
      expect(grades(root)['陈红']).toBe('优秀')
    expect(grades()['孙丽']).toBe('优秀')
    expect(grades()['十堰执委丙']).toBe('不合格')
    expect(grades()['襄城执委乙']).toBe('合格') // 6 items under the province's 7/5/3
    expect(grades(undefined)).toMatchObject(grades('樊城区'))
  })
})

describe('display names', () => {
  it('adds the unit where two people of a list share a name, and only there', () => {
    const names = displayNames(
      [
        { id: '1', name: '王芳', orgId: 'a' },
        { id: '2', name: '王芳', orgId: 'b' },
        { id: '3', name: '李娜', orgId: 'a' },
      ],
      (id) => ({ a: '白庙村', b: '新农村' })[id],
    )
    expect([...names.values()]).toEqual(['王芳（白庙村）', '王芳（新农村）', '李娜'])
  })
})
