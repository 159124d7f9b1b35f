/** The roster plan: a pure function of the file's rows and what is there, whatever order the rows come in. */
import fc from 'fast-check'
import type { Member, OrgUnit } from '../../src/domain/entities'
import { planRoster, type RosterBefore } from '../../src/domain/plan-roster'
import { readRosterTable, type RosterRow } from '../../src/domain/roster-rows'
import { nameRefusal } from '../../src/domain/name-refusal'

/** Units by name → parent name, as stored (ids are the names, for reading the tests). */
function tree(parents: Record<string, string | null>): OrgUnit[] {
  const ancestors = (name: string): string[] => {
    const parent = parents[name]
    return parent ? [...ancestors(parent), parent] : []
  }
  return Object.entries(parents).map(([name, parent]) => ({
    id: name,
    name,
    parentId: parent,
    ancestors: ancestors(name),
    settings: {},
    rotation: null,
  }))
}

const person = (name: string, orgId: string, role: Member['role'] = 'executive', contactIds: string[] = []) => ({
  id: `${name}@${orgId}`,
  name,
  role,
  orgId,
  contactIds,
})

const before = (units: OrgUnit[], people: Member[] = []): RosterBefore => ({
  units,
  people,
  holders: new Map(people.flatMap((p) => p.contactIds.map((c) => [c, p] as const))),
})

/** Rows from CSV-like lines under the headers 姓名,角色,单位,上级单位,微信号,原单位. */
function rows(...lines: string[]): RosterRow[] {
  const table = [['姓名', '角色', '单位', '上级单位', '微信号', '原单位'], ...lines.map((l) => l.split(','))]
  const read = readRosterTable(table)
  expect(read.rejected).toEqual([])
  return read.rows
}

/** Each unit's parent once the plan's units are made. */
function after(units: OrgUnit[], plan: ReturnType<typeof planRoster>): Record<string, string | null> {
  const out: Record<string, string | null> = Object.fromEntries(units.map((u) => [u.name, u.parentId]))
  for (const u of plan.newUnits) {
    expect(u.parent === null || u.parent in out).toBe(true) // each new unit comes after its parent
    out[u.name] = u.parent
  }
  for (const u of plan.reparent) out[u.name] = u.parent
  return out
}

const COUNTY = tree({ 襄阳市: null, 襄州区: '襄阳市' })

describe('a roster in any row order', () => {
  const file = [
    '李村委,执委,马庄村,双沟镇,,',
    '王村委,执委,徐岗村,双沟镇,,',
    '张镇委,执委,双沟镇,襄州区,,',
    '赵镇委,执委,张家集镇,襄州区,,',
    '钱村委,执委,新集村,张家集镇,,',
  ]

  it('hangs villages listed before their township under the township, and the township under the county', () => {
    const plan = planRoster(rows(...file), before(COUNTY), null)
    expect(plan.rejected).toEqual([])
    expect(after(COUNTY, plan)).toMatchObject({
      马庄村: '双沟镇',
      徐岗村: '双沟镇',
      双沟镇: '襄州区',
      张家集镇: '襄州区',
      新集村: '张家集镇',
    })
    expect(plan.newUnits.map((u) => u.name)).toEqual(['双沟镇', '马庄村', '徐岗村', '张家集镇', '新集村'])
    expect(plan.changes).toEqual([])
  })

  it('builds the same tree whatever order the rows come in', () => {
    const expected = after(COUNTY, planRoster(rows(...file), before(COUNTY), null))
    fc.assert(
      fc.property(fc.shuffledSubarray(file, { minLength: file.length }), (shuffled) => {
        const plan = planRoster(rows(...shuffled), before(COUNTY), null)
        expect(plan.rejected).toEqual([])
        expect(after(COUNTY, plan)).toEqual(expected)
      }),
    )
  })

  it('works for an admin of the county, and refuses a new unit that would hang outside it', () => {
    expect(planRoster(rows(...file), before(COUNTY), '襄州区').rejected).toEqual([])
    const outside = planRoster(rows('孙村委,执委,某村,某镇,,', ...file), before(COUNTY), '襄州区')
    expect(outside.rejected).toEqual([
      // 某镇 is named only as a parent: a new root, outside her units; 某村 is outside only through it.
      { line: 2, reason: '新单位“某镇”不在您的管辖范围内：请写上它的上级单位' },
    ])
    expect(outside.newUnits.map((u) => u.name)).not.toContain('某村')
  })
})

describe('loops', () => {
  it('refuses moving a unit under one the file creates beneath it, and plans no write', () => {
    const plan = planRoster(rows('甲,执委,新镇,襄州区,,', '乙,执委,襄州区,新镇,,'), before(COUNTY), '襄州区')
    expect(plan.rejected.map((r) => r.line)).toContain(3)
    expect(plan.rejected.find((r) => r.line === 3)!.reason).toContain('不能做它的上级单位')
  })

  it('refuses two units naming each other, and a unit its own parent', () => {
    const two = planRoster(rows('甲,执委,东村,西村,,', '乙,执委,西村,东村,,'), before([]), null)
    expect(two.rejected.map((r) => r.line)).toEqual([2, 3])
    const self = planRoster(rows('甲,执委,东村,东村,,'), before([]), null)
    expect(self.rejected).toEqual([{ line: 2, reason: '“东村”在“东村”之下（或就是它），不能做它的上级单位' }])
  })

  it('refuses one unit given two parents', () => {
    const plan = planRoster(rows('甲,执委,东村,甲镇,,', '乙,执委,东村,乙镇,,'), before([]), null)
    expect(plan.rejected).toEqual([{ line: 3, reason: '“东村”的上级单位写成了“乙镇”，第 2 行写的是“甲镇”' }])
  })
})

describe('an admin of a district', () => {
  const units = tree({ 襄阳市: null, 樊城区: '襄阳市', 襄城区: '襄阳市', 太平店镇: '樊城区' })

  it('may not move her own unit, nor one outside it, nor fill a unit outside it', () => {
    const own = planRoster(rows('甲,执委,樊城区,襄城区,,'), before(units), '樊城区')
    expect(own.rejected).toEqual([{ line: 2, reason: '不能改变您所管辖的“樊城区”本身的上级单位' }])
    const other = planRoster(rows('甲,执委,襄城区,樊城区,,'), before(units), '樊城区')
    expect(other.rejected).toEqual([{ line: 2, reason: '单位“襄城区”不在您的管辖范围内' }])
    const root = planRoster(rows('甲,执委,新村,,,'), before(units), '樊城区')
    expect(root.rejected).toEqual([{ line: 2, reason: '新单位“新村”不在您的管辖范围内：请写上它的上级单位' }])
  })

  it('moves a township of hers under a new one of hers, as a change to confirm', () => {
    const plan = planRoster(rows('甲,执委,太平店镇,新街道,,', '乙,执委,新街道,樊城区,,'), before(units), '樊城区')
    expect(plan.rejected).toEqual([])
    expect(plan.newUnits).toEqual([{ name: '新街道', parent: '樊城区', line: 3 }])
    expect(plan.reparent).toEqual([{ name: '太平店镇', parent: '新街道', line: 2 }])
    expect(plan.changes).toEqual([{ line: 2, change: '单位“太平店镇”的上级由“樊城区”改为“新街道”' }])
  })
})

describe('people', () => {
  const units = tree({ 樊城区: null, 白庙村: '樊城区', 李庄村: '樊城区' })
  const wang = person('王芳', '白庙村', 'executive', ['wx_wang'])
  const li = person('李梅', '李庄村')

  it('lists who is new, whose role changes and who moves, and what each row writes', () => {
    const plan = planRoster(
      rows('王芳,主席,白庙村,,,', '李梅,执委,白庙村,,,李庄村', '陈红,执委,白庙村,,wx_chen,'),
      before(units, [wang, li]),
      null,
    )
    expect(plan.rejected).toEqual([])
    expect(plan.changes.map((c) => c.change)).toEqual([
      '“王芳”（白庙村）的角色由执委改为主席',
      '“李梅”从“李庄村”调到“白庙村”',
    ])
    expect(plan.people).toEqual([
      { line: 2, name: '王芳', role: 'chair', org: '白庙村', memberId: wang.id, roleFrom: 'executive' },
      { line: 3, name: '李梅', role: 'executive', org: '白庙村', memberId: li.id, moveFrom: '李庄村' },
      { line: 4, name: '陈红', role: 'executive', org: '白庙村', bind: 'wx_chen' },
    ])
  })

  it('takes a move already made as done, so the same file can be sent again', () => {
    const moved = person('李梅', '白庙村')
    const plan = planRoster(rows('李梅,执委,白庙村,,,李庄村'), before(units, [moved]), null)
    expect(plan).toMatchObject({ rejected: [], changes: [], people: [{ memberId: moved.id }] })
  })

  it('refuses a WeChat id bound to someone else or given twice, and a row for someone another row moves away', () => {
    const plan = planRoster(
      rows(
        '陈红,执委,白庙村,,wx_wang,',
        '张敏,执委,李庄村,,wx_x,',
        '赵丽,执委,李庄村,,wx_x,',
        '李梅,执委,白庙村,,,李庄村',
        '李梅,主席,李庄村,,,',
      ),
      before(units, [wang, li]),
      null,
    )
    expect(plan.rejected).toEqual([
      { line: 2, reason: '微信号已绑定给“王芳”' },
      { line: 4, reason: '微信号与第 3 行相同' },
      { line: 6, reason: '第 5 行把“李梅”从“李庄村”调走了' },
    ])
  })
})

describe('names an admin typed', () => {
  it.each([
    ['王\u200b芳', '看不见的字符'],
    ['王\u202e芳', '看不见的字符'],
    ['王\t芳', '控制字符'],
    ['王\n芳', '换行'],
    ['王\u2028芳', '换行'],
  ])('refuses %j with a sentence', (name, words) => {
    expect(nameRefusal(name, '姓名')).toContain(words)
    const read = readRosterTable([
      ['姓名', '角色', '单位'],
      [name, '执委', '白庙村'],
    ])
    expect(read.rejected[0]!.reason).toContain('姓名里有')
  })

  it('passes names with rare characters, middle dots and emoji-free punctuation', () => {
    for (const name of ['䶮', '𠮷野', '阿依古丽·买买提', 'Mary（玛丽）']) expect(nameRefusal(name)).toBeUndefined()
  })
})
