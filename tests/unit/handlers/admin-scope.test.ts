/**
 * An admin's command typed in another unit's group (probes GU-05, GU-10, GU-11, NO-08): nothing about her
 * units is posted there and nothing of that unit is changed; an executives-only notice's receipts stay out
 * of the constituents' group.
 */
import { createHandlerHarness } from '../../support/handler-harness'

async function setup() {
  const h = createHandlerHarness({ at: '2026-11-23T10:00:00+08:00' })
  await h.roster([
    { name: '许干部', role: 'admin', org: '白庙村', parent: '樊城区' },
    { name: '李庄管理员', role: 'admin', org: '李庄村', parent: '樊城区' },
    { name: '王芳', role: 'executive', org: '白庙村', parent: '樊城区' },
    { name: '刘梅', role: 'executive', org: '白庙村', parent: '樊城区' },
    { name: '赵兰', role: 'executive', org: '李庄村', parent: '樊城区', wechatName: '兰兰' },
  ])
  await h.bindGroup('白庙村执委工作交流群', 'executive', '白庙村')
  await h.bindGroup('白庙村联系群众群', 'constituent', '白庙村')
  await h.bindGroup('李庄村执委工作交流群', 'executive', '李庄村')
  await h.bindGroup('樊城区执委工作交流群', 'executive', '樊城区')
  return h
}

const OUT_OF_SCOPE = /^本群属于(李庄村|白庙村|樊城区)，不在您管理的范围内/

describe('an admin in another unit’s group', () => {
  it('cannot turn the roll call on there (GU-10)', async () => {
    const h = await setup()
    await h.say({ room: '李庄村执委工作交流群', from: '许干部', text: '#设置 点名 开' })
    expect(h.take()[0]!.text).toMatch(OUT_OF_SCOPE)
    const group = await h.repos.groups.findByRoomId(h.roomId('李庄村执委工作交流群'))
    expect(group?.mentionBehind ?? false).toBe(false)
  })

  it('cannot set a duty rotation of her people there', async () => {
    const h = await setup()
    await h.say({ room: '李庄村执委工作交流群', from: '许干部', text: '#轮值 王芳 刘梅' })
    const [reply] = h.take()
    expect(reply!.text).toMatch(OUT_OF_SCOPE)
    expect(reply!.text).not.toMatch(/王芳|刘梅/)
  })

  it('does not list her unbound people there (GU-11)', async () => {
    const h = await setup()
    await h.say({ room: '白庙村执委工作交流群', from: '李庄管理员', text: '#未绑定' })
    const [reply] = h.take()
    expect(reply!.text).toMatch(OUT_OF_SCOPE)
    expect(reply!.text).not.toContain('赵兰')
    // In her own unit's group or privately she still sees them.
    await h.say({ from: '李庄管理员', text: '#未绑定' })
    expect(h.take()[0]!.text).toContain('赵兰（李庄村，执委）')
  })

  it('does not name her executives in a group of a unit above (NO-08)', async () => {
    const h = await setup()
    await h.say({ room: '白庙村执委工作交流群', from: '许干部', text: '#通知 执委群 白庙村执委明天开会' })
    await h.say({ room: '白庙村执委工作交流群', from: '刘梅', text: '收到' })
    h.take()
    await h.say({ room: '樊城区执委工作交流群', from: '许干部', text: '#回执 1' })
    const [reply] = h.take()
    expect(reply!.text).toMatch(OUT_OF_SCOPE)
    expect(reply!.text).not.toMatch(/刘梅|王芳|开会/)
    await h.say({ room: '白庙村执委工作交流群', from: '许干部', text: '#回执 1' })
    expect(h.take()[0]!.text).toContain('执委已确认 1/2 人：刘梅')
  })
})

describe('an executives-only notice', () => {
  it('keeps its text and receipts out of the constituents’ group (GU-05)', async () => {
    const h = await setup()
    await h.say({ room: '白庙村执委工作交流群', from: '许干部', text: '#通知 执委群 周五下午三点开会，仅限执委' })
    h.take()
    await h.say({ room: '白庙村联系群众群', from: '许干部', text: '#回执 1' })
    const [reply] = h.take()
    expect(reply!.text).toBe('第 1 号通知只发给了执委，回执请在执委群里或私聊我查看。')
  })
})
