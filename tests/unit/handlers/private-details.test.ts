/**
 * Issue 20, private details: what a pending question, a notice, the journal, a bind question and the
 * audit trail keep and show of phone and ID numbers; what the group sees of a poor family; which years a
 * sentence may record into; and that characters nobody sees never make one person two.
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHandlerHarness } from '../../support/handler-harness'
import { createMemoryRepos } from '../../support/memory-repos'
import { openJournal } from '../../../src/journal/message-journal'
import type { Proposal } from '../../../src/domain/proposal'

const EXEC = '白庙村执委工作交流群'
const PUBLIC = '白庙村联系群众群'
/** A full number, in any of the ways these tests write it. */
const FULL =
  /13912345678|139 1234 5678|139 12 34 56 78|①③⑨①②③④⑤⑥⑦⑧|139\/1234\/5678|420602198503151234|4 2 0 6 0 2 1 9 8/

async function setup(options: { journal?: Awaited<ReturnType<typeof openJournal>> } = {}) {
  const repos = createMemoryRepos()
  const h = createHandlerHarness({ repos, journal: options.journal, instance: options.journal?.instance })
  const people = await h.roster([
    { name: '许干部', role: 'admin', org: '白庙村' },
    { name: '王芳', role: 'executive', org: '白庙村' },
    { name: '刘梅', role: 'executive', org: '白庙村' },
    { name: '张秀英', role: 'executive', org: '白庙村', wechatName: '秀英13912345678' },
  ])
  await h.bindGroup(EXEC, 'executive', '白庙村')
  await h.bindGroup(PUBLIC, 'constituent', '白庙村')
  // What is stored as a pending question, and what goes through the send queue.
  const stored: Pick<Proposal, 'options'>[] = []
  const ask = repos.questions.ask
  repos.questions.ask = async (owner, year, question) => {
    stored.push(question)
    return ask(owner, year, question)
  }
  const queued: string[] = []
  const enqueue = repos.outbox.enqueue
  repos.outbox.enqueue = async (items, now) => {
    queued.push(...items.map((i) => i.text))
    return enqueue(items, now)
  }
  return { h, repos, people, stored, queued }
}

const texts = (said: { text: string }[]) => said.map((s) => s.text).join('\n')

describe('pending questions are masked before they are stored and shown (MK-04)', () => {
  it.each([
    ['写个日记：李大姐电话139 1234 5678，身份证420602198503151234'],
    ['记个需求：王大姐想学家政，电话13912345678'],
    ['写个日记：李大姐电话139 12 34 56 78，想学家政'],
  ])('%s', async (text) => {
    const { h, stored } = await setup()
    await h.say({ from: '王芳', text })
    const question = texts(h.take())
    expect(question).toContain('我理解为')
    expect(question).not.toMatch(FULL)
    expect(stored).toHaveLength(1)
    expect(JSON.stringify(stored)).not.toMatch(FULL)
    expect(JSON.stringify(stored)).toMatch(/139\*{4}5678|420602\*{8}1234/)
  })
})

describe('notices with numbers (NO-04, NO-05, NO-06)', () => {
  it.each([
    ['#通知 群众群 有困难请联系王主任 139 12 34 56 78'],
    ['#通知 群众群 有困难请联系王主任①③⑨①②③④⑤⑥⑦⑧'],
    ['#通知 全部 请单亲妈妈李小红明天来妇联，电话139/1234/5678'],
  ])('asks before a personal number reaches a constituents’ group: %s', async (text) => {
    const { h, repos, stored } = await setup()
    await h.say({ room: EXEC, from: '许干部', text })
    const question = texts(h.take())
    expect(question).toMatch(/像个人号码的数字（(?:139|①③⑨)\*{4}(?:5678|⑤⑥⑦⑧)）/)
    expect(question).toContain('回复 1 照原样发送')
    expect(question).toContain('回复 2 隐去号码后发送')
    expect(await repos.notices.findByNumber(1)).toBeUndefined()
    // Only the as-written option keeps the number, and only until she answers.
    expect(stored[0]!.options[1]!.actions).toEqual([
      expect.objectContaining({ content: expect.stringContaining('****') }),
    ])
  })

  it('asks before an ID number reaches any group, and sends it masked on a quick "1"', async () => {
    const { h, repos, queued } = await setup()
    const text = '#通知 执委群 低保户王建国（身份证420602198503151234）明天来领补助'
    await h.say({ room: EXEC, from: '许干部', text })
    const question = texts(h.take())
    expect(question).toContain('身份证号或银行卡号（420602********1234）')
    expect(question).toContain('回复 1 隐去号码后发送')
    expect(await repos.notices.findByNumber(1)).toBeUndefined()
    await h.say({ room: EXEC, from: '许干部', text: '1' })
    expect(texts(h.take())).toContain('已安排第 1 号通知')
    expect((await repos.notices.findByNumber(1))!.content).toContain('420602********1234')
    expect(queued.join('\n')).not.toMatch(FULL)
  })

  it('asks for an ID written one digit at a time too, and sends it as written only when she says so', async () => {
    const { h, repos } = await setup()
    const text = '#通知 执委群 低保户王建国（身份证4 2 0 6 0 2 1 9 8 5 0 3 1 5 1 2 3 4）明天来领补助'
    await h.say({ room: EXEC, from: '许干部', text })
    expect(texts(h.take())).toContain('回复 2 照原样发送')
    await h.say({ room: EXEC, from: '许干部', text: '2' })
    expect((await repos.notices.findByNumber(1))!.content).toContain('4 2 0 6 0 2 1 9 8 5 0 3 1 5 1 2 3 4')
  })

  it('journals a notice masked; a replay in the same process still sends the office phone as written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'journal-'))
    const path = join(dir, 'inbox.jsonl')
    const journal = await openJournal(path)
    const { h, repos } = await setup({ journal })
    const create = repos.notices.create
    let failures = 4 // the first attempt and the three tried again at once
    repos.notices.create = async (...args) => {
      if (failures-- > 0) throw Object.assign(new Error('connection lost'), { name: 'MongoNetworkError' })
      return create(...args)
    }
    const msg = h.message({ room: EXEC, from: '许干部', text: '#通知 执委群 周五开会，有事找王主任13912345678' })
    expect(await h.handle(msg)).toBe('deferred')
    expect(readFileSync(path, 'utf8')).not.toMatch(FULL)
    expect(readFileSync(path, 'utf8')).toContain('139****5678')
    const [copy] = journal.pending()
    expect(copy!.text).toContain('139****5678')
    expect(await h.handle(copy!, { replay: true })).toBe('handled')
    expect((await repos.notices.findByNumber(1))!.content).toContain('13912345678')
    expect(journal.pending()).toEqual([])
    await journal.close()
  })
})

describe('nicknames shown to admins and kept in the audit trail (MK-05)', () => {
  it('masks a number in a claimant’s nickname in the question, the pending answer and the audit entry', async () => {
    const { h, repos, stored, queued } = await setup()
    await h.say({ from: '秀英13912345678', text: '我是 张秀英' })
    h.take()
    expect(queued.join('\n')).toContain('微信昵称“秀英139****5678”')
    expect(queued.join('\n')).not.toMatch(FULL)
    expect(JSON.stringify(stored)).not.toMatch(FULL)
    await h.say({ from: '许干部', text: '1' })
    expect(texts(h.take())).toContain('已绑定：“秀英139****5678”')
    const audit = await repos.audit.recent()
    expect(audit.some((e) => e.detail.includes('秀英139****5678'))).toBe(true)
    expect(JSON.stringify(audit)).not.toMatch(FULL)
  })
})

describe('group replies name a family, never describe it (PR-01, PR-02, PR-03, PR-05)', () => {
  it.each([
    ['#帮扶：李有才家，低保户，丈夫瘫痪在床', '李有才家', /瘫痪/],
    ['#帮扶 赵大山家低保户老人住院欠了两万多', '赵大山家', /住院|两万/],
    ['#帮扶 孙家(单亲妈妈，孩子有自闭症)', '孙家', /自闭症|单亲/],
  ])('%s', async (text, name, situation) => {
    const { h, repos, people } = await setup()
    await h.say({ room: EXEC, from: '王芳', text })
    const reply = texts(h.take())
    expect(reply).toContain(`联系贫困家庭「${name}」`)
    expect(reply).not.toMatch(situation)
    const [item] = await repos.progress.ledger(people['王芳']!.id, 2026)
    expect(item!.subject).toBe(name)
    // What happened is kept with the record, as its detail.
    expect(JSON.stringify(await repos.progress.findEvent(item!.id))).toMatch(situation)
  })

  it('asks privately, with a generic line in the group, when it cannot tell the name from the rest', async () => {
    const { h, repos, people, queued } = await setup()
    await h.say({ room: EXEC, from: '王芳', text: '#帮扶 王家庄李大姐老伴瘫痪' })
    const group = h.take()
    expect(group).toEqual([expect.objectContaining({ room: EXEC })])
    expect(group[0]!.text).not.toMatch(/瘫痪|李大姐/)
    expect(queued.join('\n')).toContain('家庭名称是「王家」吗？')
    expect(await repos.progress.ledger(people['王芳']!.id, 2026)).toEqual([])
    await h.say({ from: '王芳', text: '1' })
    expect(texts(h.take())).toContain('联系贫困家庭「王家」')
  })

  it('keeps the question she was asked privately when a family question about a group message comes after it', async () => {
    const { h, repos, people, queued } = await setup()
    await h.say({ from: '王芳', text: '今天上午去看了代表刘翠花' })
    expect(texts(h.take())).toContain('回复 1')
    await h.say({ room: EXEC, from: '王芳', text: '#帮扶 王家庄李大姐老伴瘫痪' })
    h.take()
    expect(queued.join('\n')).toContain('家庭名称是「王家」吗？')
    // Two questions wait in her private chat; the group's does not replace the one she was asked there.
    await h.say({ from: '王芳', text: '1' })
    const listed = texts(h.take())
    expect(listed).toMatch(/1-1|2-1/)
    expect(listed).not.toContain('不再等回复')
    expect(await repos.progress.ledger(people['王芳']!.id, 2026)).toEqual([])
  })

  it('records nothing and echoes nothing when there is no name at all', async () => {
    const { h, repos, people } = await setup()
    await h.say({ room: EXEC, from: '王芳', text: '#帮扶 低保户老人住院欠了两万多' })
    const reply = texts(h.take())
    expect(reply).toContain('这条没有记')
    expect(reply).not.toMatch(/住院|两万/)
    expect(await repos.progress.ledger(people['王芳']!.id, 2026)).toEqual([])
  })

  it('lists families by name only when it asks which one a #解决 means', async () => {
    const { h } = await setup()
    await h.say({ room: EXEC, from: '王芳', text: '#帮扶 赵大山家低保户老人住院欠了两万多' })
    await h.say({ room: EXEC, from: '王芳', text: '#帮扶 周家 丈夫家暴 妻子想离婚' })
    h.take()
    await h.say({ room: EXEC, from: '王芳', text: '#解决 赵家孩子申请到了残疾人补贴' })
    const reply = texts(h.take())
    expect(reply).toContain('周家、赵大山家')
    expect(reply).not.toMatch(/住院|家暴|离婚/)
  })

  it('refuses a #改 that would put a family’s situation into its name, without repeating it', async () => {
    const { h, repos, people } = await setup()
    await h.say({ room: EXEC, from: '王芳', text: '#帮扶 王建国家' })
    h.take()
    await h.say({ room: EXEC, from: '王芳', text: '#改 1 王建国家低保户老人住院欠了两万多' })
    const reply = texts(h.take())
    expect(reply).toContain('没有改')
    expect(reply).not.toMatch(/住院|两万/)
    const [item] = await repos.progress.ledger(people['王芳']!.id, 2026)
    expect(item!.subject).toBe('王建国家')
  })
})

describe('a sentence records only into this year or last (YR-02, YR-03, YR-04)', () => {
  it.each([
    '2024年11月20日去看了刘翠花大姐，聊了孩子上学的事',
    '1990年3月5日去看了张桂兰大姐，聊了孩子上学的事',
    '2024/11/20去看了赵玉梅大姐',
    '2024.11.20去看了孙凤英大姐',
    '999年3月5日去看了陈桂英大姐，聊了孩子上学的事',
    '一九九〇年三月五日去看了李秀兰大姐，聊了孩子上学的事',
    '24年11月20日去看了王秀珍大姐，聊了孩子上学的事',
    '前年国庆节去看了马丽大姐，聊了孩子上学的事',
    '1990年3月5日建了个村里的正能量群',
    '写个日记：2019年5月1日走访了三户',
  ])('%s', async (text) => {
    const { h, repos, people } = await setup()
    await h.say({ from: '王芳', text })
    expect(texts(h.take())).toContain('只能补记今年和去年的事项')
    await h.say({ from: '王芳', text: '1' })
    h.take()
    for (const year of [2026, 2025, 2024, 2019, 1990, 999])
      expect(await repos.progress.ledger(people['王芳']!.id, year)).toEqual([])
  })

  it('still records last year’s day written with a two-digit year', async () => {
    const { h, repos, people } = await setup()
    await h.say({ from: '王芳', text: '25年12月31日去看了吴桂芝大姐' })
    expect(texts(h.take())).toContain('2025年12月31日')
    await h.say({ from: '王芳', text: '1' })
    expect(await repos.progress.ledger(people['王芳']!.id, 2025)).toHaveLength(1)
  })
})

describe('characters nobody sees never make one person two (IN-01)', () => {
  const INVISIBLE = ['\u00ad', '\u180e', '\u3164', '\u034f', '\u{e0020}', '\uffa0', '\u2800', '\ufe00', '\u17b4']
  it.each(INVISIBLE.map((c) => [`U+${c.codePointAt(0)!.toString(16).toUpperCase()}`, c]))(
    '%s inside and around a name',
    async (_code, c) => {
      const { h, repos, people } = await setup()
      for (const text of ['#联系 刘翠花', `#联系 刘${c}翠花`, `#联系 ${c}刘翠花${c}`, `今天去看了刘${c}翠花大姐`]) {
        await h.say({ from: '王芳', text })
        if (!text.startsWith('#')) await h.say({ from: '王芳', text: '1' })
      }
      const items = await repos.progress.ledger(people['王芳']!.id, 2026)
      expect(items).toHaveLength(4)
      expect(new Set(items.map((i) => i.key)).size).toBe(1)
      expect(texts(h.take())).toContain('联系妇女代表 1/5–7')
    },
  )
})
