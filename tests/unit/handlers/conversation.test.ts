/** Questions answered with a digit, her list of records, receipts in the forms people use, typos. */
import { createHandlerHarness } from '../../support/handler-harness'
import { conversationOf } from '../../../src/domain/proposal'

const GROUP = '白庙村执委工作交流群'

async function setup(at?: string) {
  const h = createHandlerHarness({ at })
  const people = await h.roster([
    { name: '许干部', role: 'admin', org: '白庙村' },
    { name: '张秀英', role: 'executive', org: '白庙村' },
    { name: '李娟', role: 'executive', org: '白庙村' },
  ])
  await h.bindGroup(GROUP, 'executive', '白庙村')
  const me = people['张秀英']!
  const items = async () => (await h.repos.progress.ledger(me.id, 2026)).map((i) => `${i.kind}:${i.subject ?? ''}`)
  return { h, me, items }
}

describe('questions answered with a digit', () => {
  it('records nothing until "1", and nothing at all after "0"', async () => {
    const { h, items } = await setup()
    await h.say({ from: '张秀英', text: '今天上午去看了刘翠花大姐，聊了她家孩子上学的事' })
    expect(h.take()[0]!.text).toBe('我理解为：\n联系妇女代表「刘翠花」（今天）\n回复 1 记下，回复 0 取消')
    expect(await items()).toEqual([])
    await h.say({ from: '张秀英', text: '0' })
    expect(h.take()[0]!.text).toBe('好的，已取消，什么也没记。')
    await h.say({ from: '张秀英', text: '1' })
    expect(h.take()[0]!.text).toBe('现在没有需要回复数字的问题。')
    expect(await items()).toEqual([])
  })

  it('counts a name written another way once, asking before it does', async () => {
    const { h, items } = await setup()
    await h.say({ from: '张秀英', text: '#联系 刘翠花' })
    for (const text of [
      '#联系 刘翠花大姐',
      '#联系 刘 翠花',
      '#联系 刘翠花（电话）',
      '#联系 刘\u200b翠花',
      '#联系 刘\u202e翠花',
    ])
      await h.say({ from: '张秀英', text })
    expect(h.take().every((m) => m.text.includes('「刘翠花」'))).toBe(true)
    await h.say({ from: '张秀英', text: '#联系 翠花' })
    expect(h.take()[0]!.text).toContain('“翠花”是您记过的「刘翠花」吗？')
    await h.say({ from: '张秀英', text: '1' })
    await h.say({ from: '张秀英', text: '#联系 刘阿姨' })
    expect(h.take().at(-1)!.text).toContain('“刘阿姨”是您记过的「刘翠花」吗？')
    await h.say({ from: '张秀英', text: '1' })
    expect(new Set(await items())).toEqual(new Set(['representatives:刘翠花']))
    expect(
      (await h.repos.progress.get((await h.repos.members.findByContactId(h.contactId('张秀英')))!.id, 2026))
        ?.representatives,
    ).toBe(1)
  })

  it('takes option 2 for someone new, and lets a question lapse after six hours', async () => {
    const { h, items } = await setup('2026-11-23T09:00:00+08:00')
    await h.say({ from: '张秀英', text: '#联系 刘翠花' })
    await h.say({ from: '张秀英', text: '#联系 翠花' })
    await h.say({ from: '张秀英', text: '2' })
    expect(h.take().at(-1)!.text).toContain('已记录：联系妇女代表「翠花」')
    await h.say({ from: '张秀英', text: '#联系 刘阿姨' })
    h.clock.set(new Date('2026-11-23T15:30:00+08:00'))
    await h.say({ from: '张秀英', text: '1' })
    expect(h.take().at(-1)!.text).toBe('现在没有需要回复数字的问题。')
    expect(await items()).toEqual(['representatives:刘翠花', 'representatives:翠花'])
  })

  it('answers each person in a group on her own: another woman’s "1" is her receipt, not a confirmation', async () => {
    const { h, me, items } = await setup()
    await h.say({ room: GROUP, from: '张秀英', text: '@妇联助手 下午去阳光妈妈互助会坐了坐' })
    expect(
      await h.repos.questions.waiting(
        me.id,
        [2026],
        conversationOf(h.contactId('张秀英'), h.roomId(GROUP)),
        h.clock.now(),
      ),
    ).toHaveLength(1)
    await h.say({ room: GROUP, from: '李娟', text: '1' })
    expect(await items()).toEqual([])
    await h.say({ room: GROUP, from: '张秀英', text: '1' })
    expect(await items()).toEqual(['socialOrg:阳光妈妈互助会'])
    void me
  })

  it('handles every line of a message of several commands, in one answer', async () => {
    const { h, items } = await setup()
    await h.say({ from: '张秀英', text: '#联系 张桂兰 昨天\n#联系 王秀兰 前天\n#公益 敬老院包饺子' })
    const [reply] = h.take()
    expect(reply!.text.match(/已记录/g)).toHaveLength(3)
    expect(await items()).toEqual(['representatives:张桂兰', 'representatives:王秀兰', 'publicService:敬老院包饺子'])
  })

  it('records several names after one command, one each', async () => {
    const { h, items } = await setup()
    await h.say({ from: '张秀英', text: '#联系 刘翠花 李梅 张桂兰' })
    expect(await items()).toEqual(['representatives:刘翠花', 'representatives:李梅', 'representatives:张桂兰'])
  })

  it('reads 上周五 and 昨天上午 after a command, and asks about 前几天 instead of taking today', async () => {
    const { h } = await setup('2026-11-23T10:00:00+08:00')
    await h.say({ from: '张秀英', text: '#联系 赵小红 上周五' })
    await h.say({ from: '张秀英', text: '#联系 马丽 昨天上午' })
    await h.say({ from: '张秀英', text: '#联系 马丽 前几天' })
    const [a, b, c] = h.take()
    expect(a!.text).toContain('（11月20日）')
    expect(b!.text).toContain('（11月22日）')
    expect(c!.text).toContain('“前几天”是哪一天？')
  })
})

describe('her records, numbered', () => {
  it('lists this year’s records, undoes one by number after asking, and corrects a name', async () => {
    const { h, items } = await setup()
    for (const text of ['#联系 刘翠花', '#联系 李眉', '#公益 义诊']) await h.say({ from: '张秀英', text })
    h.take()
    await h.say({ from: '张秀英', text: '#我的记录' })
    expect(h.take()[0]!.text).toContain(
      '1. 联系妇女代表「刘翠花」（今天）\n2. 联系妇女代表「李眉」（今天）\n3. 参与公益服务「义诊」（今天）',
    )
    await h.say({ from: '张秀英', text: '#改 2 李梅' })
    expect(h.take()[0]!.text).toContain('已把第 2 条「李眉」改为「李梅」。')
    // It keeps its number: a later "#撤销 2" or "#改 2" from the same list still means it.
    await h.say({ from: '张秀英', text: '#我的记录' })
    expect(h.take()[0]!.text).toContain('2. 联系妇女代表「李梅」（今天）\n3. 参与公益服务「义诊」（今天）')
    await h.say({ from: '张秀英', text: '#撤销 1' })
    expect(h.take()[0]!.text).toContain('要撤销第 1 条：联系妇女代表「刘翠花」（今天） 吗？')
    await h.say({ from: '张秀英', text: '1' })
    expect(await items()).toEqual(['representatives:李梅', 'publicService:义诊'])
  })

  it('keeps the list to private chat', async () => {
    const { h } = await setup()
    await h.say({ from: '张秀英', text: '#联系 刘翠花' })
    await h.say({ room: GROUP, from: '张秀英', text: '#我的记录' })
    expect(h.take()[1]!.text).toBe('您2026年共有 1 条记录。明细请私聊我发送 #我的记录。')
  })
})

describe('receipts as people write them', () => {
  async function withNotices() {
    const s = await setup()
    const admin = (
      await s.h.repos.members.findByNames(['许干部'], [(await s.h.repos.orgs.findByName('白庙村'))!.id])
    )[0]!
    const ids: string[] = []
    for (const [n, daysAgo] of [
      [1, 8],
      [2, 0],
    ] as const) {
      const createdAt = new Date(s.h.clock.now().getTime() - daysAgo * 86_400_000 - 3_600_000)
      const { notice } = await s.h.repos.notices.create({
        orgId: admin.orgId,
        audience: 'executive',
        content: `通知${n}`,
        createdBy: admin.id,
        createdAt,
        sourceMessageId: `n${n}`,
        roomIds: [s.h.roomId(GROUP)],
        executiveIds: [s.me.id],
        followUpAt: createdAt,
      })
      ids.push(notice.id)
    }
    const acked = async () => Promise.all(ids.map(async (id) => (await s.h.repos.notices.acksOf(id)).length))
    return { ...s, acked }
  }

  it.each([
    ['收到了', [0, 1]],
    ['好的，收到', [0, 1]],
    ['收到[强]', [0, 1]],
    ['👌', [0, 1]],
    ['已阅', [0, 1]],
    ['@许干部\u2005收到', [0, 1]],
    ['收到，谢谢许主任', [0, 1]],
    ['1', [0, 1]],
    ['收到1号', [1, 0]],
    ['#收到 1', [1, 0]],
    ['上周那个通知收到了', [1, 0]],
    ['通知1 收到', [1, 0]],
    ['今天那个通知我收到了', [0, 1]],
    ['收到了哈', [0, 1]],
    ['好嘞，俺下午过去找你', [0, 0]],
    ['要得 收到', [0, 1]],
    ['好嘞，收着了', [0, 1]],
    ['[OK][OK]', [0, 1]],
    ['要得要得，明天开会我早点到', [0, 0]],
    ['收到钱了吗', [0, 0]],
    ['我没收到通知啊', [0, 0]],
    ['快递收到了，谢谢姐🌹', [0, 0]],
  ])('%s', async (text, want) => {
    const { h, acked } = await withNotices()
    await h.say({ room: GROUP, from: '张秀英', text })
    expect(await acked()).toEqual(want)
    expect(h.take()).toEqual([])
  })

  it.each([
    ['收到收到', [0, 1]],
    ['收到1号', [1, 0]],
    ['嗯收到收到 早上那个通知我看到了', [0, 1]],
    ['快递收到了', [0, 0]],
  ])('said by voice in the group: %s', async (text, want) => {
    const { h, acked } = await withNotices()
    await h.handle({ ...h.message({ room: GROUP, from: '张秀英', text }), kind: 'voice' })
    expect(await acked()).toEqual(want)
    expect(h.take()).toEqual([])
  })
})

describe('typos and voice', () => {
  it('asks whether a mistyped command is the one she meant, then records it', async () => {
    const { h, items } = await setup()
    await h.say({ from: '张秀英', text: '#联细 刘翠花' })
    expect(h.take()[0]!.text).toContain('您是想发 #联系 刘翠花 吗？')
    await h.say({ from: '张秀英', text: '1' })
    expect(await items()).toEqual(['representatives:刘翠花'])
    await h.say({ from: '张秀英', text: '#进渡' })
    expect(h.take().at(-1)!.text).toContain('（“进渡”我当作 #进度）')
    await h.say({ from: '张秀英', text: '#打卡' })
    expect(h.take().at(-1)!.text).toContain('没有“打卡”这个命令')
  })

  it('reads a voice note’s transcript and says what it heard; asks for 转文字 when there is none', async () => {
    const { h } = await setup()
    await h.handle({ ...h.message({ from: '张秀英', text: '今天去了新选的妇女代表周玉芬家' }), kind: 'voice' })
    expect(h.take()[0]!.text).toBe(
      '听到的是：“今天去了新选的妇女代表周玉芬家”\n我理解为：\n联系妇女代表「周玉芬」（今天）\n回复 1 记下，回复 0 取消',
    )
    await h.handle({ ...h.message({ from: '张秀英', text: '' }), kind: 'voice' })
    expect(h.take()[0]!.text).toContain('上滑“转文字”')
  })
})

describe('what the held-out corpus showed people write', () => {
  it('reads a checklist item written after 联系 as the item, not as a name', async () => {
    const { h, items } = await setup('2026-11-23T10:00:00+08:00')
    await h.say({ from: '张秀英', text: '＃联系贫困家庭 王建国家 2026-11-21' })
    await h.say({ from: '张秀英', text: '#联系社会组织 阳光妈妈互助会' })
    await h.say({ from: '张秀英', text: '#联系 贫困户 孙德旺家' })
    expect(await items()).toEqual(['poorFamily:王建国家', 'socialOrg:阳光妈妈互助会', 'poorFamily:孙德旺家'])
    h.take()
    await h.say({ from: '张秀英', text: '#联系带表 李梅' })
    expect(h.take()[0]!.text).toContain('您是想发 #联系 李梅 吗？')
    expect(await items()).toHaveLength(3)
  })

  it('records a dated item that has no title, and says so without empty brackets', async () => {
    const { h, items } = await setup()
    await h.say({ from: '张秀英', text: '# 公益服务 今天' })
    expect(h.take()[0]!.text).toMatch(/^✏️ 已记录：参与公益服务（今天）/)
    expect(await items()).toEqual(['publicService:'])
  })

  it('answers questions about her own records in her words, and undoes on 记错了…取消', async () => {
    const { h } = await setup()
    await h.say({ from: '张秀英', text: '#联系 刘翠花' })
    h.take()
    for (const text of ['我这个月记了几条？', '我联系过的代表有哪几个？', '帮我查下我今年妇情日记写了几篇'])
      await h.say({ from: '张秀英', text })
    for (const r of h.take()) expect(r.text).toContain('的记录')
    await h.say({ from: '张秀英', text: '记错了记错了 取消' })
    expect(h.take()[0]!.text).toContain('回复 1')
  })

  it('does not take a relative, a part of another name, or a plan for the person', async () => {
    const { h, items } = await setup()
    await h.say({ from: '张秀英', text: '#联系 王秀兰\n#联系 李梅' })
    h.take()
    for (const text of [
      '去看了王秀兰她婆婆，老太太今年九十了',
      '本来今天约了李梅的，结果她去县里看病了，改天吧',
      '调研报告写了一半了，月底前应该能交',
    ]) {
      await h.say({ from: '张秀英', text })
      expect(h.take()[0]!.text).not.toContain('回复 1')
    }
    await h.say({ from: '张秀英', text: '今天联系了新的妇女代表赵春梅大姐' })
    expect(h.take()[0]!.text).toContain('联系妇女代表「赵春梅」')
    expect(await items()).toEqual(['representatives:王秀兰', 'representatives:李梅'])
  })

  it('knows a family by its head’s given name and a kinship word, and an organisation by 合作社', async () => {
    const { h } = await setup()
    await h.say({ from: '张秀英', text: '#帮扶 王建国家' })
    h.take()
    await h.say({ from: '张秀英', text: '帮建国哥家把医保续上了' })
    expect(h.take()[0]!.text).toContain('帮助解决问题「王建国家」')
    await h.say({ from: '张秀英', text: '今天去指导了村里的巧手编织合作社' })
    expect(h.take()[0]!.text).toContain('「巧手编织合作社」')
    await h.say({ from: '张秀英', text: '跟刘翠花聊了聊合作社年底招工的事' })
    // What is proposed (the line saying the earlier question no longer waits names that one).
    expect(h.take()[0]!.text.split('（上一个问题')[0]).not.toContain('社会组织')
  })

  it('reads each marked line of a message, a diary begun mid-line, and last week’s list', async () => {
    const { h } = await setup('2026-11-23T10:00:00+08:00')
    await h.say({
      from: '张秀英',
      text: '妇情日记：好几个媳妇想出去打工又放不下孩子\n需求：六组吴大姐想给孩子找个课后托管',
    })
    expect(h.take()[0]!.text).toMatch(/1\. 妇情日记（今天）[\s\S]*2\. 妇女需求/)
    await h.say({ from: '张秀英', text: '上午建了个村里的正能量群，下午顺手写了篇妇情日记：群里有姐妹说想学跳广场舞' })
    expect(h.take()[0]!.text).toMatch(/建立正能量网群[\s\S]*妇情日记（今天）：群里有姐妹/)
    await h.say({ from: '张秀英', text: '上周的补记一下：\n1. 周一联系了王秀兰\n2. 周三参加两癌筛查志愿服务' })
    const reply = h.take()[0]!.text
    expect(reply).toContain('联系妇女代表「王秀兰」（11月16日）')
    expect(reply).toContain('（11月18日）')
  })

  it('hears a group message that calls it by name, not one that talks about it', async () => {
    const { h } = await setup()
    await h.say({ room: GROUP, from: '张秀英', text: '妇联助手这个东西好用不？我还没怎么弄明白' })
    expect(h.take()).toEqual([])
    await h.say({ room: GROUP, from: '张秀英', text: '妇联助手今天上午去看了刘翠花' })
    expect(h.take()[0]!.text).toContain('联系妇女代表「刘翠花」')
  })
})

describe('what the third corpus showed', () => {
  it('takes a date written inside a command’s detail, never today instead', async () => {
    const { h } = await setup('2026-11-23T10:00:00+08:00')
    await h.say({ from: '张秀英', text: '#联系 李梅 上周五 去她家坐了会儿' })
    expect(h.take()[0]!.text).toContain('（11月20日）')
    await h.say({ from: '张秀英', text: '@妇联助手 ＃联系 王秀兰 昨天下午电话' })
    expect(h.take()[0]!.text).toContain('（11月22日）')
    await h.say({ from: '张秀英', text: '#撤销 刚才那条' })
    expect(h.take()[0]!.text).toContain('已撤销：联系妇女代表「王秀兰」')
  })

  it('reads a correction of the day, clauses split by spaces, and a message that did not get through', async () => {
    const { h, items } = await setup('2026-11-23T10:00:00+08:00')
    await h.say({ from: '张秀英', text: '#联系 李梅\n#联系 王秀兰' })
    h.take()
    await h.say({ from: '张秀英', text: '前天联系了李梅 不对 是大前天' })
    expect(h.take()[0]!.text).toContain('联系妇女代表「李梅」（11月20日）')
    await h.say({ from: '张秀英', text: '昨天去了李梅家 前天去了王秀兰家' })
    expect(h.take()[0]!.text).toMatch(/「李梅」（11月22日）[\s\S]*「王秀兰」（11月21日）/)
    await h.say({ from: '张秀英', text: '给李梅发了微信，她到现在还没回' })
    expect(h.take()[0]!.text).not.toContain('回复 1')
    expect(await items()).toHaveLength(2)
  })

  it('knows lunar holidays, and a name heard with n for l', async () => {
    const { h } = await setup('2026-11-23T10:00:00+08:00')
    await h.say({ from: '张秀英', text: '#联系 王秀兰' })
    h.take()
    await h.say({ from: '张秀英', text: '重阳节陪着敬老院老人过节 帮着端菜打扫' })
    expect(h.take()[0]!.text).toContain('参与公益服务「')
    await h.say({ from: '张秀英', text: '妇联助手帮我记一下王秀南今天我在她家开了个小会' })
    expect(h.take()[0]!.text).toContain('（“王秀南”我按您记过的人记）')
  })
})
