/** #设置 周报 / 日记提醒: which unit a time setting changes, said in the answer. */
import { createHandlerHarness } from '../../support/handler-harness'

async function setup() {
  const h = createHandlerHarness({ at: '2026-11-23T10:00:00+08:00' })
  const people = await h.roster([
    { name: '李干部', role: 'admin', org: '襄阳市' },
    { name: '周干部', role: 'admin', org: '襄城区', parent: '襄阳市' },
    { name: '刘英', role: 'executive', org: '樊城区', parent: '襄阳市' },
    { name: '王芳', role: 'executive', org: '白庙村', parent: '樊城区' },
  ])
  await h.bindGroup('白庙村执委工作交流群', 'executive', '白庙村')
  const unit = async (name: string) => (await h.repos.orgs.findByName(name))!
  return { h, people, unit }
}

describe('#设置 周报 typed in a group', () => {
  it('changes the group’s unit (a village) when a city admin types it there, and names it', async () => {
    const { h, unit } = await setup()
    await h.say({ room: '白庙村执委工作交流群', from: '李干部', text: '#设置 周报 周二 10:00' })
    expect(h.take()[0]!.text).toBe('好的，白庙村的周报改为每周二 10:00。')
    expect((await unit('白庙村')).settings.weeklyProgress).toEqual({ weekday: 2, hour: 10, minute: 0 })
    expect((await unit('襄阳市')).settings.weeklyProgress).toBeUndefined()
  })

  it('changes her own unit in private chat, and says which', async () => {
    const { h, unit } = await setup()
    await h.say({ from: '李干部', text: '#设置 日记提醒 周五 18:00' })
    expect(h.take()[0]!.text).toBe('好的，襄阳市的日记提醒改为每周五 18:00。')
    expect((await unit('襄阳市')).settings.diaryReminder).toEqual({ weekday: 5, hour: 18, minute: 0 })
  })

  it('refuses a group outside her scope and changes nothing', async () => {
    const { h, unit } = await setup()
    await h.say({ room: '白庙村执委工作交流群', from: '周干部', text: '#设置 周报 周二 10:00' })
    expect(h.take()[0]!.text).toBe('本群属于白庙村，不在您管理的范围内，请在本单位的群里或私聊我发送。')
    expect((await unit('白庙村')).settings.weeklyProgress).toBeUndefined()
    expect((await unit('襄城区')).settings.weeklyProgress).toBeUndefined()
  })
})
