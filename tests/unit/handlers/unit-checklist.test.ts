/**
 * Each unit's own checklist (issue 14) over the in-memory repositories: a county changes a target and
 * adds items; its villages inherit it, a sibling county keeps the default eight, and a change in the
 * middle of the year keeps every record.
 */
import { createHandlerHarness } from '../../support/handler-harness'
import type { ChecklistConfig } from '../../../src/domain/unit-checklist'
import { checklistFor, checklistUnion } from '../../../src/domain/unit-checklist'
import { checklistRefusal } from '../../../src/services/checklist-setting'

const XIANGZHOU: ChecklistConfig = {
  targets: { representatives: { min: 3, max: 5 } },
  added: [
    { key: 'meetings', label: '参加议事会', words: ['议事', '议事会'], rule: 'entries', min: 4 },
    { key: 'grassroots', label: '下基层', words: ['下基层'], rule: 'days', min: 60 },
    { key: 'units', label: '联系单位', words: ['联系单位'], rule: 'distinct', min: 5 },
  ],
}

async function setup() {
  const h = createHandlerHarness({ at: '2026-11-23T10:00:00+08:00' })
  await h.roster([
    { name: '省管理员', role: 'admin', org: '湖北省' },
    { name: '县执委', role: 'executive', org: '襄州区', parent: '湖北省' },
    { name: '王兰', role: 'executive', org: '新集村', parent: '襄州区' },
    { name: '李芳', role: 'executive', org: '白庙村', parent: '樊城区' },
  ])
  await h.repos.orgs.ensure('樊城区', '湖北省')
  const county = (await h.repos.orgs.findByName('襄州区'))!
  await h.repos.orgs.setSetting(county.id, 'checklist', XIANGZHOU)
  return h
}

async function ask(h: Awaited<ReturnType<typeof setup>>, from: string, text: string): Promise<string> {
  await h.say({ from, text })
  return h
    .take()
    .map((s) => s.text)
    .join('\n')
}

describe('a county’s own checklist', () => {
  it('counts #议事 for a village executive below it, with the county’s targets in #进度', async () => {
    const h = await setup()
    const first = await ask(h, '王兰', '#议事 村妇联议事会')
    expect(first).toContain('✏️ 已记录：参加议事会「村妇联议事会」（今天）')
    expect(first).toContain('⬜ 参加议事会 1/4')
    for (const name of ['刘翠花', '张桂兰', '马丽']) await ask(h, '王兰', `#联系 ${name}`)
    const progress = await ask(h, '王兰', '#进度')
    expect(progress).toContain('✅ 联系妇女代表 3/3–5')
    expect(progress).toContain('⬜ 参加议事会 1/4')
    expect(progress).toContain('⬜ 下基层 0/60')
    expect(progress).toContain('已完成 1/11 项')
  })

  it('keeps the default eight for an executive of a sibling county, where #议事 is no command', async () => {
    const h = await setup()
    for (const name of ['刘翠花', '张桂兰', '马丽']) await ask(h, '李芳', `#联系 ${name}`)
    const progress = await ask(h, '李芳', '#进度')
    expect(progress).toContain('⬜ 联系妇女代表 3/5–7')
    expect(progress).not.toContain('参加议事会')
    expect(progress).toContain('已完成 0/8 项')
    expect(await ask(h, '李芳', '#议事 村妇联议事会')).not.toContain('已记录')
    expect(await ask(h, '李芳', '#清单')).toContain('📋 白庙村的履职清单（默认，共 8 项）')
  })

  it('counts 下基层 once per day and 联系单位 once per unit, dates and all', async () => {
    const h = await setup()
    await ask(h, '王兰', '#下基层 走访新集村')
    const second = await ask(h, '王兰', '#下基层 又去了一趟')
    expect(second).toContain('这一天已记过，仍按 1 天计算。')
    expect(second).toContain('下基层 1/60')
    const third = await ask(h, '王兰', '#下基层 调研 昨天')
    expect(third).toContain('下基层「调研」（11月22日）')
    expect(third).toContain('下基层 2/60')
    await ask(h, '王兰', '#联系单位 县妇幼保健院')
    const again = await ask(h, '王兰', '#联系单位 县妇幼保健院')
    expect(again).toContain('「县妇幼保健院」今年已记过，仍按 1 个计算。')
    expect(again).toContain('联系单位 1/5')
    // Glued to its command word, as people type on a phone.
    expect(await ask(h, '王兰', '#议事村民议事会')).toContain('参加议事会「村民议事会」')
  })

  it('records an added item once however often the message is delivered', async () => {
    const h = await setup()
    await h.say({ from: '王兰', text: '#议事 村妇联议事会', id: 'wx-msg-1' })
    await h.say({ from: '王兰', text: '#议事 村妇联议事会', id: 'wx-msg-1' })
    h.take()
    expect(await ask(h, '王兰', '#进度')).toContain('⬜ 参加议事会 1/4')
  })

  it('shows #清单 with who set it, each target and how to record it', async () => {
    const h = await setup()
    const text = await ask(h, '王兰', '#清单')
    expect(text).toContain('📋 新集村的履职清单（襄州区设定，共 11 项）')
    expect(text).toContain('1. 联系妇女代表：目标 3–5（按不同的人或单位），记录用 #联系')
    expect(text).toContain('参加议事会：目标 4（按次数），记录用 #议事')
    expect(text).toContain('下基层：目标 60（按天数），记录用 #下基层')
  })

  it('lists and undoes an added item like any other record', async () => {
    const h = await setup()
    await ask(h, '王兰', '#议事 村妇联议事会')
    expect(await ask(h, '王兰', '#记录')).toContain('参加议事会「村妇联议事会」')
    expect(await ask(h, '王兰', '#撤销')).toContain('参加议事会「村妇联议事会」')
    expect(await ask(h, '王兰', '#进度')).toContain('⬜ 参加议事会 0/4')
  })
})

describe('a change of checklist in the middle of the year', () => {
  it('keeps every record: a switched-off item stops showing and counting, and comes back with its records', async () => {
    const h = await setup()
    const county = (await h.repos.orgs.findByName('襄州区'))!
    await ask(h, '王兰', '#报告 村留守儿童调研')
    await ask(h, '王兰', '#议事 村妇联议事会')
    expect(await ask(h, '王兰', '#进度')).toContain('已完成 1/11 项')

    // The county switches 撰写调研报告 off and drops 参加议事会.
    await h.repos.orgs.setSetting(county.id, 'checklist', {
      ...XIANGZHOU,
      off: ['report'],
      added: XIANGZHOU.added!.slice(1),
    })
    const after = await ask(h, '王兰', '#进度')
    expect(after).not.toMatch(/撰写调研报告|参加议事会/)
    expect(after).toContain('已完成 0/9 项')
    // An item her checklist no longer has is still recorded, and she is told it does not count.
    expect(await ask(h, '王兰', '#报告 第二篇')).toContain('本单位的履职清单里没有这一项')

    // Back to the inherited default: the report counts again, records and all.
    await h.repos.orgs.setSetting(county.id, 'checklist', undefined)
    const back = await ask(h, '王兰', '#进度')
    expect(back).toContain('✅ 撰写调研报告 2/1')
    expect(back).toContain('已完成 1/8 项')
  })
})

describe('checklist rules', () => {
  it('refuses a command word the bot already uses, a duplicate word or key, and a range upside down', () => {
    const added = XIANGZHOU.added!
    expect(checklistRefusal({ added: [{ ...added[0]!, words: ['联系'] }] })).toBe(
      '命令词“联系”已被机器人自己的命令占用',
    )
    expect(checklistRefusal({ added: [{ ...added[0]!, words: ['进度查询'] }] })).toMatch(/已被机器人自己的命令占用/)
    expect(checklistRefusal({ added: [added[0]!, { ...added[1]!, words: ['议事'] }] })).toBe('命令词“议事”重复')
    expect(checklistRefusal({ added: [added[0]!, { ...added[1]!, key: 'meetings' }] })).toBe('项目代号“meetings”重复')
    expect(checklistRefusal({ targets: { representatives: { min: 5, max: 3 } } })).toBe('目标上限不能小于下限')
    expect(checklistRefusal(XIANGZHOU)).toBeUndefined()
  })

  it('inherits the nearest setting up the chain, whole, and lists the union of a subtree', async () => {
    const h = await setup()
    const tree = await h.repos.orgs.tree()
    const village = (await h.repos.orgs.findByName('新集村'))!
    const sibling = (await h.repos.orgs.findByName('白庙村'))!
    expect(checklistFor(tree, village.id).map((i) => i.label)).toEqual([
      '联系妇女代表',
      '联系贫困家庭',
      '帮助解决问题',
      '建立正能量网群',
      '联系指导社会组织',
      '参与公益服务',
      '撰写调研报告',
      '提交建议案',
      '参加议事会',
      '下基层',
      '联系单位',
    ])
    expect(checklistFor(tree, sibling.id)).toHaveLength(8)
    expect(checklistUnion(tree, [sibling.id, village.id]).map((i) => i.key)).toContain('meetings')
    // The first unit's targets where units differ.
    expect(checklistUnion(tree, [sibling.id, village.id])[0]).toMatchObject({ min: 5, max: 7 })
  })
})
