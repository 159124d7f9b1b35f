import { createHandlerHarness } from '../../support/handler-harness'
import { MESSAGE_LIMITS } from '../../../src/domain/vocabulary'

/** No message costs more than a moment: a length cap, a cap on lines, names and items, each with a sentence. */
const GROUP = '白庙村执委工作交流群'

async function setup() {
  const h = createHandlerHarness()
  const people = await h.roster([
    { name: '许干部', role: 'admin', org: '白庙村' },
    { name: '王芳', role: 'executive', org: '白庙村' },
  ])
  await h.bindGroup(GROUP, 'executive', '白庙村')
  const counts = async () => (await h.repos.progress.get(people['王芳']!.id, 2026))?.representatives ?? 0
  return { h, counts }
}

const names = (n: number, from = 0) =>
  Array.from(
    { length: n },
    (_, i) => `${'王李张刘陈杨赵孙周吴'[(i + from) % 10]}${'秀丽美玉芳桂兰英华红'[Math.floor((i + from) / 10) % 10]}`,
  )

describe('bounded work per message', () => {
  it('refuses a message longer than the cap with one sentence and reads nothing of it', async () => {
    const { h, counts } = await setup()
    const text = '今天上午去看了刘翠花大姐，聊了她家孩子上学的事。'.repeat(200).slice(0, MESSAGE_LIMITS.chars + 1)
    expect(await h.say({ from: '王芳', text })).toBe('userError')
    const [reply, ...more] = h.take()
    expect(more).toEqual([])
    expect(reply!.text).toContain('这条消息太长了，我没有读。每条请不超过 2000 字')
    // Nothing proposed: a "1" now answers no question.
    await h.say({ from: '王芳', text: '1' })
    expect(h.take()[0]!.text).toContain('没有需要回复数字的问题')
    expect(await counts()).toBe(0)
  })

  it('reads a message of exactly the cap as before', async () => {
    const { h } = await setup()
    const text = ('今天上午去看了刘翠花大姐' + '，聊了她家孩子上学的事'.repeat(300)).slice(0, MESSAGE_LIMITS.chars)
    await h.say({ from: '王芳', text })
    expect(h.take()[0]!.text).toContain('我理解为')
  })

  it('stays silent on long group chatter not meant for the bot, and refuses a long command', async () => {
    const { h } = await setup()
    const chatter = '大家好，'.repeat(1000)
    expect(await h.say({ room: GROUP, from: '王芳', text: chatter })).toBe('ignored')
    expect(h.take()).toEqual([])
    await h.say({ room: GROUP, from: '王芳', text: '#日记 ' + '走访'.repeat(1100) })
    expect(h.take()[0]!.text).toContain('这条消息太长了')
  })

  it(`refuses more than ${MESSAGE_LIMITS.lines} # lines in one message, and records ${MESSAGE_LIMITS.lines}`, async () => {
    const { h, counts } = await setup()
    const lines = (n: number, from = 0) =>
      names(n, from)
        .map((n) => `#联系 ${n}`)
        .join('\n')
    await h.say({ room: GROUP, from: '王芳', text: lines(MESSAGE_LIMITS.lines + 1) })
    const [refusal, ...rest] = h.take()
    expect(rest).toEqual([])
    expect(refusal!.text).toContain(
      `一条消息最多 ${MESSAGE_LIMITS.lines} 行命令，这条有 ${MESSAGE_LIMITS.lines + 1} 行，我没有记`,
    )
    expect(await counts()).toBe(0)
    await h.say({ room: GROUP, from: '王芳', text: lines(MESSAGE_LIMITS.lines, 30) })
    expect(await counts()).toBe(MESSAGE_LIMITS.lines)
  })

  it('refuses many # lines also where the unit added its own command words', async () => {
    const { h, counts } = await setup()
    const village = (await h.repos.orgs.findByName('白庙村'))!
    await h.repos.orgs.setSetting(village.id, 'checklist', {
      added: [{ key: 'meeting', label: '参加议事会', words: ['议事'], rule: 'entries', min: 1 }],
    })
    const text = [...names(MESSAGE_LIMITS.lines).map((n) => `#联系 ${n}`), '#议事 村妇联议事会'].join('\n')
    await h.say({ room: GROUP, from: '王芳', text })
    expect(h.take()[0]!.text).toContain('我没有记')
    expect(await counts()).toBe(0)
  })

  it(`refuses more than ${MESSAGE_LIMITS.items} names after one #联系`, async () => {
    const { h, counts } = await setup()
    await h.say({ room: GROUP, from: '王芳', text: `#联系 ${names(MESSAGE_LIMITS.items + 1).join(' ')}` })
    expect(h.take()[0]!.text).toContain(`一次最多记 ${MESSAGE_LIMITS.items} 位`)
    expect(await counts()).toBe(0)
  })

  it(`asks about no more than ${MESSAGE_LIMITS.items} things read from one sentence`, async () => {
    const { h, counts } = await setup()
    const text = names(MESSAGE_LIMITS.items + 1)
      .map((n, i) => `${i + 1}. 今天去看了${n}`)
      .join('\n')
    await h.say({ from: '王芳', text })
    expect(h.take()[0]!.text).toContain(
      `这条读出了 ${MESSAGE_LIMITS.items + 1} 件事，一次最多记 ${MESSAGE_LIMITS.items} 件`,
    )
    await h.say({ from: '王芳', text: '1' })
    expect(h.take()[0]!.text).toContain('没有需要回复数字的问题')
    expect(await counts()).toBe(0)
  })
})
