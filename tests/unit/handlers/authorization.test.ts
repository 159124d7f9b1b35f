/** Every command against every kind of sender: what each may do, and a refusal sentence for the rest. */
import { createHandlerHarness } from '../../support/handler-harness'
import type { UserErrorCode } from '../../../handlers/core/user-error'

const EXEC = '襄阳市执委工作交流群'
const PUBLIC = '襄阳市联系群众群'
/** The codes of a refusal (handlers/user-error): who may do what, and where. */
const REFUSED: readonly UserErrorCode[] = [
  'stranger',
  'adminOnly',
  'leaderOnly',
  'noChecklist',
  'privacy',
  'executivesOnly',
  'notConstituent',
]
const refusedIn = (codes: readonly UserErrorCode[]) => codes.some((c) => REFUSED.includes(c))

type Who = 'executive' | 'chair' | 'admin' | 'constituent' | 'stranger'
const SENDER: Record<Who, { from: string; room: string }> = {
  executive: { from: '张三', room: EXEC },
  chair: { from: '王主席', room: EXEC },
  admin: { from: '李干部', room: EXEC },
  constituent: { from: '群众甲', room: PUBLIC },
  stranger: { from: '路人', room: EXEC },
}
const ALL: Who[] = ['executive', 'chair', 'admin', 'constituent', 'stranger']
const RECORDERS: Who[] = ['executive', 'chair']
const ADMIN: Who[] = ['admin']

/** command → who may use it; '#收到' is silent in groups for everyone. */
const MATRIX: [string, Who[]][] = [
  ['#联系 刘翠花 电话了解', RECORDERS],
  ['#日记 走访三户', RECORDERS],
  // From a constituent, a need is her request, passed on to the executives of the group's unit.
  ['#需求 希望参加培训', [...RECORDERS, 'constituent']],
  ['#进度', RECORDERS],
  ['#撤销', RECORDERS],
  ['#汇总', ['executive', 'chair', 'admin']],
  ['#通知 执委群 周五开会', ADMIN],
  ['#回执', ADMIN],
  ['#轮值 张三', ADMIN],
  ['#设置 点名 开', ADMIN],
  ['#绑定 执委群', ADMIN],
  ['#帮助', ALL],
]

async function setup() {
  const h = createHandlerHarness()
  await h.roster([
    { name: '王主席', role: 'chair', org: '襄阳市' },
    { name: '李干部', role: 'admin', org: '襄阳市' },
    { name: '张三', role: 'executive', org: '襄阳市' },
  ])
  await h.bindGroup(EXEC, 'executive', '襄阳市')
  await h.bindGroup(PUBLIC, 'constituent', '襄阳市')
  return h
}

const cases = MATRIX.flatMap(([text, allowed]) => ALL.map((who) => [text, who, allowed.includes(who)] as const))

describe('authorization matrix', () => {
  it.each(cases)('%s from %s: allowed=%s', async (text, who, allowed) => {
    const h = await setup()
    const { from, room } = SENDER[who]
    expect(await h.say({ from, text, room })).not.toBe('failed')
    const replies = h.take().filter((m) => m.mentions.includes(from) || m.to === from)
    expect(replies).toHaveLength(1)
    expect({ text, who, refused: refusedIn(h.userErrors) }).toEqual({ text, who, refused: !allowed })
  })

  it('records #收到 silently in groups for everyone, and answers it in private chat', async () => {
    const h = await setup()
    for (const who of ALL) {
      const { from, room } = SENDER[who]
      await h.say({ from, text: '#收到', room })
      expect(h.take()).toEqual([])
    }
    await h.say({ from: '张三', text: '#收到' })
    expect(h.take()).toHaveLength(1)
  })
})

/**
 * A misspelt command and a sentence that asks for the same thing go down the command's own route: its
 * guards refuse them wherever they refuse the typed command (issue 20, GU-01/GU-02).
 */
const VARIANTS: [string, string][] = [
  ['#进毒', '#进度'],
  ['＃进渡', '#进度'],
  ['@妇联助手 我的进度怎么样了', '#进度'],
  ['#我的纪录', '#我的记录'],
  ['@妇联助手 我都记了哪些', '#我的记录'],
  ['#联细 刘翠花', '#联系 刘翠花'],
  ['#日己 走访三户', '#日记 走访三户'],
  ['@妇联助手 刚才那条记错了，删了吧', '#撤销'],
]
const PLACES: [Who, string, string][] = [
  ['executive', '张三', EXEC],
  ['executive', '张三', PUBLIC],
  ['admin', '李干部', EXEC],
  ['stranger', '路人', EXEC],
]

describe('typo and sentence variants pass the same guards as the command', () => {
  const variantCases = VARIANTS.flatMap(([variant, typed]) =>
    PLACES.map(([who, from, room]) => [variant, typed, who, from, room] as const),
  )
  it.each(variantCases)('%s (as %s) from %s %s in %s', async (variant, typed, _who, from, room) => {
    const typedRefused = async () => {
      const h = await setup()
      await h.say({ from, text: typed, room })
      return refusedIn(h.userErrors)
    }
    const h = await setup()
    expect(await h.say({ from, text: variant, room })).not.toBe('failed')
    const replies = h.take()
    expect({ variant, refused: refusedIn(h.userErrors) }).toEqual({ variant, refused: await typedRefused() })
    // Nothing about her records reaches a constituents' group, whatever the spelling.
    if (room === PUBLIC)
      expect(replies.map((m) => m.text).join('\n')).not.toMatch(/联系妇女代表 \d|条记录|已记录|要撤销/)
  })
})

describe('places', () => {
  it('does not take records in a constituents’ group', async () => {
    const h = await setup()
    await h.say({ room: PUBLIC, from: '张三', text: '#联系 陈桂英 电话13812345678' })
    expect(h.take()[0]!.text).toContain('为保护隐私')
    expect(
      await h.repos.progress.listForYear(2026, [(await h.repos.members.findByContactId(h.contactId('张三')))!.id]),
    ).toEqual([])
  })

  it('stays quiet in an unnamed, unbound group until an admin binds it', async () => {
    const h = await setup()
    expect(await h.say({ room: '读书会', from: '张三', text: '#联系 刘翠花' })).toBe('ignored')
    expect(h.take()).toHaveLength(0)
    await h.say({ room: '读书会', from: '张三', text: '#绑定 执委群' })
    expect(h.take()[0]!.text).toBe('只有管理员可以做这件事。')
    await h.say({ room: '读书会', from: '李干部', text: '#绑定' })
    expect(h.take()[0]!.text).toContain('#绑定 执委群 或 #绑定 群众群')
    await h.say({ room: '读书会', from: '李干部', text: '#绑定 执委群' })
    expect(h.take()[0]!.text).toContain('已将本群设为【执委工作交流群】（襄阳市）')
    await h.say({ room: '读书会', from: '张三', text: '#联系 刘翠花' })
    expect(h.take()[0]!.text).toContain('已记录')
  })

  it('treats a never-bound group whose name says both 执委 and 群众 as a constituents’ group', async () => {
    const h = await setup()
    for (const room of ['执委与群众联谊群', '群众执委群']) {
      await h.say({ room, from: '张三', text: '#进度' })
      await h.say({ room, from: '张三', text: '#帮扶 王建国家 低保' })
      const replies = h.take().map((m) => m.text)
      expect(replies).toHaveLength(2)
      for (const text of replies) expect(text).toContain('为保护隐私')
    }
    const zhang = (await h.repos.members.findByContactId(h.contactId('张三')))!
    expect(await h.repos.progress.listForYear(2026, [zhang.id])).toEqual([])
  })

  it('asks for text when sent a picture privately, and ignores pictures in groups', async () => {
    const h = await setup()
    expect(await h.handle({ ...h.message({ from: '张三', text: '' }), kind: 'media' })).toBe('handled')
    expect(h.take()[0]!.text).toContain('图片和文件我看不懂')
    expect(await h.handle({ ...h.message({ from: '张三', text: '', room: EXEC }), kind: 'media' })).toBe('ignored')
  })

  it('reads a command written without its # as a sentence, and records nothing before her "1"', async () => {
    const h = await setup()
    await h.say({ from: '张三', text: '联系 刘翠花 电话了解情况' })
    expect(h.take()[0]!.text).toBe('我理解为：\n联系妇女代表「刘翠花」（今天）\n回复 1 记下，回复 0 取消')
    const zhang = await h.repos.members.findByContactId(h.contactId('张三'))
    expect(await h.repos.progress.ledger(zhang!.id, 2026)).toEqual([])
    await h.say({ from: '张三', text: '联系一下你们' })
    expect(h.take()[0]!.text).toContain('没看明白要记什么')
  })

  it('ignores group chatter without touching the repositories', async () => {
    const h = createHandlerHarness({
      repos: new Proxy(
        {},
        {
          get: () => {
            throw new Error('touched')
          },
        },
      ) as never,
    })
    expect(await h.say({ room: EXEC, from: '张三', text: '大家周末愉快' })).toBe('ignored')
  })
})

describe('notices and the constituents’ group', () => {
  const queued = (h: Awaited<ReturnType<typeof setup>>) => h.repos.outbox.depth()

  it('sends a notice without an audience to executives’ groups only, and says so', async () => {
    const h = await setup()
    await h.say({ room: EXEC, from: '李干部', text: '#通知 周五下午三点开会，有事找办公室 0710-3456789' })
    const reply = h.take()[0]!.text
    expect(reply).toContain('发往 1 个执委群')
    expect(reply).toContain('只发执委群')
    const notice = (await h.repos.notices.findByNumber(1))!
    expect(notice.roomIds).toEqual([h.roomId(EXEC)])
    // Her office phone is the point of the notice: it goes out as she wrote it.
    expect(notice.content).toContain('0710-3456789')
  })

  it('holds a notice for the constituents’ group that shows a personal number until she answers 1', async () => {
    const h = await setup()
    await h.say({ room: EXEC, from: '李干部', text: '#通知 群众群 义诊报名找张三 13812345678' })
    const question = h.take()[0]!.text
    expect(question).toContain('像个人号码的数字（138****5678）')
    expect(question).toContain('回复 1 照原样发送')
    expect(await h.repos.notices.findByNumber(1)).toBeUndefined()
    await h.say({ room: EXEC, from: '李干部', text: '1' })
    expect(h.take()[0]!.text).toContain('已安排第 1 号通知发往 1 个群众群')
    const notice = (await h.repos.notices.findByNumber(1))!
    expect(notice.content).toContain('13812345678')
    // Executives are not chased for a notice that went only to the public.
    expect(notice.executiveIds).toEqual([])
    await h.say({ room: EXEC, from: '李干部', text: '#通知 群众群 周六义诊，电话 13900001111' })
    h.take()
    await h.say({ room: EXEC, from: '李干部', text: '0' })
    expect(h.take()[0]!.text).toBe('好的，已取消，什么也没记。')
    expect(await h.repos.notices.findByNumber(2)).toBeUndefined()
    expect(await queued(h)).toBe(1)
  })

  it('names no executive in the constituents’ group: #回执 gives counts, #轮值 is refused', async () => {
    const h = await setup()
    await h.say({ room: EXEC, from: '李干部', text: '#通知 全部 周五开会' })
    await h.say({ room: EXEC, from: '张三', text: '收到' })
    h.take()
    await h.say({ room: PUBLIC, from: '李干部', text: '#回执' })
    const counts = h.take()[0]!.text
    expect(counts).toContain('执委已确认 1/1 人')
    expect(counts).not.toContain('张三')
    await h.say({ room: EXEC, from: '李干部', text: '#回执' })
    expect(h.take()[0]!.text).toContain('执委已确认 1/1 人：张三')
    await h.say({ room: PUBLIC, from: '李干部', text: '#轮值 张三' })
    expect(h.take()[0]!.text).toContain('为保护隐私')
  })
})
