/**
 * Reports posted in the executives' group without @ (typed, or a voice note, which cannot carry an @):
 * one private question, never a word in the group; chatter gets nothing. Several deeds are numbered
 * and she can keep some; a vague date is proposed marked, and 改日期 changes it.
 */
import { createHandlerHarness } from '../../support/handler-harness'
import { targetOfContact } from '../../../src/domain/send-target'

const GROUP = '白庙村执委工作交流群'

async function world() {
  const h = createHandlerHarness({ at: '2026-11-23T10:00:00+08:00' })
  await h.roster([
    { name: '许干部', role: 'admin', org: '白庙村' },
    { name: '张秀英', role: 'executive', org: '白庙村' },
  ])
  await h.bindGroup(GROUP, 'executive', '白庙村')
  /** What the send queue holds for her private chat (delivered as the queue worker would). */
  const privately = async (who = '张秀英') => {
    const out: string[] = []
    for (;;) {
      const item = await h.repos.outbox.nextCandidate(h.clock.now(), 'test')
      if (!item || !(await h.repos.outbox.claim(item, h.clock.now()))) break
      await h.repos.outbox.markSent(item.id, h.clock.now(), 'test')
      if (item.target === targetOfContact(h.contactId(who))) out.push(item.text)
    }
    return out
  }
  const records = async () => {
    await h.say({ from: '张秀英', text: '#我的记录' })
    return h.take()[0]!.text
  }
  return { h, privately, records }
}

describe('a report posted in the group without @', () => {
  it('gets one private question and no group message; her private "1" records it', async () => {
    const { h, privately, records } = await world()
    await h.say({ room: GROUP, from: '张秀英', text: '今天上午走访了代表刘翠花，了解了她家大棚今年的收成[强]' })
    expect(h.take()).toEqual([])
    const asked = await privately()
    expect(asked).toHaveLength(1)
    expect(asked[0]).toContain('您在群里说的“今天上午走访了代表刘翠花')
    expect(asked[0]).toContain('联系妇女代表「刘翠花」（今天）')
    await h.say({ from: '张秀英', text: '1' })
    expect(h.take()[0]!.text).toContain('已记录：联系妇女代表「刘翠花」')
    expect(await records()).toContain('刘翠花')
  })

  it('a voice note in the group gets one private question and no group message', async () => {
    const { h, privately } = await world()
    const msg = h.message({ room: GROUP, from: '张秀英', text: '那个我昨天下午去了低保户孙桂芝家给她家送了两袋米' })
    await h.handle({ ...msg, kind: 'voice' })
    expect(h.take()).toEqual([])
    const asked = await privately()
    expect(asked).toHaveLength(1)
    expect(asked[0]).toContain('您在群里语音说的')
    expect(asked[0]).toContain('联系贫困家庭「孙桂芝家」（11月22日）')
  })

  it.each([
    '大家早上好[太阳][玫瑰]',
    '谁知道周五开会是在镇政府还是在妇联那边啊？',
    '【转发】关于开展“最美家庭”推荐评选工作的通知：各村（社区）妇联请于12月5日前报送推荐名单',
    '@李梅 你们村的表交了没有，我这边还没弄好',
    '王主任今天带队去看了敬老院的老人，大家辛苦了[强]',
    '明天打算去李梅家看看，有一起的吗',
    '李梅姐你那个调研报告是咋写的，能不能发我参考一下',
  ])('chatter “%s” gets nothing, in the group or privately', async (text) => {
    const { h, privately } = await world()
    await h.say({ room: GROUP, from: '张秀英', text })
    expect(h.take()).toEqual([])
    expect(await privately()).toEqual([])
  })

  it('asks at most once an hour unless she answered', async () => {
    const { h, privately } = await world()
    await h.say({ room: GROUP, from: '张秀英', text: '今天去看了代表李梅，聊了聊冬季培训' })
    expect(await privately()).toHaveLength(1)
    h.clock.set(new Date(h.clock.now().getTime() + 10 * 60_000))
    await h.say({ room: GROUP, from: '张秀英', text: '下午又去看了代表王秀兰' })
    expect(await privately()).toEqual([])
    await h.say({ from: '张秀英', text: '0' })
    h.take()
    await h.say({ room: GROUP, from: '张秀英', text: '刚才又去看了代表赵春梅' })
    expect(await privately()).toHaveLength(1)
    h.clock.set(new Date(h.clock.now().getTime() + 61 * 60_000))
    await h.say({ room: GROUP, from: '张秀英', text: '晚上电话联系了代表孙丽' })
    expect(await privately()).toHaveLength(1)
  })

  it('#设置 群里自动记 关 stops it for her; #设置 本群自动记 关 by an admin for the group', async () => {
    const { h, privately } = await world()
    await h.say({ from: '张秀英', text: '#设置 群里自动记 关' })
    expect(h.take()[0]!.text).toContain('不再自动读')
    await h.say({ room: GROUP, from: '张秀英', text: '今天去看了代表李梅' })
    expect(await privately()).toEqual([])
    await h.say({ from: '张秀英', text: '#设置 群里自动记 开' })
    h.take()
    await h.say({ room: GROUP, from: '许干部', text: '#设置 本群自动记 关' })
    expect(h.take()[0]!.text).toContain('不再自动读')
    await h.say({ room: GROUP, from: '张秀英', text: '今天去看了代表王秀兰' })
    expect(await privately()).toEqual([])
    await h.say({ room: GROUP, from: '张秀英', text: '#设置 本群自动记 关' })
    expect(h.take()[0]!.text).toContain('管理员')
  })
})

describe('several deeds in one question', () => {
  const text = '今天去看了代表李梅，又去低保户王建国家坐了坐，还给镇里交了个建议'

  it.each([
    ['1 3', ['李梅', '提交建议案'], ['王建国家']],
    ['只记1', ['李梅'], ['王建国家', '提交建议案']],
    ['第二个不要', ['李梅', '提交建议案'], ['王建国家']],
  ])('“%s” keeps only those', async (answer, kept, left) => {
    const { h, records } = await world()
    await h.say({ from: '张秀英', text })
    const asked = h.take()[0]!.text
    expect(asked).toMatch(/^1\. .*\n2\. .*\n3\. /m)
    await h.say({ from: '张秀英', text: answer })
    h.take()
    const now = await records()
    for (const k of kept) expect(now).toContain(k)
    for (const l of left) expect(now).not.toContain(l)
  })

  it('"2-1" still answers question 2 with option 1, and "1 3" then the question of several', async () => {
    const { h, privately, records } = await world()
    await h.say({ from: '张秀英', text })
    h.take()
    await h.say({ room: GROUP, from: '张秀英', text: '今天下午去看了代表王秀兰' })
    expect((await privately())[0]).toContain('回复 2-1 记下')
    await h.say({ from: '张秀英', text: '2-1' })
    expect(h.take()[0]!.text).toContain('已记录：联系妇女代表「王秀兰」')
    await h.say({ from: '张秀英', text: '1 3' })
    h.take()
    const now = await records()
    expect(now).toContain('李梅')
    expect(now).not.toContain('王建国家')
  })
})

describe('a vague date', () => {
  it('proposes the records with today, marked, and 改日期 changes the day', async () => {
    const { h } = await world()
    await h.say({ from: '张秀英', text: '上礼拜去低保户孙桂芝家坐了坐' })
    const asked = h.take()[0]!.text
    expect(asked).toContain('联系贫困家庭「孙桂芝家」（今天）（日期：“上周”先按今天记，回复 改日期 11月16日 可以改）')
    await h.say({ from: '张秀英', text: '改日期 11月17日' })
    expect(h.take()[0]!.text).toContain('联系贫困家庭「孙桂芝家」（11月17日）')
    await h.say({ from: '张秀英', text: '1' })
    expect(h.take()[0]!.text).toContain('已记录：联系贫困家庭「孙桂芝家」（11月17日）')
  })
})
