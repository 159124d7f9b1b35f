/** Ordinary women in a constituents' group are served: a request becomes a need her unit's executives take. */
import { createHandlerHarness, type HandlerHarness } from '../../support/handler-harness'
import { docxText } from '../../support/docx-text'

const PUBLIC = '白庙村联系群众群'
const EXEC = '白庙村执委工作交流群'
const NEIGHBOUR_PUBLIC = '李庄村联系群众群'

async function setup() {
  const h = createHandlerHarness({ at: '2026-11-23T10:00:00+08:00' })
  const people = await h.roster([
    { name: '许干部', role: 'admin', org: '白庙村', parent: '樊城区' },
    { name: '王芳', role: 'executive', org: '白庙村', parent: '樊城区' },
    { name: '张秀英', role: 'executive', org: '白庙村', parent: '樊城区' },
    { name: '李娜', role: 'executive', org: '李庄村', parent: '樊城区' },
  ])
  await h.bindGroup(PUBLIC, 'constituent', '白庙村')
  await h.bindGroup(EXEC, 'executive', '白庙村')
  await h.bindGroup(NEIGHBOUR_PUBLIC, 'constituent', '李庄村')
  return { h, people }
}

/** Messages the bot queued for other people (not replies), by who they go to. */
async function queued(h: HandlerHarness): Promise<{ to: string; text: string }[]> {
  const out: { to: string; text: string }[] = []
  const later = () => new Date(h.clock.now().getTime() + 60_000)
  for (let item = await h.repos.outbox.nextCandidate(later(), 'bot'); item;) {
    await h.repos.outbox.markSent(item.id, later(), 'bot')
    out.push({ to: item.target, text: item.text })
    item = await h.repos.outbox.nextCandidate(later(), 'bot')
  }
  return out
}

const contact = (h: HandlerHarness, name: string) => `contact:${h.contactId(name)}`

describe('a constituent’s request in the constituents’ group', () => {
  it('is passed on: a short answer in the group, a need of the unit, each of its executives told privately', async () => {
    const { h, people } = await setup()
    const outcome = await h.say({ room: PUBLIC, from: '秀英🌸', text: '@妇联助手 帮忙找个工作，电话13812345678' })
    expect(outcome).toBe('handled')
    const [answer, ...more] = h.take()
    expect(more).toEqual([])
    expect(answer).toMatchObject({ room: PUBLIC, mentions: ['秀英🌸'] })
    expect(answer!.text).toContain('已转给白庙村妇联的执委（第 1 号）')
    expect(answer!.text).not.toMatch(/还不在执委名单|找个工作|1381234|王芳|张秀英/)
    const [need] = await h.repos.needs.list([people['王芳']!.orgId])
    expect(need).toMatchObject({ number: 1, memberId: null, status: 'open', asker: { name: '秀英🌸' } })
    expect(need!.content).not.toContain('13812345678')
    const told = await queued(h)
    expect(told.map((t) => t.to).sort()).toEqual([contact(h, '王芳'), contact(h, '张秀英')].sort())
    for (const t of told) {
      expect(t.text).toContain('第 1 号需求')
      expect(t.text).toContain('帮忙找个工作')
      expect(t.text).toContain('#认领 1')
      expect(t.text).not.toContain('13812345678')
    }
  })

  it('reads "想问问两癌筛查在哪报名" and a voice-typed call by name as requests too', async () => {
    const { h } = await setup()
    await h.say({ room: PUBLIC, from: '开心每一天', text: '@妇联助手 想问问两癌筛查在哪报名' })
    await h.say({ room: PUBLIC, from: '刘大姐', text: '妇联助手，我家孩子上学的补助怎么申请' })
    expect(h.take().map((s) => s.text)).toEqual([
      expect.stringContaining('（第 1 号）'),
      expect.stringContaining('（第 2 号）'),
    ])
  })

  it('is taken by the first executive who sends #认领; the others are told who took it; hers to resolve', async () => {
    const { h, people } = await setup()
    await h.say({ room: PUBLIC, from: '秀英🌸', text: '@妇联助手 帮忙找个工作' })
    h.take()
    await h.say({ from: '王芳', text: '#认领 1' })
    const [took] = h.take()
    expect(took!.text).toContain('您已认领 1 号需求：帮忙找个工作')
    await h.say({ room: EXEC, from: '张秀英', text: '#认领 1' })
    expect(h.take()[0]!.text).toBe('1 号需求已由王芳认领了，不用再认领。')
    await h.say({ from: '张秀英', text: '#办结 1' })
    expect(h.take()[0]!.text).toContain('已由王芳认领')
    const wang = people['王芳']!.id
    expect(await h.repos.progress.get(wang, 2026)).toMatchObject({ needsOpen: 1, needsResolved: 0 })
    await h.say({ from: '王芳', text: '#办结 1' })
    expect(h.take()[0]!.text).toContain('1 号需求已办结')
    expect(await h.repos.progress.get(wang, 2026)).toMatchObject({ needsOpen: 0, needsResolved: 1 })
    expect(await h.repos.progress.get(people['张秀英']!.id, 2026)).toBeUndefined()
    expect((await h.repos.needs.listOf(wang)).map((n) => [n.number, n.status])).toEqual([[1, 'resolved']])
  })

  it('shows in her 述职报告 as a need she resolved', async () => {
    const { h } = await setup()
    await h.say({ room: PUBLIC, from: '秀英🌸', text: '@妇联助手 帮忙找个工作' })
    await h.say({ from: '王芳', text: '#认领 1' })
    await h.say({ from: '王芳', text: '#办结 1' })
    await queued(h)
    await h.say({ from: '王芳', text: '#述职' })
    const item = await h.repos.outbox.nextCandidate(new Date(h.clock.now().getTime() + 60_000), 'bot')
    const text = await docxText(item!.file!.data)
    expect(text).toContain('1 号　11月23日登记，11月23日办结：帮忙找个工作')
  })

  it('answers a second #认领 of the taker herself, and a redelivered #认领, without a second record', async () => {
    const { h, people } = await setup()
    await h.say({ room: PUBLIC, from: '秀英🌸', text: '@妇联助手 帮忙找个工作' })
    const claim = h.message({ from: '王芳', text: '#认领 1' })
    expect(await h.handle(claim)).toBe('handled')
    expect(await h.handle(claim)).toBe('duplicate')
    await h.say({ from: '王芳', text: '#认领 1' })
    expect(h.take().at(-1)!.text).toBe('1 号需求已经由您认领了，办好后发送 #办结 1。')
    expect(await h.repos.progress.get(people['王芳']!.id, 2026)).toMatchObject({ needsOpen: 1 })
  })

  it('is not for executives of another unit to take, and says whose it is', async () => {
    const { h } = await setup()
    await h.say({ room: PUBLIC, from: '秀英🌸', text: '@妇联助手 帮忙找个工作' })
    h.take()
    await h.say({ from: '李娜', text: '#认领 1' })
    expect(h.take()[0]!.text).toBe('1 号需求是转给白庙村执委的，您不用认领。')
    await h.say({ from: '王芳', text: '#办结 1' })
    expect(h.take()[0]!.text).toBe('1 号需求还没有人认领，请先发 #认领 1，办好后再 #办结 1。')
  })

  it('goes back to the unit when its taker undoes it, and another executive can take it', async () => {
    const { h, people } = await setup()
    await h.say({ room: PUBLIC, from: '秀英🌸', text: '@妇联助手 帮忙找个工作' })
    await h.say({ from: '王芳', text: '#认领 1' })
    await h.say({ from: '王芳', text: '#撤销' })
    h.take()
    expect(await h.repos.progress.get(people['王芳']!.id, 2026)).toMatchObject({ needsOpen: 0 })
    expect(await h.repos.needs.findByNumber(1)).toMatchObject({ memberId: null, status: 'open' })
    await h.say({ from: '张秀英', text: '#需求 列表' })
    expect(h.take()[0]!.text).toContain('还没人认领的：\n1 号：帮忙找个工作')
    await h.say({ from: '张秀英', text: '#认领 1' })
    expect(h.take()[0]!.text).toContain('您已认领 1 号需求')
    expect(await h.repos.progress.get(people['张秀英']!.id, 2026)).toMatchObject({ needsOpen: 1 })
  })

  it('is limited to a few a day for one woman: told once past the limit, then quiet', async () => {
    const { h, people } = await setup()
    for (const text of ['找工作', '两癌筛查', '孩子上学', '家政培训', '低保申请'])
      await h.say({ room: PUBLIC, from: '秀英🌸', text: `@妇联助手 想问问${text}的事` })
    const said = h.take().map((s) => s.text)
    expect(said).toHaveLength(4)
    expect(said[3]).toBe('今天已经替您转了 3 条，执委会尽快联系您。新的问题请明天再发。')
    expect(await h.repos.needs.list([people['王芳']!.orgId])).toHaveLength(3)
    await h.say({ room: PUBLIC, from: '开心每一天', text: '@妇联助手 想问问找工作的事' })
    expect(h.take()[0]!.text).toContain('（第 4 号）')
    h.clock.set(new Date('2026-11-24T09:00:00+08:00'))
    await h.say({ room: PUBLIC, from: '秀英🌸', text: '@妇联助手 想问问低保申请的事' })
    expect(h.take()[0]!.text).toContain('（第 5 号）')
  })
})

describe('a plea for help posted in the constituents’ group without @', () => {
  it('is passed on as if she had @-mentioned the bot: a need of the unit, its executives told', async () => {
    const { h, people } = await setup()
    const outcome = await h.say({
      room: PUBLIC,
      from: '刘大姐',
      text: '请问妇联的姐姐，娃上学的贫困补助去哪里申请啊？',
    })
    expect(outcome).toBe('handled')
    expect(h.take().map((s) => s.text)).toEqual([expect.stringContaining('已转给白庙村妇联的执委（第 1 号）')])
    const [need] = await h.repos.needs.list([people['王芳']!.orgId])
    expect(need).toMatchObject({ memberId: null, asker: { name: '刘大姐' } })
    expect(need!.content).toContain('贫困补助去哪里申请')
    expect((await queued(h)).map((t) => t.to).sort()).toEqual([contact(h, '王芳'), contact(h, '张秀英')].sort())
  })

  it('reads a plea said by voice in the group', async () => {
    const { h } = await setup()
    const msg = h.message({ room: PUBLIC, from: '马嫂', text: '那个俺家那口子又喝多了打人 能不能来管管' })
    expect(await h.handle({ ...msg, kind: 'voice' })).toBe('handled')
    expect(h.take()[0]!.text).toContain('（第 1 号）')
  })

  it('leaves the women’s own chat alone: nothing said, nothing passed on', async () => {
    const { h } = await setup()
    for (const text of [
      '今天赶集的人真多😂',
      '刘阿姨家的土鸡蛋还有没有，我想买两斤',
      '谢谢张主任，事情办好了🙏',
      '明天降温了，有没有人一起去镇上',
      '你好',
    ])
      expect(await h.say({ room: PUBLIC, from: '刘大姐', text })).toBe('ignored')
    expect(h.take()).toEqual([])
    expect(await h.repos.needs.list(undefined)).toEqual([])
  })

  it('is not passed on when an executive writes it, in either group', async () => {
    const { h } = await setup()
    expect(await h.say({ room: PUBLIC, from: '王芳', text: '请问两癌筛查在哪里报名？' })).toBe('ignored')
    expect(await h.say({ room: EXEC, from: '王芳', text: '请问两癌筛查在哪里报名？' })).toBe('ignored')
    expect(h.take()).toEqual([])
    expect(await h.repos.needs.list(undefined)).toEqual([])
    expect(await queued(h)).toEqual([])
  })
})

describe('what is not a request', () => {
  it('answers an @ without a request with one friendly line, once a day, and records nothing', async () => {
    const { h } = await setup()
    await h.say({ room: PUBLIC, from: '秀英🌸', text: '@妇联助手 你好' })
    const [hint] = h.take()
    expect(hint!.text).not.toContain('执委名单')
    expect(hint!.text).toContain('@我 直接说就行')
    expect(hint!.text.split('\n')).toHaveLength(1)
    expect(await h.say({ room: PUBLIC, from: '秀英🌸', text: '@妇联助手 在吗？' })).toBe('ignored')
    expect(h.take()).toEqual([])
    expect(await h.repos.needs.list(undefined)).toEqual([])
  })

  it('tells a constituent who types an executives’ command what she can do instead', async () => {
    const { h } = await setup()
    await h.say({ room: PUBLIC, from: '秀英🌸', text: '#联系 刘翠花' })
    expect(h.take()[0]!.text).toContain('这是执委用的命令')
    expect(await h.repos.needs.list(undefined)).toEqual([])
  })

  it('never records a need from an executive’s words, in either group', async () => {
    const { h } = await setup()
    await h.say({ room: EXEC, from: '王芳', text: '@妇联助手 帮忙找个工作' })
    await h.say({ room: PUBLIC, from: '王芳', text: '@妇联助手 帮忙找个工作' })
    await h.say({ room: PUBLIC, from: '许干部', text: '@妇联助手 大家有事可以找我' })
    const said = h.take().map((s) => s.text)
    expect(said[1]).toContain('为保护隐私')
    expect(said.join('\n')).not.toContain('已转给')
    expect(await h.repos.needs.list(undefined)).toEqual([])
    expect(await queued(h)).toEqual([])
  })

  it('passes nothing on from a group not bound to a unit', async () => {
    const { h } = await setup()
    await h.say({ room: '幸福小区群众群', from: '秀英🌸', text: '@妇联助手 帮忙找个工作' })
    expect(h.take()[0]!.text).toContain('还没有绑定到妇联单位')
    expect(await h.repos.needs.list(undefined)).toEqual([])
  })

  it('tells the nearest admin when the unit has no executive in WeChat', async () => {
    const h = createHandlerHarness({ at: '2026-11-23T10:00:00+08:00' })
    await h.roster([
      { name: '许干部', role: 'admin', org: '新集村', parent: '樊城区' },
      { name: '赵敏', role: 'executive', org: '新集村', parent: '樊城区', wechatName: '敏敏' },
    ])
    await h.bindGroup('新集村群众群', 'constituent', '新集村')
    await h.say({ room: '新集村群众群', from: '秀英🌸', text: '@妇联助手 帮忙找个工作' })
    expect(h.take()[0]!.text).toContain('已登记到新集村妇联的需求台账（第 1 号）')
    const told = await queued(h)
    expect(told).toEqual([{ to: contact(h, '许干部'), text: expect.stringContaining('还没有能在微信里收到它的执委') }])
  })
})

describe('#帮助 in a constituents’ group', () => {
  it('says what an ordinary woman can do there, not the executives’ commands', async () => {
    const { h } = await setup()
    await h.say({ room: PUBLIC, from: '秀英🌸', text: '#帮助' })
    const [help] = h.take()
    expect(help!.text).toContain('@我 直接说')
    expect(help!.text).toContain('回复“收到”')
    expect(help!.text).not.toMatch(/#联系|#帮扶|#通知|#汇总|履职清单/)
    await h.say({ room: EXEC, from: '王芳', text: '#帮助' })
    expect(h.take()[0]!.text).toContain('#联系')
  })
})
