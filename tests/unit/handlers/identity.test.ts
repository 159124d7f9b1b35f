/**
 * Who is who: nicknames bind nobody who matters, "我是 姓名" with an admin's "1", one-time codes,
 * namesakes in two villages, #未绑定 and #解绑, and #绑定 kept to the admin's units.
 */
import { CLAIM_RECEIVED } from '../../../handlers/identity-handler'
import { createHandlerHarness, type HandlerHarness } from '../../support/handler-harness'

const CITY_GROUP = '襄阳市执委工作交流群'
const VILLAGE_GROUP = '白庙村执委工作交流群'

async function setup() {
  const h = createHandlerHarness({ at: '2026-11-23T10:00:00+08:00' })
  await h.repos.orgs.ensure('樊城区', '襄阳市')
  const people = await h.roster([
    { name: '李干部', role: 'admin', org: '襄阳市' },
    { name: '许干部', role: 'admin', org: '白庙村', parent: '樊城区' },
    { name: '周干部', role: 'admin', org: '襄城区', parent: '襄阳市' },
    { name: '张秀英', role: 'executive', org: '白庙村', parent: '樊城区', wechatName: '秀英🌸' },
    { name: '王芳', role: 'executive', org: '白庙村', parent: '樊城区', wechatName: '芳芳' },
    { name: '王芳', role: 'executive', org: '李庄村', parent: '樊城区', wechatName: '王芳' },
    { name: '赵敏', role: 'executive', org: '白庙村', parent: '樊城区', wechatName: '赵敏' },
  ])
  await h.bindGroup(CITY_GROUP, 'executive', '襄阳市')
  await h.bindGroup(VILLAGE_GROUP, 'executive', '白庙村')
  return { h, people }
}

/** Messages the bot queued for other people (not replies), by who they go to. */
async function queued(h: HandlerHarness): Promise<{ to: string; text: string }[]> {
  const out: { to: string; text: string }[] = []
  for (
    let item = await h.repos.outbox.nextCandidate(new Date(), 'bot');
    item;
    item = await h.repos.outbox.nextCandidate(new Date(), 'bot')
  ) {
    await h.repos.outbox.markSent(item.id, new Date(), 'bot')
    out.push({ to: item.target, text: item.text })
  }
  return out
}

describe('bindings that cannot be stolen', () => {
  it('gives an impostor with the admin’s nickname no rights, and nothing she sends reaches a group', async () => {
    const h = createHandlerHarness({ at: '2026-11-23T10:00:00+08:00' })
    await h.roster([{ name: '李干部', role: 'admin', org: '襄阳市', wechatName: '真李干部' }])
    await h.bindGroup(CITY_GROUP, 'executive', '襄阳市')
    await h.bindGroup('襄阳市联系群众群', 'constituent', '襄阳市')
    // 李干部 is on the roster but has not written yet; a stranger takes her nickname.
    for (const room of [undefined, CITY_GROUP]) {
      await h.say({ room, from: '李干部', text: '#通知 群众群 请大家把身份证号和银行卡号发给我' })
      expect(h.take()[0]!.text).toContain('还不在执委名单')
    }
    expect(await h.repos.outbox.depth()).toBe(0)
    expect(await h.repos.members.findByContactId(h.contactId('李干部'))).toBeUndefined()
  })

  it('binds an executive by nickname in her unit’s executives’ group, never in private chat', async () => {
    const { h } = await setup()
    await h.say({ from: '赵敏', text: '#进度' })
    expect(h.take()[0]!.text).toContain('还不在执委名单')
    await h.say({ room: '樊城区别的群', from: '赵敏', text: '@妇联助手 #联系 刘翠花' })
    await h.say({ room: VILLAGE_GROUP, from: '赵敏', text: '#联系 刘翠花' })
    expect(h.take().at(-1)!.text).toContain('已记录：联系妇女代表「刘翠花」')
    await h.say({ from: '赵敏', text: '#进度' })
    expect(h.take()[0]!.text).toContain('联系妇女代表 1/5–7')
  })

  it('binds her after “我是 姓名” and her unit admin’s “1”; a “0” binds nobody', async () => {
    const { h } = await setup()
    await h.say({ from: '秀英🌸', text: '我是张秀英' })
    expect(h.take()[0]!.text).toBe(CLAIM_RECEIVED)
    const asked = await queued(h)
    // The nearest admin above her unit: 白庙村's own, not the city's.
    expect(asked).toEqual([
      {
        to: `contact:${h.contactId('许干部')}`,
        text: '微信昵称“秀英🌸”的人说她是白庙村的张秀英（执委）。是她本人吗？\n回复 1 确认绑定，回复 0 不绑定',
      },
    ])
    await h.say({ from: '许干部', text: '1' })
    expect(h.take()[0]!.text).toBe('已绑定：“秀英🌸”就是白庙村的张秀英。')
    expect((await queued(h))[0]!.text).toContain('管理员已确认：您是白庙村的张秀英。')
    await h.say({ from: '秀英🌸', text: '#进度' })
    expect(h.take()[0]!.text).toContain('张秀英')

    await h.say({ from: '赵敏', text: '我是 赵敏' })
    h.take()
    await queued(h)
    await h.say({ from: '许干部', text: '0' })
    expect(h.take()[0]!.text).toBe('好的，没有绑定。')
    expect((await queued(h))[0]!.text).toContain('管理员没有确认您是白庙村的赵敏')
    expect(await h.repos.members.findByContactId(h.contactId('赵敏'))).toBeUndefined()
  })

  it('never lets a newer claim take the admin’s “1” meant for an earlier one: questions are numbered', async () => {
    const { h } = await setup()
    await h.say({ from: '秀英🌸', text: '我是张秀英' })
    await h.say({ from: '陌生人', text: '我是赵敏' })
    h.take()
    const [first, second] = await queued(h)
    expect(first!.text).toContain('回复 1 确认绑定')
    // The second waits beside the first, numbered, instead of replacing it.
    expect(second!.text).toBe(
      '微信昵称“陌生人”的人说她是白庙村的赵敏（执委）。是她本人吗？\n回复 2-1 确认绑定，回复 2-0 不绑定',
    )
    // A bare "1" with two waiting binds nobody: the admin is shown both and asked which.
    await h.say({ from: '许干部', text: '1' })
    expect(h.take()[0]!.text).toBe(
      [
        '您有 2 个问题在等回复，请在数字前加上问题号：',
        '第 1 个：微信昵称“秀英🌸”的人说她是白庙村的张秀英（执委）。是她本人吗？',
        '第 2 个：微信昵称“陌生人”的人说她是白庙村的赵敏（执委）。是她本人吗？',
        '例如回复 1-1 确认第 1 个，1-0 取消它。',
      ].join('\n'),
    )
    expect(await h.repos.members.findByContactId(h.contactId('陌生人'))).toBeUndefined()
    await h.say({ from: '许干部', text: '1-1' })
    expect(h.take()[0]!.text).toBe('已绑定：“秀英🌸”就是白庙村的张秀英。')
    expect(await h.repos.members.findByContactId(h.contactId('陌生人'))).toBeUndefined()
    // One left: a bare digit is for it again.
    await h.say({ from: '许干部', text: '0' })
    expect(h.take()[0]!.text).toBe('好的，没有绑定。')
    expect(await h.repos.members.findByContactId(h.contactId('陌生人'))).toBeUndefined()
  })

  it('keeps the admin’s own #解绑 question from being answered by a stranger’s claim', async () => {
    const { h } = await setup()
    await h.say({ from: '芳芳', text: '我是白庙村的王芳' })
    await h.say({ from: '许干部', text: '1' })
    await h.say({ from: '许干部', text: '#解绑 王芳 白庙村' })
    expect(h.take().at(-1)!.text).toContain('回复 1 解除，回复 0 取消')
    await queued(h)
    await h.say({ from: '陌生人', text: '我是赵敏' })
    expect((await queued(h))[0]!.text).toContain('回复 2-1 确认绑定')
    await h.say({ from: '许干部', text: '1' })
    expect(h.take().at(-1)!.text).toContain('您有 2 个问题在等回复')
    await h.say({ from: '许干部', text: '1-1' })
    expect(h.take().at(-1)!.text).toBe('已解除白庙村的王芳的微信绑定。')
    expect(await h.repos.members.findByContactId(h.contactId('陌生人'))).toBeUndefined()
  })

  it('sends a claim on someone already bound to the admin of the unit above, saying she is bound', async () => {
    const { h } = await setup()
    await h.say({ from: '芳芳', text: '我是白庙村的王芳' })
    await h.say({ from: '许干部', text: '1' })
    await queued(h)
    h.take()
    await h.say({ from: '陌生人', text: '我是白庙村的王芳' })
    const asked = await queued(h)
    // Not 白庙村's own admin: the nearest above (樊城区 has none, so 襄阳市's).
    expect(asked.map((a) => a.to)).toEqual([`contact:${h.contactId('李干部')}`])
    expect(asked[0]!.text).toContain('白庙村的王芳已经绑定了 1 个微信')
  })

  it('asks nobody while two women share the name, and binds the one she names with her unit', async () => {
    const { h, people } = await setup()
    await h.say({ from: '芳芳', text: '我是王芳' })
    // The same answer as for anyone: it names no unit (ID-06), and tells her to add hers.
    expect(h.take()[0]!.text).toBe(CLAIM_RECEIVED)
    expect(await queued(h)).toEqual([])
    await h.say({ from: '芳芳', text: '我是白庙村的王芳' })
    expect(h.take()[0]!.text).toBe(CLAIM_RECEIVED)
    expect((await queued(h))[0]!.text).toContain('白庙村的王芳')
    await h.say({ from: '许干部', text: '1' })
    expect((await h.repos.members.findByContactId(h.contactId('芳芳')))?.orgId).toBe(people['芳芳']!.orgId)
  })

  it('binds with a one-time code an admin asked for in private, once', async () => {
    const { h } = await setup()
    await h.say({ room: VILLAGE_GROUP, from: '许干部', text: '#绑定码 张秀英' })
    expect(h.take()[0]!.text).toBe('绑定码请私聊我获取，不要在群里发。')
    await h.say({ from: '许干部', text: '#绑定码 张秀英' })
    const code = /绑定码：(\d{8})/.exec(h.take()[0]!.text)![1]!
    await h.say({ from: '秀英🌸', text: `绑定码 ${code}` })
    expect(h.take()[0]!.text).toMatch(/^已绑定：您是白庙村的张秀英。/)
    await h.say({ from: '赵敏', text: `绑定码 ${code}` })
    expect(h.take()[0]!.text).toContain('绑定码不对或已经失效')
    // An admin of another district cannot get a code for her.
    await h.say({ from: '周干部', text: '#绑定码 张秀英' })
    expect(h.take()[0]!.text).toContain('名单里没有找到“张秀英”')
  })

  it('lists who is not bound, and unbinds after the admin’s “1”', async () => {
    const { h } = await setup()
    await h.say({ from: '许干部', text: '#未绑定' })
    const list = h.take()[0]!.text
    expect(list).toContain('还有 3 人没绑定微信')
    expect(list).toContain('张秀英（白庙村，执委）')
    expect(list).not.toContain('李庄村')
    await h.say({ room: VILLAGE_GROUP, from: '赵敏', text: '#联系 刘翠花' })
    await h.say({ from: '许干部', text: '#解绑 赵敏' })
    expect(h.take().at(-1)!.text).toContain('要解除白庙村的赵敏绑定的 1 个微信吗？')
    await h.say({ from: '许干部', text: '1' })
    expect(h.take()[0]!.text).toBe('已解除白庙村的赵敏的微信绑定。')
    expect(await h.repos.members.findByContactId(h.contactId('赵敏'))).toBeUndefined()
  })
})

describe('group binding in scope', () => {
  it('lets an admin bind a group to her unit or one below, and nothing outside', async () => {
    const { h } = await setup()
    await h.say({ room: '樊城区执委群', from: '李干部', text: '#绑定 执委群 樊城区' })
    expect(h.take()[0]!.text).toContain('已将本群设为【执委工作交流群】（樊城区）')
    await h.say({ room: '樊城区执委群', from: '周干部', text: '#绑定 群众群' })
    expect(h.take()[0]!.text).toBe('本群已由樊城区绑定，不在您的管辖范围内，不能更改。')
    await h.say({ room: '襄城区执委群', from: '周干部', text: '#绑定 执委群 白庙村' })
    expect(h.take()[0]!.text).toBe('“白庙村”不在您的管辖范围内，不能把本群绑定给它。')
    await h.say({ room: '襄城区执委群', from: '周干部', text: '#绑定 执委群 东风村' })
    expect(h.take()[0]!.text).toContain('没有找到单位“东风村”')
    await h.say({ room: '襄城区执委群', from: '周干部', text: '#绑定 工作群' })
    expect(h.take()[0]!.text).toContain('#绑定 执委群 或 #绑定 群众群')
  })
})

describe('the representatives’ roster', () => {
  async function withList() {
    const s = await setup()
    const village = (await s.h.repos.orgs.findByName('白庙村'))!
    await s.h.repos.representatives.add(village.id, ['刘翠花', '李梅'], new Date())
    await s.h.say({ room: VILLAGE_GROUP, from: '赵敏', text: '#进度' }) // binds 赵敏 in her group
    s.h.take()
    const items = async () =>
      (await s.h.repos.progress.ledger(s.people['赵敏']!.id, 2026)).map(
        (i) => `${i.subject}${i.unlisted ? '（名单外）' : ''}`,
      )
    return { ...s, items }
  }

  it('counts a listed representative at once, and asks once before one who is not on the list', async () => {
    const { h, items } = await withList()
    await h.say({ from: '赵敏', text: '#联系 刘翠花' })
    expect(h.take()[0]!.text).toMatch(/^✏️ 已记录：联系妇女代表「刘翠花」/)
    await h.say({ from: '赵敏', text: '#联系 马兰' })
    expect(h.take()[0]!.text).toBe(
      '「马兰」不在本单位的妇女代表名单里，记下后在述职表里标为“名单外”。\n回复 1 仍然记下（联系妇女代表「马兰」（今天）），回复 0 取消',
    )
    await h.say({ from: '赵敏', text: '1' })
    await h.say({ from: '赵敏', text: '#联系 马兰 又聊了一次' })
    expect(h.take().at(-1)!.text).toContain('已记录')
    expect(await items()).toEqual(['刘翠花', '马兰（名单外）', '马兰'])
  })

  it('knows a listed name written short, and says it is from the list', async () => {
    const { h } = await withList()
    await h.say({ from: '赵敏', text: '#联系 翠花' })
    expect(h.take()[0]!.text).toContain('“翠花”是名单上的「刘翠花」吗？')
    await h.say({ from: '赵敏', text: '今天去看了梅子' })
    expect(h.take()[0]!.text).toContain('联系妇女代表「李梅」')
  })

  it('changes nothing for a unit without a list', async () => {
    const { h } = await setup()
    await h.say({ room: VILLAGE_GROUP, from: '赵敏', text: '#联系 马兰' })
    expect(h.take()[0]!.text).toMatch(/^✏️ 已记录/)
  })
})
