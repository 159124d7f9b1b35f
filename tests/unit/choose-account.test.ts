import { chooseAccount } from '../../src/domain/choose-account'
import { formatUndeliverable } from '../../src/domain/format-undeliverable'

describe('chooseAccount', () => {
  it('picks the same account for a target whatever order the accounts come in', () => {
    for (let i = 0; i < 50; i++) {
      const target = `room:r${i}@chatroom`
      expect(chooseAccount(target, ['a', 'b', 'c'])).toBe(chooseAccount(target, ['c', 'a', 'b', 'a']))
    }
  })

  it('spreads targets over the accounts, and has none to give when none is present', () => {
    const picks = Array.from({ length: 200 }, (_, i) => chooseAccount(`room:r${i}`, ['a', 'b']))
    expect(picks.filter((p) => p === 'a').length).toBeGreaterThan(60)
    expect(picks.filter((p) => p === 'b').length).toBeGreaterThan(60)
    expect(chooseAccount('room:r', [])).toBeNull()
  })
})

describe('formatUndeliverable', () => {
  it('says what, where and why, and how the message began', () => {
    const text = formatUndeliverable({
      kind: 'diary-reminder',
      place: { person: '张三' },
      reason: 'unreachable',
      text: '张三您好，本周还没有写妇情日记。',
    })
    expect(text).toContain('妇情日记提醒私聊发给「张三」')
    expect(text).toContain('不是对方的微信好友')
    expect(text).toContain('内容开头：张三您好')
  })

  it('masks a phone or ID number in the preview (issue 20)', () => {
    const text = formatUndeliverable({
      kind: 'notice',
      place: { room: '白庙村执委工作交流群' },
      reason: 'unreachable',
      text: '📢 通知（第 1 号）\n低保户王建国身份证420602198503151234，电话139 1234 5678',
    })
    expect(text).toContain('420602********1234')
    expect(text).not.toMatch(/420602198503151234|1234 5678/)
  })
})
