/**
 * Each unit's own checklist (issue 14) over the in-memory repositories: a county changes a target and
 * adds items; its villages inherit it, a sibling county keeps the default eight, and a change in the
 * middle of the year keeps every record.
 */
import { createHandlerHarness } from '../../support/handler-harness'
import type { ChecklistConfig } from '../../../src/domain/unit-checklist'
import { checklistFor, checklistUnion } from '../../../src/domain/unit-checklist'
import { checklistConfigSchema, checklistRefusal } from '../../../src/services/checklist-setting'
import { gradeRuleFor } from '../../../src/domain/review-grade'

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

  it('proposes an added item read in a sentence, and records it only after her 1', async () => {
    const h = await setup()
    const asked = await ask(h, '王兰', '昨天下午参加了村妇联议事会')
    expect(asked).toBe('我理解为：\n参加议事会（11月22日）\n回复 1 记下，回复 0 取消')
    expect(await ask(h, '王兰', '#进度')).toContain('⬜ 参加议事会 0/4')
    expect(await ask(h, '王兰', '1')).toContain('✏️ 已记录：参加议事会（11月22日）')
    expect(await ask(h, '王兰', '今天下基层走访了三户')).toContain('下基层（今天）')
    expect(await ask(h, '王兰', '明天去开议事会')).not.toContain('我理解为')
    expect(await ask(h, '王兰', '今天联系单位了')).toBe('要记“联系单位”，请写上名称，例如 #联系单位 名称')
    // Where her checklist has no such item, the sentence reads as nothing, as before.
    expect(await ask(h, '李芳', '今天参加了村妇联议事会')).toContain('没看明白要记什么')
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

    // A leader above sees no line for an item nobody counted there has any more.
    await h.roster([{ name: '省主席', role: 'chair', org: '湖北省' }])
    const summary = await ask(h, '省主席', '#汇总 襄州区')
    expect(summary).not.toMatch(/撰写调研报告|参加议事会/)
    expect(summary).toContain('· 联系妇女代表 0/2 人完成（0%）')

    // Back to the inherited default: the report counts again, records and all.
    await h.repos.orgs.setSetting(county.id, 'checklist', undefined)
    const back = await ask(h, '王兰', '#进度')
    expect(back).toContain('✅ 撰写调研报告 2/1')
    expect(back).toContain('已完成 1/8 项')
  })
})

describe('what an intruder or a careless admin would try', () => {
  it('records every line of a message of several, added items and the bot’s own commands alike', async () => {
    const h = await setup()
    const text = await ask(h, '王兰', '#联系单位 县妇幼保健院\n#联系 刘翠花\n#议事 村议事会\n#议事 镇议事会 11月2日')
    expect(text).toContain('联系单位「县妇幼保健院」')
    expect(text).toContain('联系妇女代表「刘翠花」')
    expect(text).toContain('参加议事会 2/4')
    expect(text).not.toContain('「单位')
  })

  it('masks a number before measuring a long name, so a cut never leaves digits behind', async () => {
    const h = await setup()
    const text = await ask(h, '王兰', '#议事 ' + '乙'.repeat(190) + '13812345678')
    expect(text).toBe('名称最多 200 字。')
    const short = await ask(h, '王兰', '#议事 村妇联议事会 联系人13812345678')
    expect(short).toContain('138****5678')
    expect(short).not.toContain('13812345678')
  })

  it('refuses an added item in a constituents’ group, and a misspelt record command there or from an admin', async () => {
    const h = await setup()
    await h.roster([{ name: '李管理员', role: 'admin', org: '白庙村', parent: '樊城区' }])
    await h.bindGroup('新集村群众群', 'constituent', '新集村')
    await h.bindGroup('白庙村群众群', 'constituent', '白庙村')
    await h.say({ from: '王兰', text: '#议事 村妇联议事会', room: '新集村群众群' })
    expect(h.take().map((s) => s.text)).toEqual([expect.stringContaining('群众群里不处理')])
    // In 白庙村 #议事 is no command; its nearest (#建议) is not offered where a record may not be made.
    await h.say({ from: '李芳', text: '#议事 刘翠花家 13812345678', room: '白庙村群众群' })
    const said = h.take().map((s) => s.text)
    expect(said).toEqual([expect.stringContaining('群众群里不处理')])
    expect(said.join()).not.toContain('13812345678')
    expect(await ask(h, '李管理员', '#议事 管理员记')).toContain('履职记录只对执委开放')
  })

  it('reads an added word in letters in any case, like the bot’s own commands', async () => {
    const h = await setup()
    const county = (await h.repos.orgs.findByName('襄州区'))!
    await h.repos.orgs.setSetting(county.id, 'checklist', {
      added: [{ key: 'meetings', label: '参加议事会', words: ['YiShi'], rule: 'entries', min: 4 }],
    })
    expect(await ask(h, '王兰', '#yishi 村妇联议事会')).toContain('参加议事会 1/4')
  })
})

describe('checklist rules', () => {
  it('refuses a word that would take over a command of the bot’s, or another item’s word', () => {
    const meeting = XIANGZHOU.added![0]!
    expect(checklistRefusal({ added: [{ ...meeting, words: ['撤'] }] })).toBe(
      '命令词“撤”会挡住机器人自己的命令 #撤销，请换一个',
    )
    expect(checklistRefusal({ added: [{ ...meeting, words: ['联系妇'] }] })).toMatch(
      /会挡住机器人自己的命令 #联系妇女代表/,
    )
    expect(checklistRefusal({ added: [{ ...meeting, words: ['lian'] }] })).toMatch(/会挡住机器人自己的命令 #lianxi/)
    // A person's command and a surname: "#联系刘翠花" stays the bot's, so the item could never be reached.
    expect(checklistRefusal({ added: [{ ...meeting, words: ['联系刘'] }] })).toBe(
      '命令词“联系刘”是机器人的命令 #联系 加一个姓，“#联系刘翠花”会记成联系“刘翠花”，请换一个',
    )
    expect(checklistRefusal({ added: [{ ...meeting, words: ['联系群众'] }] })).toBeUndefined()
    expect(
      checklistRefusal({
        added: [
          { ...meeting, words: ['议'] },
          { ...XIANGZHOU.added![1]!, words: ['议事'] },
        ],
      }),
    ).toBe('命令词“议事”和“议”开头相同，分不清记的是哪一项')
    // Two words of one item may share a beginning: 议事 and 议事会 both mean 参加议事会.
    expect(checklistRefusal({ added: [meeting] })).toBeUndefined()
  })

  it('refuses a key every object has, a checklist with no item, and a label with control characters', () => {
    const meeting = XIANGZHOU.added![0]!
    expect(checklistRefusal({ added: [{ ...meeting, key: 'constructor' }] })).toBe('项目代号“constructor”不能用')
    expect(
      checklistRefusal({
        off: [
          'representatives',
          'poorFamily',
          'problemSolved',
          'onlineGroup',
          'socialOrg',
          'publicService',
          'report',
          'proposal',
        ],
      }),
    ).toBe('清单里至少要有一项')
    for (const label of ['议事\n✅ 已达标', '\u200b\u200b', '议事\u202e会', '<b>议事</b>'])
      expect(checklistConfigSchema.safeParse({ added: [{ ...meeting, label }] }).success).toBe(false)
    expect(checklistConfigSchema.safeParse({ added: [{ ...meeting, label: '联系单位（五个一）' }] }).success).toBe(true)
  })

  it('keeps the default rule’s shares for a checklist of another size, and caps a unit’s rule at her items', async () => {
    const h = await setup()
    const tree = await h.repos.orgs.tree()
    const village = (await h.repos.orgs.findByName('新集村'))!
    expect(gradeRuleFor(tree, village.id)).toEqual({ excellent: 8, pass: 6, basic: 4 })
    expect(gradeRuleFor(tree, village.id, 11)).toEqual({ excellent: 11, pass: 9, basic: 6 })
    expect(gradeRuleFor(tree, village.id, 3)).toEqual({ excellent: 3, pass: 3, basic: 2 })
    await h.repos.orgs.setSetting(village.id, 'review', { excellent: 7, pass: 5, basic: 3 })
    expect(gradeRuleFor(await h.repos.orgs.tree(), village.id, 4)).toEqual({ excellent: 4, pass: 4, basic: 3 })
  })

  it('tells apart items two units added under one code', async () => {
    const h = await setup()
    const other = (await h.repos.orgs.findByName('樊城区'))!
    await h.repos.orgs.setSetting(other.id, 'checklist', {
      added: [{ key: 'meetings', label: '东津议事', words: ['东津'], rule: 'days', min: 2 }],
    })
    const tree = await h.repos.orgs.tree()
    const ids = [(await h.repos.orgs.findByName('新集村'))!.id, (await h.repos.orgs.findByName('白庙村'))!.id]
    const labels = checklistUnion(tree, ids).map((i) => i.label)
    expect(labels).toEqual(expect.arrayContaining(['参加议事会', '东津议事']))
  })

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
