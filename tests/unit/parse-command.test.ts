import fc from 'fast-check'
import { parseCommand } from '../../src/parser/parse-command'
import type { Command, ParseResult } from '../../src/parser/command-types'

const inGroup = { botName: '妇联助手', requireHash: true }
const inPrivate = { botName: '妇联助手', requireHash: false }

function command(text: string, options = inGroup): Command {
  const result = parseCommand(text, options)
  if (!result?.ok) throw new Error(`expected a command from ${text}, got ${JSON.stringify(result)}`)
  return result.command
}

function error(text: string, options = inGroup) {
  const result = parseCommand(text, options)
  if (!result || result.ok) throw new Error(`expected an error from ${text}, got ${JSON.stringify(result)}`)
  return result.error
}

describe('parseCommand: duty items', () => {
  it('reads a contact with a representative and what was done', () => {
    expect(command('#联系 刘翠花 电话了解家庭情况')).toEqual({
      type: 'duty',
      kind: 'representatives',
      subject: '刘翠花',
      detail: '电话了解家庭情况',
      date: undefined,
    })
  })

  it('accepts full-width ＃ and spaces, an @BotName prefix, trailing punctuation and emoji', () => {
    expect(command('@妇联助手\u2005＃联系　刘翠花　上门走访！！😊')).toEqual({
      type: 'duty',
      kind: 'representatives',
      subject: '刘翠花',
      detail: '上门走访',
      date: undefined,
    })
  })

  it('keeps Chinese punctuation in what is stored and posted, and folds full-width digits and letters', () => {
    expect(command('#日记 走访三户，了解到两户孩子放学无人接（留守）！', inPrivate)).toEqual({
      type: 'diary',
      content: '走访三户，了解到两户孩子放学无人接（留守）',
    })
    expect(command('#通知 全部 周六上午九点开会：请互相转告；谢谢！')).toMatchObject({
      content: '周六上午九点开会：请互相转告；谢谢',
    })
    expect(command('＃办结　３号')).toEqual({ type: 'resolveNeed', number: 3 })
    expect(command('#公益 义诊 １１月２０日')).toMatchObject({ date: { type: 'absolute', month: 11, day: 20 } })
  })

  it('leaves the family of a one-phrase #解决 to the handler', () => {
    expect(command('#解决 王家孩子申请到助学金')).toEqual({
      type: 'duty',
      kind: 'problemSolved',
      subject: '',
      detail: '王家孩子申请到助学金',
    })
    expect(command('#解决 王家 办了低保')).toMatchObject({ subject: '王家', detail: '办了低保' })
  })

  it('sets a name off by a comma or colon as well as by a space', () => {
    expect(command('#联系 刘翠花，电话了解情况')).toMatchObject({ subject: '刘翠花', detail: '电话了解情况' })
    expect(command('#联系 刘翠花,电话了解情况')).toMatchObject({ subject: '刘翠花', detail: '电话了解情况' })
    expect(command('#联系：刘翠花')).toMatchObject({ subject: '刘翠花' })
    expect(command('#帮扶 王家：孩子上学困难，已联系学校 昨天')).toMatchObject({
      subject: '王家',
      detail: '孩子上学困难，已联系学校',
      date: { type: 'relative', daysAgo: 1 },
    })
    // A title is the whole rest, commas and all.
    expect(command('#公益 两癌筛查，义诊')).toMatchObject({ subject: '两癌筛查，义诊' })
  })

  it('reads a list of people or families as one record each, and keeps a detail as a detail', () => {
    expect(command('#联系 刘翠花、李梅')).toMatchObject({ subject: '刘翠花', more: ['李梅'] })
    expect(command('#联系 刘翠花 李梅 张桂兰')).toMatchObject({ subject: '刘翠花', more: ['李梅', '张桂兰'] })
    expect(command('#帮扶 王家、李家')).toMatchObject({ subject: '王家', more: ['李家'] })
    // Names set apart by 、 are a list whatever follows: two women, never one called "李梅、张桂兰".
    expect(command('#联系妇女代表 李梅、张桂兰 都是电话联系的')).toMatchObject({
      subject: '李梅',
      more: ['张桂兰'],
      detail: '都是电话联系的',
    })
    expect(command('#联系 刘翠花，李梅，张桂兰，王秀英，赵玉兰 入户走访')).toMatchObject({
      subject: '刘翠花',
      more: ['李梅', '张桂兰', '王秀英', '赵玉兰'],
    })
    expect(command('#联系 李梅 电话了解')).toMatchObject({ subject: '李梅', detail: '电话了解' })
    expect(command('#联系 刘翠花 周末')).toMatchObject({ subject: '刘翠花', detail: '周末' })
    expect(command('#社会组织 巾帼志愿者协会、家政协会')).toMatchObject({ subject: '巾帼志愿者协会、家政协会' })
  })

  it('joins a name written with a space inside, and reads undo and receipt numbers', () => {
    expect(command('#联系 刘 翠花 上门')).toMatchObject({ subject: '刘翠花', detail: '上门' })
    expect(command('#撤销 3')).toEqual({ type: 'undo', number: 3 })
    expect(command('#收到 5')).toEqual({ type: 'ack', which: 5 })
    expect(command('#需求 列表')).toEqual({ type: 'records', which: 'needs' })
    expect(command('#我的记录')).toEqual({ type: 'records', which: 'all' })
    expect(command('#改 3 李梅')).toEqual({ type: 'correct', number: 3, subject: '李梅' })
    expect(command('#进度 __proto__')).toEqual({ type: 'progress' })
  })

  it('takes a date from the end or the start of the arguments', () => {
    expect(command('#公益 两癌筛查宣传 昨天')).toMatchObject({
      subject: '两癌筛查宣传',
      date: { type: 'relative', daysAgo: 1 },
    })
    expect(command('#联系 11月20日 刘翠花')).toMatchObject({
      subject: '刘翠花',
      date: { type: 'absolute', month: 11, day: 20 },
    })
    expect(command('#联系 李梅 明天')).toMatchObject({ subject: '李梅', date: { type: 'relative', daysAgo: -1 } })
    expect(command('#联系 后天 李梅')).toMatchObject({ subject: '李梅', date: { type: 'relative', daysAgo: -2 } })
    expect(command('#调研 留守妇女就业 2026-11-20')).toMatchObject({
      subject: '留守妇女就业',
      date: { type: 'absolute', year: 2026, month: 11, day: 20 },
    })
  })

  it('maps every duty command word and alias to its checklist item', () => {
    const cases: [string, string][] = [
      ['#帮扶 王家', 'poorFamily'],
      ['#解决 王家 办了医保', 'problemSolved'],
      ['#网群 巾帼群', 'onlineGroup'],
      ['#社会组织 阳光妈妈', 'socialOrg'],
      ['#公益 义诊', 'publicService'],
      ['#调研 就业', 'report'],
      ['#建议 托管点', 'proposal'],
      ['#联系代表 刘翠花', 'representatives'],
      ['#提案 托管点', 'proposal'],
    ]
    for (const [text, kind] of cases) expect(command(text)).toMatchObject({ type: 'duty', kind })
  })

  it('reads a command glued to its argument', () => {
    expect(command('#联系刘翠花')).toMatchObject({ kind: 'representatives', subject: '刘翠花' })
  })

  it('keeps a multi-word title whole', () => {
    expect(command('#调研 农村 留守妇女 就业')).toMatchObject({ subject: '农村 留守妇女 就业' })
  })

  it('explains a missing name with the usage line', () => {
    expect(error('#联系')).toMatchObject({
      code: 'missingArgument',
      word: '联系',
      usage: '#联系 代表姓名 [内容] [日期]',
    })
  })

  it('rejects an impossible date', () => {
    expect(error('#联系 刘翠花 13月40日')).toMatchObject({ code: 'badDate' })
  })

  it('rejects an overlong name', () => {
    expect(error('#联系 ' + '刘'.repeat(41))).toMatchObject({ code: 'tooLong' })
  })
})

describe('parseCommand: other commands', () => {
  it('reads the ledger, diary and status commands', () => {
    expect(command('#日记 今天走访三户')).toEqual({ type: 'diary', content: '今天走访三户', date: undefined })
    expect(command('#需求 希望参加家政培训')).toEqual({ type: 'need', content: '希望参加家政培训' })
    expect(command('#办结 12')).toEqual({ type: 'resolveNeed', number: 12 })
    expect(command('#办结 第3号')).toEqual({ type: 'resolveNeed', number: 3 })
    expect(command('#进度')).toEqual({ type: 'progress' })
    expect(command('#进度 去年')).toEqual({ type: 'progress', year: { yearsAgo: 1 } })
    expect(command('#进度 去年的')).toEqual({ type: 'progress', year: { yearsAgo: 1 } })
    expect(command('#进度 2025年')).toEqual({ type: 'progress', year: { year: 2025 } })
    expect(command('#进度 一下')).toEqual({ type: 'progress' })
    expect(error('#进度 1900')).toMatchObject({ code: 'badArgument' })
    expect(command('#撤销')).toEqual({ type: 'undo' })
    expect(command('#收到')).toEqual({ type: 'ack' })
    expect(command('#汇总 襄阳市')).toEqual({ type: 'summary', org: '襄阳市' })
    expect(command('#帮助 联系')).toEqual({ type: 'help', topic: '联系' })
  })

  it('reads the audience of a notice', () => {
    expect(command('#通知 执委群 周五开会')).toEqual({ type: 'notice', audience: 'executive', content: '周五开会' })
    expect(command('#通知 群众群 义诊')).toEqual({ type: 'notice', audience: 'constituent', content: '义诊' })
    expect(command('#通知 周五开会')).toEqual({
      type: 'notice',
      audience: 'executive',
      content: '周五开会',
      defaulted: true,
    })
    expect(command('#通知 全部 周五开会')).toEqual({ type: 'notice', audience: 'all', content: '周五开会' })
  })

  it('binds a group only to a known kind', () => {
    expect(command('#绑定 执委群')).toEqual({ type: 'bind', kind: 'executive' })
    expect(command('#绑定 群众群')).toEqual({ type: 'bind', kind: 'constituent' })
    expect(error('#绑定 随便')).toMatchObject({ code: 'badArgument' })
  })

  it('names an unknown command and points to help', () => {
    expect(error('#打卡')).toMatchObject({ code: 'unknownCommand', word: '打卡', usage: '#帮助', rest: '' })
    expect(error('#联细 刘翠花')).toMatchObject({ code: 'unknownCommand', word: '联细', rest: '刘翠花' })
  })

  it('ignores ordinary chat in groups and mentions before someone else', () => {
    expect(parseCommand('大家好', inGroup)).toBeUndefined()
    expect(parseCommand('进度', inGroup)).toBeUndefined()
    expect(command('@小王 #进度')).toEqual({ type: 'progress' })
  })

  it('lets a lone question word work without # in private chat, but never a duty log', () => {
    expect(command('进度', inPrivate)).toEqual({ type: 'progress' })
    expect(command('帮助', inPrivate)).toEqual({ type: 'help', topic: undefined })
    expect(parseCommand('报告一下情况', inPrivate)).toBeUndefined()
    expect(parseCommand('联系 刘翠花', inPrivate)).toBeUndefined()
  })
})

describe('parseCommand: properties', () => {
  const isResult = (r: ParseResult | undefined) =>
    r === undefined ||
    (r.ok ? typeof r.command.type === 'string' : r.error.message.length > 0 && r.error.usage.length > 0)

  it('turns any string into a command, an error or nothing, never a throw', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.boolean(), (text, requireHash) =>
        isResult(parseCommand(text, { botName: '妇联助手', requireHash })),
      ),
      { numRuns: 3000 },
    )
  })

  it('never throws on command-shaped input with arbitrary arguments', () => {
    const words = fc.constantFrom(
      '#联系',
      '＃解决',
      '#办结',
      '#通知',
      '#绑定',
      '#日记',
      '#帮助',
      '@妇联助手 #公益',
      '#',
    )
    fc.assert(
      fc.property(words, fc.string({ unit: 'grapheme', maxLength: 80 }), (word, rest) =>
        isResult(parseCommand(`${word} ${rest}`, inGroup)),
      ),
      { numRuns: 3000 },
    )
  })

  it('reads the subject back unchanged for any plain name', () => {
    const name = fc.stringMatching(/^[\u4e00-\u9fa5]{1,8}$/)
    fc.assert(
      fc.property(name, (n) => {
        const r = parseCommand(`#联系 ${n}`, inGroup)
        return r?.ok === true && r.command.type === 'duty' && r.command.subject === n
      }),
    )
  })

  it('treats full-width and half-width forms alike', () => {
    const name = fc.stringMatching(/^[\u4e00-\u9fa5]{1,6}$/)
    fc.assert(
      fc.property(name, (n) => {
        expect(parseCommand(`＃联系　${n}　走访。`, inGroup)).toEqual(parseCommand(`#联系 ${n} 走访`, inGroup))
      }),
    )
  })

  it('handles a 100 KB message without throwing and rejects it as too long', () => {
    const result = parseCommand('#日记 ' + '很'.repeat(100_000), inGroup)
    expect(result).toMatchObject({ ok: false, error: { code: 'tooLong' } })
  })
})
