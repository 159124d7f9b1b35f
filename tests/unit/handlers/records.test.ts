import { createHandlerHarness } from '../../support/handler-harness'

const GROUP = '樊城区执委工作交流群'

async function setup() {
  const h = createHandlerHarness()
  const people = await h.roster([
    { name: '李干部', role: 'admin', org: '襄阳市' },
    { name: '王主席', role: 'chair', org: '襄城区', parent: '襄阳市' },
    { name: '张三', role: 'executive', org: '樊城区', parent: '襄阳市' },
    { name: '刘四', role: 'executive', org: '樊城区', parent: '襄阳市' },
  ])
  await h.bindGroup(GROUP, 'executive', '襄阳市')
  return { h, people }
}

describe('diary and needs', () => {
  it('keeps diary entries and counts them for the year', async () => {
    const { h, people } = await setup()
    await h.say({ from: '刘四', text: '#日记 走访三户' })
    await h.say({ from: '刘四', text: '#日记 又走访两户 昨天' })
    const replies = h.take()
    expect(replies[0]!.text).toBe('📓 已记下妇情日记（今天），2026年共 1 篇。')
    expect(replies[1]!.text).toBe('📓 已记下妇情日记（11月19日），2026年共 2 篇。')
    expect((await h.repos.progress.get(people['刘四']!.id, 2026))?.diary).toBe(2)
  })

  it('echoes a need only in private, and lets the opener or a leader above her close it', async () => {
    const { h, people } = await setup()
    await h.say({ room: GROUP, from: '刘四', text: '#需求 李大姐想学家政' })
    const [inGroup] = h.take()
    expect(inGroup!.text).toBe('📌 已登记需求 1 号\n办结后发送 #办结 1')
    await h.say({ from: '刘四', text: '#需求 王大姐想学月嫂' })
    expect(h.take()[0]!.text).toBe('📌 已登记需求 2 号：王大姐想学月嫂\n办结后发送 #办结 2')
    await h.say({ room: GROUP, from: '张三', text: '#办结 1' })
    expect(h.take()[0]!.text).toContain('不是您登记的')
    await h.say({ room: GROUP, from: '王主席', text: '#办结 1' })
    expect(h.take()[0]!.text).toContain('不是您登记的') // her chair is of another district
    await h.say({ room: GROUP, from: '李干部', text: '#办结 1' })
    expect(h.take()[0]!.text).toBe('✅ 1 号需求已办结，辛苦了！')
    await h.say({ room: GROUP, from: '刘四', text: '#办结 1' })
    expect(h.take()[0]!.text).toBe('1 号需求已经办结过了。')
    expect(await h.repos.progress.get(people['刘四']!.id, 2026)).toMatchObject({ needsOpen: 1, needsResolved: 1 })
  })
})

describe('#撤销', () => {
  it('undoes the newest record and recounts', async () => {
    const { h, people } = await setup()
    await h.say({ room: GROUP, from: '刘四', text: '#公益 义诊' })
    await h.say({ room: GROUP, from: '刘四', text: '#调研 就业' })
    await h.say({ room: GROUP, from: '刘四', text: '#撤销' })
    expect(h.take()[2]!.text).toBe('↩️ 已撤销：撰写调研报告「就业」（今天）')
    expect(await h.repos.progress.get(people['刘四']!.id, 2026)).toMatchObject({ report: 0, publicService: 1 })
  })

  it('undoes records one after another, down to nothing', async () => {
    const { h } = await setup()
    await h.say({ from: '刘四', text: '#日记 走访' })
    await h.say({ from: '刘四', text: '#联系 刘翠花' })
    await h.say({ from: '刘四', text: '#撤销' })
    await h.say({ from: '刘四', text: '#撤销' })
    await h.say({ from: '刘四', text: '#撤销' })
    expect(
      h
        .take()
        .map((m) => m.text)
        .slice(2),
    ).toEqual(['↩️ 已撤销：联系妇女代表「刘翠花」（今天）', '↩️ 已撤销：妇情日记（今天）', '没有可以撤销的记录。'])
  })

  it('skips a resolved need instead of being blocked by it', async () => {
    const { h, people } = await setup()
    await h.say({ from: '刘四', text: '#公益 义诊' })
    await h.say({ from: '刘四', text: '#需求 想学家政' })
    await h.say({ from: '刘四', text: '#办结 1' })
    await h.say({ from: '刘四', text: '#撤销' })
    expect(h.take()[3]!.text).toBe('↩️ 已撤销：参与公益服务「义诊」（今天）')
    expect(await h.repos.progress.get(people['刘四']!.id, 2026)).toMatchObject({ publicService: 0, needsResolved: 1 })
  })

  it('undoes an item dated last year from last year’s counts', async () => {
    const { h, people } = await setup()
    await h.say({ from: '刘四', text: '#公益 年终慰问 12月30日' })
    await h.say({ from: '刘四', text: '#撤销' })
    expect(h.take()[1]!.text).toBe('↩️ 已撤销：参与公益服务「年终慰问」（2025年12月30日）')
    expect((await h.repos.progress.get(people['刘四']!.id, 2025))?.publicService).toBe(0)
  })
})
