/** #回执: who acknowledged a notice, namesakes told apart by their units. */
import { createHandlerHarness } from '../../support/handler-harness'

describe('#回执 with namesakes', () => {
  it('reads 王芳（白庙村）and 王芳（李庄村）, never 王芳、王芳', async () => {
    const h = createHandlerHarness({ at: '2026-11-23T10:00:00+08:00' })
    await h.roster([
      { name: '李干部', role: 'admin', org: '樊城区' },
      { name: '王芳', role: 'executive', org: '白庙村', parent: '樊城区' },
      { name: '王芳', role: 'executive', org: '李庄村', parent: '樊城区', wechatName: '芳芳姐' },
      { name: '张敏', role: 'executive', org: '李庄村', parent: '樊城区' },
    ])
    await h.bindGroup('樊城区执委群', 'executive', '樊城区')
    await h.say({ room: '樊城区执委群', from: '李干部', text: '#通知 执委群 周五开会' })
    await h.say({ room: '樊城区执委群', from: '王芳', text: '收到' })
    await h.say({ room: '樊城区执委群', from: '张敏', text: '收到' })
    h.take()
    await h.say({ from: '李干部', text: '#回执' })
    const text = h.take()[0]!.text
    expect(text).toContain('执委已确认 2/3 人：张敏、王芳（白庙村）')
    expect(text).toContain('未确认 1 人：王芳（李庄村）')
    expect(text).not.toContain('王芳、')
  })
})
