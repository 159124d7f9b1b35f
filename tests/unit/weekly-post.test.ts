import { composeUnitReport } from '../../src/domain/compose-unit-report'
import { buildOrgTree } from '../../src/domain/org-tree'
import { emptyCounts } from '../../src/domain/progress'
import { DUTY_KINDS } from '../../src/domain/checklist'
import { MAX_BARS, MAX_MENTIONS } from '../../src/domain/weekly-view'
import { composeWeeklyPost } from '../../src/services/weekly-post'
import { CHART_BOUND } from '../../src/charts/render-progress-chart'
import type { OrgUnit } from '../../src/domain/entities'
import { fiveLevelInMemory } from '../support/five-level-tree'

const today = { year: 2026, month: 11, day: 23 }
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20), bytes: png.length })
/** The chart's bound, as the README states it: 900 px wide, at most 1,564 px tall, under 300 KB. */
const MAX_CHART_BYTES = 300_000

function fiveLevel() {
  const { tree, members, counts } = fiveLevelInMemory()
  const report = composeUnitReport({ tree, members, counts, year: 2026, today })
  const id = (name: string) => tree.all().find((u) => u.name === name)!.id
  return { report, post: (name: string) => composeWeeklyPost(report, id(name), { today, week: 48 }) }
}

describe('the weekly post at each level', () => {
  it('shows a village its people, named', () => {
    const post = fiveLevel().post('新农村')
    expect(post.view.kind).toBe('people')
    expect(post.text).toContain('执委 3 人，平均完成 3.3/8 项')
    expect(post.text).toContain('⚠️ 进度落后 2 人：赵敏、李梅')
  })

  it('shows a township its people, those of its villages included', () => {
    const post = fiveLevel().post('太平店镇')
    expect(post.view.kind === 'people' && post.view.people.map((p) => p.name).sort()).toEqual(
      ['镇执委', '陈红', '李梅', '赵敏', '王芳', '刘英'].sort(),
    )
    expect(post.text).toContain('⬜ 今年还没有记录 1 人：刘英')
  })

  it('shows a district its sub-units ranked, and names people of its own level only', () => {
    const post = fiveLevel().post('樊城区')
    expect(post.view.kind).toBe('units')
    expect(post.text).toContain('含下级单位共执委 11 人，平均完成 3.8/8 项')
    expect(post.text).toContain('✅ 进度正常 4 人（36%），今年还没有记录 1 人（9%）')
    expect(post.text).toContain('🏅 下级单位排名（平均完成项数）：1. 太平店镇 3.7、2. 牛首镇 3.3')
    expect(post.text).toContain('本级执委 2 人，平均完成 5.0 项')
    expect(post.text).toContain('⚠️ 本级进度落后 1 人：区执委乙')
    expect(post.text).not.toMatch(/李梅|赵敏|刘英/)
    expect(post.mentionMemberIds).toEqual(['m:区执委乙'])
  })

  it('shows a city and a province one bar per sub-unit, with their own level', () => {
    const city = fiveLevel().post('襄阳市')
    expect(city.text).toContain('1. 襄城区 5.5、2. 樊城区 3.8')
    expect(city.text).toContain('⬜ 本级今年还没有记录 1 人：市执委乙')
    const province = fiveLevel().post('湖北省')
    expect(province.text).toContain('含下级单位共执委 20 人')
    expect(province.text).toContain('1. 襄阳市 3.9、2. 十堰市 3.3')
  })

  it('counts chairs only where the federation says so, and says so in its labels', () => {
    const { tree, members, counts } = fiveLevelInMemory({ 湖北省: { countChairs: true } })
    const report = composeUnitReport({ tree, members, counts, year: 2026, today })
    const village = tree.all().find((u) => u.name === '新农村')!.id
    const post = composeWeeklyPost(report, village, { today, week: 48 })
    expect(post.text).toContain('执委 3 人、主席 1 人')
    expect(post.text).toContain('村主席')
    expect(fiveLevel().post('新农村').text).not.toContain('村主席')
  })
})

describe('the checklist size a post reads against', () => {
  /** 樊城区 (a county) adds 参加议事会: its 11 people keep 9 items, the rest of the province 8. */
  const meetings = {
    checklist: { added: [{ key: 'meetings', label: '参加议事会', words: ['议事'], rule: 'entries' as const, min: 1 }] },
  }
  function withAddedItem() {
    const { tree, members, counts } = fiveLevelInMemory({ 樊城区: meetings })
    const report = composeUnitReport({ tree, members, counts, year: 2026, today })
    const id = (name: string) => tree.all().find((u) => u.name === name)!.id
    return (name: string) => composeWeeklyPost(report, id(name), { today, week: 48 })
  }

  it('says x/9 where most people have 9, names the others, and gives each sub-unit its own size', () => {
    const post = withAddedItem()
    const city = post('襄阳市')
    expect(city.text).toContain('含下级单位共执委 15 人，平均完成 3.9/9 项（另有 4 人的清单是 8 项；首次统计）')
    expect(city.text).toContain('🏅 下级单位排名（平均完成项数）：1. 襄城区 5.5/8、2. 樊城区 3.8/9')
    expect(city.text).toContain('本级执委 2 人，平均完成 3.0/8 项')
    const province = post('湖北省')
    expect(province.text).toContain('平均完成 4.0/9 项（另有 9 人的清单是 8 项；首次统计）')
    expect(province.text).toContain('1. 襄阳市 3.9/9、2. 十堰市 3.3/8')
  })

  it('draws the chart with the same sizes: the subtitle, and each bar out of its own unit’s', () => {
    const city = withAddedItem()('襄阳市').chartInput
    expect(city.subtitle).toContain('平均完成 3.9/9 项')
    expect(city.bars.map((b) => [b.label, b.max, b.valueText.split(' · ')[0]])).toEqual([
      ['本级', 8, '3.0/8 项'],
      ['1. 襄城区', 8, '5.5/8 项'],
      ['2. 樊城区', 9, '3.8/9 项'],
    ])
  })

  it('reads a township under the county out of 9; where everyone has one size, the ranking and bars add none', () => {
    const post = withAddedItem()
    expect(post('太平店镇').text).toContain('执委 6 人，平均完成 3.7/9 项（首次统计）')
    const plain = fiveLevel().post('襄阳市')
    expect(plain.text).toContain('1. 襄城区 5.5、2. 樊城区 3.8')
    expect(plain.chartInput.subtitle).toContain('平均完成 3.9/8 项')
    expect(plain.chartInput.bars.every((b) => b.max === 8 && !b.valueText.includes('/'))).toBe(true)
  })
})

/** `n` executives spread over a tree of `villages` villages under towns, districts and cities of one province. */
function bigTree(n: number, villages: number) {
  const unit = (id: string, parent: OrgUnit | null): OrgUnit => ({
    id,
    name: id,
    parentId: parent?.id ?? null,
    ancestors: parent ? [...parent.ancestors, parent.id] : [],
    settings: {},
    rotation: null,
  })
  const province = unit('省', null)
  const units = [province]
  const leaves: OrgUnit[] = []
  for (let v = 0; v < villages; v++) {
    const city = units.find((u) => u.id === `市${v % 5}`) ?? units[units.push(unit(`市${v % 5}`, province)) - 1]!
    const district = units.find((u) => u.id === `区${v % 20}`) ?? units[units.push(unit(`区${v % 20}`, city)) - 1]!
    const town = units.find((u) => u.id === `镇${v % 100}`) ?? units[units.push(unit(`镇${v % 100}`, district)) - 1]!
    leaves.push(units[units.push(unit(`村${v}`, town)) - 1]!)
  }
  const members = Array.from({ length: n }, (_, i) => ({
    id: `m${i}`,
    name: `执委${i}`,
    role: 'executive' as const,
    orgId: leaves[i % leaves.length]!.id,
  }))
  const counts = new Map(
    members.map((m, i) => {
      const c = emptyCounts()
      for (const kind of DUTY_KINDS.slice(0, i % 9)) c[kind] = kind === 'representatives' ? 5 : 1
      return [m.id, c]
    }),
  )
  return composeUnitReport({ tree: buildOrgTree(units), members, counts, year: 2026, today })
}

describe('the weekly chart is bounded whatever the tree', () => {
  it('draws 10,000 executives of one unit as at most 40 bars, and @-mentions at most 10', () => {
    const report = bigTree(10_000, 1)
    const village = report.units.find((u) => u.name === '村0')!
    const post = composeWeeklyPost(report, village.orgId, { today, week: 48 })
    const size = pngSize(post.chart)
    expect(post.view.kind).toBe('people')
    expect(size.width).toBe(CHART_BOUND.width)
    expect(size.height).toBeLessThanOrEqual(CHART_BOUND.maxHeight)
    expect(size.bytes).toBeLessThan(MAX_CHART_BYTES)
    expect(post.mentionMemberIds.length).toBe(MAX_MENTIONS)
    expect(post.text).toMatch(/进度落后 \d+ 人：(执委\d+、){9}执委\d+ 等 \d+ 人/)
    expect(post.text.length).toBeLessThan(1000)
  })

  it('draws a province of 10,000 executives in 2,000 villages as one bar per city', () => {
    const report = bigTree(10_000, 2_000)
    const province = report.units.find((u) => u.name === '省')!
    expect(province.counted).toBe(10_000)
    const post = composeWeeklyPost(report, province.orgId, { today, week: 48 })
    expect(post.view.kind === 'units' && post.view.children).toHaveLength(5)
    expect(pngSize(post.chart).height).toBeLessThanOrEqual(CHART_BOUND.maxHeight)
    // A township of 100 villages: one bar per village would be 100; it draws the 40 lowest-ranked.
    const town = report.units.find((u) => u.name === '镇0')!
    const townPost = composeWeeklyPost(report, town.orgId, { today, week: 48 })
    expect(townPost.view.kind).toBe('units')
    expect(pngSize(townPost.chart).height).toBeLessThanOrEqual(CHART_BOUND.maxHeight)
    expect(townPost.text).toContain(`等 20 个单位`)
    expect(MAX_BARS).toBe(40)
  })
})
