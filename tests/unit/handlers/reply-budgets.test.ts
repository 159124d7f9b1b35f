/**
 * Budgets per purpose (issue 20): replies to strangers and constituents, and binding requests, have
 * small budgets of their own and never count toward the notices' send cap; a "我是" tells a stranger
 * nothing about the roster; bind codes for admins and chairs come from the unit above.
 */
import { createHandlerHarness } from '../../support/handler-harness'
import { CLAIM_RECEIVED } from '../../../handlers/identity-handler'
import { CLAIM_BUDGET, REPLY_BUDGETS } from '../../../src/domain/reply-budget'

const EXEC = '白庙村执委工作交流群'
const PUBLIC = '白庙村联系群众群'

async function setup() {
  const h = createHandlerHarness({ at: '2026-11-23T10:00:00+08:00' })
  const people = await h.roster([
    { name: '区管理员', role: 'admin', org: '樊城区', parent: '襄阳市' },
    { name: '许干部', role: 'admin', org: '白庙村', parent: '樊城区' },
    { name: '周干部', role: 'admin', org: '白庙村', parent: '樊城区', wechatName: '小周' },
    { name: '王主席', role: 'chair', org: '白庙村', parent: '樊城区', wechatName: '主席微信' },
    { name: '张秀英', role: 'executive', org: '白庙村', parent: '樊城区', wechatName: '秀英🌸' },
    { name: '李娟', role: 'executive', org: '白庙村', parent: '樊城区', wechatName: '娟子' },
    { name: '刘梅', role: 'executive', org: '白庙村', parent: '樊城区', wechatName: '梅子' },
    { name: '陈静', role: 'executive', org: '白庙村', parent: '樊城区', wechatName: '静静' },
    { name: '王芳', role: 'executive', org: '白庙村', parent: '樊城区' },
    { name: '王芳', role: 'executive', org: '李庄村', parent: '樊城区', wechatName: '芳芳姐' },
  ])
  await h.bindGroup(EXEC, 'executive', '白庙村')
  await h.bindGroup(PUBLIC, 'constituent', '白庙村')
  h.take()
  return { h, people }
}

/** Binding questions queued for admins, by admin. */
async function bindQuestions(h: ReturnType<typeof createHandlerHarness>): Promise<string[]> {
  const out: string[] = []
  for (let item = await h.repos.outbox.nextCandidate(h.clock.now(), 'bot'); item;) {
    await h.repos.outbox.markSent(item.id, h.clock.now(), 'bot')
    if (item.kind === 'bind-request') out.push(item.text)
    item = await h.repos.outbox.nextCandidate(h.clock.now(), 'bot')
  }
  return out
}

describe('replies to people the bot does not know', () => {
  it('tells a stranger in private a few times, then stays silent (RL-01)', async () => {
    const { h } = await setup()
    for (let i = 0; i < 30; i++) await h.say({ from: '陌生人R', text: i < 15 ? `你好${i}` : `#进度 ${i}` })
    const replies = h.take()
    expect(replies.length).toBe(REPLY_BUDGETS.stranger.private)
    expect(replies[0]!.text).toContain('您还不在执委名单里')
    // A day later she is told again.
    h.clock.set(new Date('2026-11-24T10:00:01+08:00'))
    await h.say({ from: '陌生人R', text: '你好' })
    expect(h.take()).toHaveLength(1)
  })

  it('answers a constituent flooding her group once (RL-03)', async () => {
    const { h } = await setup()
    for (let i = 0; i < 20; i++) await h.say({ room: PUBLIC, from: '群众丙', text: `#进度${'!'.repeat(i)}` })
    for (let i = 0; i < 10; i++) await h.say({ room: PUBLIC, from: '群众丙', text: `@妇联助手 你好${i}` })
    expect(h.take()).toHaveLength(1)
    // An executive in the same group is answered as always.
    await h.say({ room: PUBLIC, from: '王芳', text: '#进度' })
    expect(h.take()[0]!.text).toContain('为保护隐私')
  })

  it('does not let strangers’ replies push a notice back (RL-02)', async () => {
    const { h } = await setup()
    for (let i = 0; i < 620; i++) await h.say({ room: EXEC, from: `陌生人${i % 7}`, text: `#联系 某人${i}` })
    expect(h.take().length).toBeLessThanOrEqual(7)
    expect(h.deps.replies.recent(h.clock.now())).toEqual([])
    await h.say({ from: '许干部', text: '#通知 执委群 明天上午九点开会' })
    expect(h.take()[0]!.text).toMatch(/约 1 分钟内发完/)
  })

  it('still counts members’ replies toward the account’s caps', async () => {
    const { h } = await setup()
    await h.say({ room: EXEC, from: '王芳', text: '#联系 刘翠花' })
    expect(h.deps.replies.recent(h.clock.now())).toHaveLength(1)
  })
})

describe('binding requests', () => {
  it('answer every 我是 alike: no unit named, no name confirmed or denied (ID-06)', async () => {
    const { h } = await setup()
    for (const text of ['我是 王芳', '我是 陈静', '我是 张三', '我是 李庄村的王芳']) {
      await h.say({ from: `陌生人${text}`, text })
      expect(h.take().map((s) => s.text)).toEqual([CLAIM_RECEIVED])
    }
    expect(CLAIM_RECEIVED).not.toMatch(/白庙村|李庄村/)
  })

  it(`forward at most ${CLAIM_BUDGET.perClaimant} claims of one stranger and ${CLAIM_BUDGET.perMember} for one member a day (ID-05)`, async () => {
    const { h } = await setup()
    for (const name of ['张秀英', '李娟', '刘梅', '陈静', '张秀英', '李娟'])
      await h.say({ from: '陌生人G', text: `我是 ${name}` })
    expect(await bindQuestions(h)).toHaveLength(CLAIM_BUDGET.perClaimant)
    for (let i = 0; i < 10; i++) await h.say({ from: `冒充者${i}`, text: '我是 张秀英' })
    // 陌生人G already asked once for 张秀英: one more reaches the admin, the other nine do not.
    expect(await bindQuestions(h)).toHaveLength(CLAIM_BUDGET.perMember - 1)
  })

  it(`reply to one WeChat at most ${REPLY_BUDGETS.binding.private} times a day`, async () => {
    const { h } = await setup()
    for (let i = 0; i < 20; i++) await h.say({ from: '陌生人H', text: `我是 张三${'一二三四五六七八九十'[i % 10]}` })
    expect(h.take()).toHaveLength(REPLY_BUDGETS.binding.private)
  })
})

describe('bind codes (ID-09)', () => {
  it('are refused for a peer admin or a chair of her own unit, and given by the unit above', async () => {
    const { h } = await setup()
    await h.say({ from: '许干部', text: '#绑定码 周干部' })
    expect(h.take()[0]!.text).toBe('管理员的绑定码要由上级单位的管理员发放。')
    await h.say({ from: '许干部', text: '#绑定码 王主席' })
    expect(h.take()[0]!.text).toBe('主席的绑定码要由上级单位的管理员发放。')
    await h.say({ from: '许干部', text: '#绑定码 区管理员' })
    expect(h.take()[0]!.text).toContain('名单里没有找到')
    await h.say({ from: '许干部', text: '#绑定码 张秀英' })
    expect(h.take()[0]!.text).toMatch(/白庙村的张秀英的绑定码：\d{8}/)
    await h.say({ from: '区管理员', text: '#绑定码 周干部' })
    expect(h.take()[0]!.text).toMatch(/白庙村的周干部的绑定码：\d{8}/)
  })
})
