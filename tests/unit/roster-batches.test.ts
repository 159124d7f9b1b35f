import { rosterBatches } from '../../src/domain/roster-batches'
import { planRoster } from '../../src/domain/plan-roster'
import type { Member, OrgUnit } from '../../src/domain/entities'
import type { RosterRow } from '../../src/domain/roster-rows'

const unit = (id: string, name: string, parentId: string | null, ancestors: string[]): OrgUnit => ({
  id,
  name,
  parentId,
  ancestors,
  settings: {},
  rotation: null,
})
const county = unit('c1', '襄州区', null, [])
const oldVillage = unit('v1', '老村', 'c1', ['c1'])
const wang: Member = { id: 'm1', name: '王芳', role: 'executive', orgId: 'v1', contactIds: [] }

const row = (line: number, name: string, org: string, parent?: string, more: Partial<RosterRow> = {}): RosterRow => ({
  line,
  name,
  role: 'executive',
  org,
  ...(parent ? { parent } : {}),
  ...more,
})

function counter() {
  let n = 0
  return () => `id${++n}`
}

describe('rosterBatches', () => {
  it('writes new units a level at a time, a village listed before its new township after it', () => {
    const plan = planRoster(
      [row(2, '甲', '新村', '新镇'), row(3, '乙', '新镇', '襄州区'), row(4, '丙', '另一村', '新镇')],
      { units: [county, oldVillage], people: [], holders: new Map() },
      null,
    )
    const batches = rosterBatches(plan, counter(), 2)
    expect(batches.map((b) => b.kind)).toEqual(['units', 'units', 'people', 'people'])
    expect(batches[0]!.items).toEqual([{ id: expect.any(String), name: '新镇', parent: '襄州区' }])
    expect(batches[1]!.items.map((u) => ('parent' in u ? [u.name, u.parent] : []))).toEqual([
      ['新村', '新镇'],
      ['另一村', '新镇'],
    ])
    // Every row, in file order, `size` to a batch.
    expect(batches.slice(2).map((b) => b.items.length)).toEqual([2, 1])
  })

  it('keeps the ids of people already there and names the new ones beforehand, with only what changes', () => {
    const plan = planRoster(
      [
        row(2, '王芳', '老村', undefined, { role: 'chair', wechatId: 'wx_wang' }),
        row(3, '李娜', '老村', undefined, { wechatId: 'wx_li' }),
      ],
      { units: [county, oldVillage], people: [wang], holders: new Map() },
      null,
    )
    const [people] = rosterBatches(plan, counter())
    expect(people).toEqual({
      kind: 'people',
      items: [
        { line: 2, id: 'm1', name: '王芳', role: 'chair', org: '老村', isNew: false, newRole: true, bind: 'wx_wang' },
        { line: 3, id: 'id1', name: '李娜', role: 'executive', org: '老村', isNew: true, bind: 'wx_li' },
      ],
    })
  })

  it('moves units after every new unit is written, so a unit may move under a new one', () => {
    const plan = planRoster(
      [row(2, '甲', '襄州区', '襄阳市'), row(3, '乙', '襄阳市', '湖北省')],
      { units: [county, oldVillage], people: [], holders: new Map() },
      null,
    )
    const kinds = rosterBatches(plan, counter()).map((b) => [b.kind, b.items.map((i) => i.name)])
    expect(kinds).toEqual([
      ['units', ['湖北省']],
      ['units', ['襄阳市']],
      ['reparent', ['襄州区']],
      ['people', ['甲', '乙']],
    ])
  })
})

it('writes the rows of one unit together, and the new units of one parent together, in the order the file names them', () => {
  const plan = planRoster(
    [
      row(2, '甲', '东村', '南镇'),
      row(3, '乙', '西村', '北镇'),
      row(4, '丙', '中村', '南镇'),
      row(5, '丁', '东村', '南镇'),
      row(6, '戊', '南镇', '襄州区'),
      row(7, '己', '北镇', '襄州区'),
    ],
    { units: [county, oldVillage], people: [], holders: new Map() },
    null,
  )
  const batches = rosterBatches(plan, counter())
  expect(batches.map((b) => b.items.map((i) => i.name))).toEqual([
    ['南镇', '北镇'],
    ['东村', '中村', '西村'],
    ['甲', '丁', '乙', '丙', '戊', '己'],
  ])
})
