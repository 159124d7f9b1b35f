import { createHandlerHarness } from '../../support/handler-harness'

const GROUP = '樊城区执委工作交流群'

async function setup() {
  const h = createHandlerHarness()
  const people = await h.roster([
    { name: '李干部', role: 'admin', org: '襄阳市' },
    { name: '张三', role: 'executive', org: '樊城区', parent: '襄阳市' },
  ])
  await h.bindGroup(GROUP, 'executive', '襄阳市')
  const counts = async () => (await h.repos.progress.get(people['张三']!.id, 2026))!
  return { h, counts, zhang: people['张三']! }
}

describe('duty commands', () => {
  it('records a contact and answers with the target and a bar, mentioning the sender', async () => {
    const { h, counts } = await setup()
    expect(await h.say({ room: GROUP, from: '张三', text: '#联系 刘翠花 电话了解家庭情况' })).toBe('handled')
    expect(h.take()).toEqual([
      {
        room: GROUP,
        to: null,
        mentions: ['张三'],
        text: '✏️ 已记录：联系妇女代表「刘翠花」（今天）\n⬜ 联系妇女代表 1/5–7 ▓░░░░░░',
      },
    ])
    expect((await counts()).representatives).toBe(1)
  })

  it('counts a representative once however often she is contacted, and says so', async () => {
    const { h, counts } = await setup()
    await h.say({ room: GROUP, from: '张三', text: '#联系 刘翠花' })
    await h.say({ room: GROUP, from: '张三', text: '#联系 刘翠花 又去了一次' })
    expect(h.take()[1]!.text).toContain('「刘翠花」今年已记过，仍按 1 个计算。')
    expect((await counts()).representatives).toBe(1)
  })

  it('logs every checklist item and shows them all with #进度', async () => {
    const { h, counts } = await setup()
    for (const text of [
      '#帮扶 王家 孩子上学难',
      '#解决 王家 助学金',
      '#网群 巾帼群',
      '#社会组织 阳光妈妈',
      '#公益 义诊',
      '#调研 留守妇女',
      '#建议 托管点',
    ])
      expect(await h.say({ room: GROUP, from: '张三', text })).toBe('handled')
    h.take()
    await h.say({ from: '张三', text: '#进度' })
    const [reply] = h.take()
    expect(reply).toMatchObject({ to: '张三', room: null })
    expect(reply!.text).toContain('已完成 7/8 项')
    expect(await counts()).toMatchObject({
      poorFamily: 1,
      problemSolved: 1,
      onlineGroup: 1,
      socialOrg: 1,
      publicService: 1,
      report: 1,
      proposal: 1,
    })
  })

  it('says 🎉 once, when an item first reaches its target', async () => {
    const { h } = await setup()
    await h.say({ room: GROUP, from: '张三', text: '#公益 义诊' })
    await h.say({ room: GROUP, from: '张三', text: '#公益 义诊二' })
    const [first, second] = h.take()
    expect(first!.text).toContain('🎉 这一项已达标！')
    expect(second!.text).not.toContain('🎉')
  })

  it('dates an item from 昨天, counts a December date in last year, and refuses a future date', async () => {
    const { h } = await setup()
    await h.say({ room: GROUP, from: '张三', text: '#公益 两癌筛查宣传 昨天' })
    await h.say({ room: GROUP, from: '张三', text: '#公益 宣传 12月25日' })
    await h.say({ room: GROUP, from: '张三', text: '#公益 宣传 明天' })
    const [yesterday, december, tomorrow] = h.take()
    expect(yesterday!.text).toContain('（11月19日）')
    expect(december!.text).toContain('这条计入 2025 年。')
    expect(tomorrow!.text).toContain('日期不能晚于今天')
    expect(
      await h.repos.progress.ledger((await h.repos.members.findByContactId(h.contactId('张三')))!.id, 2025),
    ).toHaveLength(1)
  })

  it('answers a malformed command with the sentence and the usage line, storing nothing', async () => {
    const { h, zhang } = await setup()
    expect(await h.say({ room: GROUP, from: '张三', text: '#解决 王家' })).toBe('userError')
    expect(h.take()[0]!.text).toBe(
      '请写上家庭和解决的问题，中间用空格隔开，例如 #解决 王家 协调办理了医保报销\n用法：#解决 家庭 问题 [日期]',
    )
    expect(await h.repos.progress.ledger(zhang.id, 2026)).toEqual([])
  })

  it('finds the family in a one-phrase #解决 from her records, or asks which one she means', async () => {
    const { h, zhang } = await setup()
    await h.say({ room: GROUP, from: '张三', text: '#帮扶 王家 孩子上学困难' })
    await h.say({ room: GROUP, from: '张三', text: '#解决 王家孩子申请到助学金' })
    await h.say({ room: GROUP, from: '张三', text: '#解决 办好了低保' })
    const replies = h.take()
    expect(replies[1]!.text).toContain('已记录：帮助解决问题「王家」')
    expect(replies[2]!.text).toContain('已记录：帮助解决问题「王家」')
    const solved = (await h.repos.progress.ledger(zhang.id, 2026)).filter((i) => i.kind === 'problemSolved')
    expect(solved).toHaveLength(2)
    await h.say({ room: GROUP, from: '张三', text: '#解决 王家' })
    expect(h.take()[0]!.text).toBe(
      '请写上解决了什么问题，例如 #解决 王家 协调办理了医保报销\n用法：#解决 家庭 问题 [日期]',
    )
    await h.say({ room: GROUP, from: '张三', text: '#帮扶 李家' })
    await h.say({ room: GROUP, from: '张三', text: '#解决 申请到助学金' })
    expect(h.take()[1]!.text).toBe('您联系过李家、王家，请写上是哪一户，例如 #解决 李家 协调办理了医保报销')
  })

  it('never echoes or stores a phone or ID number', async () => {
    const { h, zhang } = await setup()
    // A number where the family's name should be is no name: nothing is recorded, nothing echoed.
    await h.say({ room: GROUP, from: '张三', text: '#帮扶 13812345678 身份证420602198001011234' })
    expect(h.take()[0]!.text).not.toMatch(/13812345678|420602198001011234|138\*{4}5678/)
    expect(await h.repos.progress.ledger(zhang.id, 2026)).toEqual([])
    await h.say({ room: GROUP, from: '张三', text: '#帮扶 王家 13812345678 身份证420602198001011234' })
    expect(h.take()[0]!.text).not.toMatch(/13812345678|420602198001011234/)
    const [item] = await h.repos.progress.ledger(zhang.id, 2026)
    const event = await h.repos.progress.findEvent(item!.id)
    expect(JSON.stringify([item, event])).not.toMatch(/13812345678|420602198001011234/)
  })
})
