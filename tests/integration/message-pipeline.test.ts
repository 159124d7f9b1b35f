import { types } from 'wechaty-puppet'
import { openTestDb, type TestDb } from '../support/test-db'
import { registerRoster } from '../support/fixtures'
import { startHarness, type Harness } from '../support/bot-harness'
import { rebuildProgress } from '../../src/services/rebuild-progress'

const GROUP = '樊城区执委工作交流群'
const PUBLIC = '樊城区联系群众群'
let db: TestDb
let h: Harness

beforeAll(async () => {
  db = await openTestDb()
  await registerRoster(db.repos, [
    { name: '李干部', role: 'admin', org: '襄阳市' },
    { name: '王主席', role: 'chair', org: '樊城区', parent: '襄阳市' },
    { name: '张三', role: 'executive', org: '樊城区', parent: '襄阳市' },
    { name: '刘四', role: 'executive', org: '襄城区', parent: '襄阳市' },
  ])
  h = await startHarness(db)
})
afterAll(async () => {
  await h.session.stop()
  await db.close()
})

const member = async (name: string) => (await db.repos.members.listWithChecklist()).find((m) => m.name === name)!
const counts = async (name: string) => (await db.repos.progress.get((await member(name)).id, 2026))?.counts

describe('logging duties', () => {
  it('records a contact and answers with the target and a bar, mentioning the sender', async () => {
    await h.session.say({ room: GROUP, from: '张三', text: '#联系 刘翠花 电话了解家庭情况' })
    const [reply] = h.take()
    expect(reply).toMatchObject({ room: GROUP, mentions: ['张三'] })
    expect(reply!.text).toContain('联系妇女代表 1/5–7 ▓░░░░░░')
    expect((await counts('张三'))?.representatives).toBe(1)
  })

  it('counts a representative once however often she is contacted, and says so', async () => {
    await h.session.say({ room: GROUP, from: '张三', text: '#联系 刘翠花 又去了一次' })
    expect(h.take()[0]!.text).toContain('今年已记过')
    expect((await counts('张三'))?.representatives).toBe(1)
  })

  it('logs every checklist item and shows them all with #进度', async () => {
    for (const text of [
      '#帮扶 王家 孩子上学难',
      '#解决 王家 助学金',
      '#网群 巾帼群',
      '#社会组织 阳光妈妈',
      '#公益 义诊',
      '#调研 留守妇女',
      '#建议 托管点',
    ]) {
      expect(await h.session.say({ room: GROUP, from: '张三', text })).toBe('handled')
    }
    h.take()
    await h.session.say({ from: '张三', text: '#进度' })
    const [reply] = h.take()
    expect(reply).toMatchObject({ to: '张三', room: null })
    expect(reply!.text).toContain('已完成 7/8 项')
    expect(await counts('张三')).toMatchObject({
      poorFamily: 1,
      problemSolved: 1,
      onlineGroup: 1,
      socialOrg: 1,
      publicService: 1,
      report: 1,
      proposal: 1,
    })
  })

  it('dates an item from 昨天 and refuses a future date', async () => {
    await h.session.say({ room: GROUP, from: '刘四', text: '#公益 两癌筛查宣传 昨天' })
    expect(h.take()[0]!.text).toContain('11月19日')
    await h.session.say({ room: GROUP, from: '刘四', text: '#公益 宣传 12月25日' })
    expect(h.take()[0]!.text).toContain('2025')
  })

  it('shows last year’s checklist with #进度 去年, and refuses a year still to come', async () => {
    await h.session.say({ room: GROUP, from: '刘四', text: '#进度 去年' })
    const [lastYear] = h.take()
    expect(lastYear!.text).toContain('📋 刘四 2025年全年履职情况')
    expect(lastYear!.text).toContain('✅ 参与公益服务 1/1')
    await h.session.say({ room: GROUP, from: '刘四', text: '#进度 2030' })
    expect(h.take()[0]!.text).toBe('2030年还没到，可以发送 #进度 查看今年的进度。')
  })

  it('undoes the newest record and recounts', async () => {
    await h.session.say({ room: GROUP, from: '刘四', text: '#调研 就业' })
    await h.session.say({ room: GROUP, from: '刘四', text: '#撤销' })
    const replies = h.take()
    expect(replies[1]!.text).toContain('已撤销：撰写调研报告「就业」')
    expect((await counts('刘四'))?.report).toBe(0)
  })

  it('answers a malformed command with the sentence and the usage line, storing nothing', async () => {
    await h.session.say({ room: GROUP, from: '刘四', text: '#解决 王家' })
    expect(h.take()[0]!.text).toBe(
      '请写上家庭和解决的问题，中间用空格隔开，例如 #解决 王家 协调办理了医保报销\n用法：#解决 家庭 问题 [日期]',
    )
    expect((await counts('刘四'))?.problemSolved).toBe(0)
  })

  it('finds the family in a one-phrase #解决 from her records, or asks which one she means', async () => {
    const before = (await counts('刘四'))?.problemSolved ?? 0
    await h.session.say({ room: GROUP, from: '刘四', text: '#帮扶 王家 孩子上学困难' })
    await h.session.say({ room: GROUP, from: '刘四', text: '#解决 王家孩子申请到助学金' })
    await h.session.say({ room: GROUP, from: '刘四', text: '#解决 办好了低保' })
    const replies = h.take()
    expect(replies[1]!.text).toContain('已记录：帮助解决问题「王家」')
    expect(replies[2]!.text).toContain('已记录：帮助解决问题「王家」')
    const logs = await db.conn.collection('duty_logs').find({ kind: 'problemSolved' }).toArray()
    expect(logs.map((l) => [l.subject, l.detail])).toEqual(
      expect.arrayContaining([
        ['王家', '孩子申请到助学金'],
        ['王家', '办好了低保'],
      ]),
    )
    await h.session.say({ room: GROUP, from: '刘四', text: '#解决 王家' })
    expect(h.take()[0]!.text).toBe(
      '请写上解决了什么问题，例如 #解决 王家 协调办理了医保报销\n用法：#解决 家庭 问题 [日期]',
    )
    await h.session.say({ room: GROUP, from: '刘四', text: '#帮扶 李家' })
    await h.session.say({ room: GROUP, from: '刘四', text: '#解决 申请到助学金' })
    expect(h.take()[1]!.text).toMatch(
      /^您联系过(李家、王家|王家、李家)，请写上是哪一户，例如 #解决 (李家|王家) 协调办理了医保报销$/,
    )
    expect((await counts('刘四'))?.problemSolved).toBe(before + 2)
  })
})

describe('diary and needs', () => {
  it('keeps diary entries and the needs ledger, echoing a need only in private', async () => {
    await h.session.say({ from: '刘四', text: '#日记 走访三户' })
    expect(h.take()[0]!.text).toContain('共 1 篇')
    await h.session.say({ room: GROUP, from: '刘四', text: '#需求 李大姐想学家政' })
    const [inGroup] = h.take()
    expect(inGroup!.text).not.toContain('李大姐')
    const number = Number(/需求 (\d+) 号/.exec(inGroup!.text)![1])
    await h.session.say({ room: GROUP, from: '张三', text: `#办结 ${number}` })
    expect(h.take()[0]!.text).toContain('不是您登记的')
    await h.session.say({ room: GROUP, from: '王主席', text: `#办结 ${number}` })
    expect(h.take()[0]!.text).toContain('不是您登记的') // her chair is of another district
    await h.session.say({ room: GROUP, from: '李干部', text: `#办结 ${number}` })
    expect(h.take()[0]!.text).toContain('已办结')
    expect(await counts('刘四')).toMatchObject({ diary: 1, needsOpen: 0, needsResolved: 1 })
  })
})

describe('who may do what, and privacy', () => {
  it('answers a stranger once, politely, and stores nothing', async () => {
    await h.session.say({ room: GROUP, from: '路人甲', text: '#联系 某人' })
    const replies = h.take()
    expect(replies).toHaveLength(1)
    expect(replies[0]!.text).toContain('还不在执委名单里')
    expect(await db.conn.collection('duty_logs').countDocuments({ subject: '某人' })).toBe(0)
  })

  it('does not take records in a constituents’ group', async () => {
    await h.session.say({ room: PUBLIC, from: '张三', text: '#联系 陈桂英 电话13812345678' })
    expect(h.take()[0]!.text).toContain('为保护隐私')
    expect(await db.conn.collection('duty_logs').countDocuments({ subject: '陈桂英' })).toBe(0)
  })

  it('never echoes or stores a phone or ID number', async () => {
    await h.session.say({ room: GROUP, from: '张三', text: '#帮扶 13812345678 身份证420602198001011234' })
    const [reply] = h.take()
    expect(reply!.text).not.toMatch(/13812345678|420602198001011234/)
    const raw = JSON.stringify(await db.conn.collection('duty_logs').find({}).toArray())
    expect(raw).not.toMatch(/13812345678|420602198001011234/)
  })

  it('lets only an admin bind a group; an unnamed group stays quiet until then', async () => {
    await h.session.say({ room: '读书会', from: '张三', text: '#联系 刘翠花' })
    expect(h.take()).toHaveLength(0)
    await h.session.say({ room: '读书会', from: '张三', text: '#绑定 执委群' })
    expect(h.take()[0]!.text).toBe('只有管理员可以做这件事。')
    await h.session.say({ room: '读书会', from: '李干部', text: '#绑定 执委群' })
    expect(h.take()[0]!.text).toContain('已将本群设为【执委工作交流群】（襄阳市）')
    await h.session.say({ room: '读书会', from: '张三', text: '#联系 刘翠花' })
    expect(h.take()[0]!.text).toContain('已记录')
  })

  it('keeps an admin, who has no checklist, from logging duties', async () => {
    await h.session.say({ from: '李干部', text: '#联系 刘翠花' })
    expect(h.take()[0]!.text).toContain('只对执委开放')
  })

  it('asks for text when sent a picture privately, and ignores pictures in groups', async () => {
    await h.session.say({ from: '张三', text: '', type: types.Message.Image })
    expect(h.take()[0]!.text).toContain('只能看懂文字')
    await h.session.say({ room: GROUP, from: '张三', text: '', type: types.Message.Image })
    expect(h.take()).toHaveLength(0)
  })

  it('shows how to send a command written without its # in private chat, recording nothing', async () => {
    const before = await db.conn.collection('duty_logs').countDocuments()
    await h.session.say({ from: '张三', text: '联系 刘翠花 电话了解情况' })
    expect(h.take()[0]!.text).toBe('要记录的话，请在命令前加上 #，例如：#联系 刘翠花 电话了解情况')
    await h.session.say({ from: '张三', text: '联系一下你们' })
    expect(h.take()[0]!.text).toContain('发送 #帮助 查看我能做什么')
    expect(await db.conn.collection('duty_logs').countDocuments()).toBe(before)
  })

  it('ignores chatter in groups without touching the database', async () => {
    const before = await db.conn.collection('inbox').countDocuments()
    expect(await h.session.say({ room: GROUP, from: '张三', text: '大家周末愉快' })).toBe('ignored')
    expect(await db.conn.collection('inbox').countDocuments()).toBe(before)
  })
})

describe('exactly once', () => {
  it('counts a message delivered twice once and answers it once', async () => {
    await h.session.say({ room: GROUP, from: '刘四', text: '#联系 马兰', id: 'dup-1' })
    expect(await h.session.say({ room: GROUP, from: '刘四', text: '#联系 马兰', id: 'dup-1' })).toBe('duplicate')
    expect(h.take()).toHaveLength(1)
    expect(await db.conn.collection('duty_logs').countDocuments({ subject: '马兰' })).toBe(1)
  })

  it('undoes once when an undo is delivered twice', async () => {
    await h.session.say({ room: GROUP, from: '刘四', text: '#联系 甲' })
    await h.session.say({ room: GROUP, from: '刘四', text: '#联系 乙' })
    await h.session.say({ room: GROUP, from: '刘四', text: '#撤销', id: 'undo-1' })
    await h.session.say({ room: GROUP, from: '刘四', text: '#撤销', id: 'undo-1' })
    expect(
      await db.conn.collection('duty_logs').countDocuments({ subject: { $in: ['甲', '乙'] }, undoneAt: null }),
    ).toBe(1)
  })

  it('counts once when two bot processes on one database receive the same message', async () => {
    const other = await startHarness(db, { owner: 'second-process' })
    h.take()
    try {
      const message = {
        room: GROUP,
        from: '刘四',
        text: '#联系 双机测试',
        timestamp: Date.parse('2026-11-20T02:30:00Z'),
      }
      const outcomes = await Promise.all([
        h.session.say({ ...message, id: 'acct-a-1' }),
        other.session.say({ ...message, id: 'acct-b-1' }),
      ])
      expect(outcomes.sort()).toEqual(['duplicate', 'handled'])
      expect(h.take().length + other.take().length).toBe(1)
      expect(await db.conn.collection('duty_logs').countDocuments({ subject: '双机测试' })).toBe(1)
    } finally {
      await other.session.stop()
    }
  })

  it('remembers handled messages across a restart', async () => {
    await h.session.say({ room: GROUP, from: '刘四', text: '#联系 重启测试', id: 'restart-1' })
    await h.session.stop()
    h = await startHarness(db)
    expect(await h.session.say({ room: GROUP, from: '刘四', text: '#联系 重启测试', id: 'restart-1' })).toBe(
      'duplicate',
    )
    expect(await db.conn.collection('duty_logs').countDocuments({ subject: '重启测试' })).toBe(1)
  })
})

describe('stored progress', () => {
  it('equals a full recount from the records after everything above', async () => {
    const before = await db.conn
      .collection('progress')
      .find({}, { projection: { counts: 1 } })
      .sort({ _id: 1 })
      .toArray()
    const result = await rebuildProgress(db.repos, new Date())
    const after = await db.conn
      .collection('progress')
      .find({}, { projection: { counts: 1 } })
      .sort({ _id: 1 })
      .toArray()
    expect(result.members).toBe(3)
    expect(after).toEqual(before)
  })
})
