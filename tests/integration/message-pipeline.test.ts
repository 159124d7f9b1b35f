/**
 * The real bot (Wechaty over the simulator puppet) on the real database: what only they can show. The
 * handlers' behaviour in detail is in tests/unit/handlers, over in-memory repositories.
 */
import { types } from 'wechaty-puppet'
import { openTestDb, type TestDb } from '../support/test-db'
import { registerRoster } from '../support/fixtures'
import { startHarness, type Harness } from '../support/bot-harness'
import { recountProgress } from '../../src/services/recount-progress'

const GROUP = '樊城区执委工作交流群'
let db: TestDb
let h: Harness

beforeEach(async () => {
  db = await openTestDb()
  await registerRoster(db.repos, [
    { name: '李干部', role: 'admin', org: '襄阳市' },
    { name: '张三', role: 'executive', org: '樊城区', parent: '襄阳市' },
  ])
  h = await startHarness(db)
  await h.session.say({ room: GROUP, from: '李干部', text: '#绑定 执委群' })
  h.take()
})
afterEach(async () => {
  await h.session.stop()
  await db.close()
})

const zhang = async () => (await db.repos.members.listWithChecklist()).find((m) => m.name === '张三')!

describe('a duty log on the real database', () => {
  it('is stored under the message’s key, counted, and answered in the group', async () => {
    expect(await h.session.say({ room: GROUP, from: '张三', text: '#联系 刘翠花 电话了解家庭情况', id: 'wx-1' })).toBe(
      'handled',
    )
    const [reply] = h.take()
    expect(reply).toMatchObject({ room: GROUP, mentions: ['张三'] })
    expect(reply!.text).toContain('联系妇女代表 1/5–7 ▓░░░░░░')
    const events = await db.conn.collection('ledger_events').find({}).toArray()
    expect(events).toMatchObject([
      { messageId: 'wx-1', text: '电话了解家庭情况', change: { add: { kind: 'representatives', subject: '刘翠花' } } },
    ])
    expect((await db.repos.progress.get((await zhang()).id, 2026))?.representatives).toBe(1)
  })

  it('costs two database commands once the sender, the group and her year are known: the event and her year', async () => {
    await h.session.say({ room: GROUP, from: '张三', text: '#联系 刘翠花' })
    const before = db.commands()
    await h.session.say({ room: GROUP, from: '张三', text: '#联系 李梅' })
    expect(db.commands() - before).toBe(2)
  })

  it('never stores a phone or ID number', async () => {
    await h.session.say({ room: GROUP, from: '张三', text: '#帮扶 13812345678 身份证420602198001011234' })
    const raw = JSON.stringify([
      await db.conn.collection('ledger_events').find({}).toArray(),
      await db.conn.collection('ledgers').find({}).toArray(),
    ])
    expect(raw).not.toMatch(/13812345678|420602198001011234/)
  })

  it('ignores group chatter without a single database command', async () => {
    const before = db.commands()
    expect(await h.session.say({ room: GROUP, from: '张三', text: '大家周末愉快' })).toBe('ignored')
    expect(db.commands()).toBe(before)
  })

  it('reads a voice note from the transcript WeChat supplies, through Wechaty, and records it after "1"', async () => {
    await h.session.say({
      from: '张三',
      text: '今天上午去刘翠花家了，跟她聊了聊家里的情况。',
      type: types.Message.Audio,
    })
    const [proposal] = h.take()
    expect(proposal!.text).toContain('听到的是：“今天上午去刘翠花家了')
    expect(proposal!.text).toContain('联系妇女代表「刘翠花」（今天）')
    await h.session.say({ from: '张三', text: '1' })
    expect(h.take()[0]!.text).toContain('✏️ 已记录：联系妇女代表「刘翠花」')
    await h.session.say({ from: '张三', text: '', type: types.Message.Audio })
    expect(h.take()[0]!.text).toContain('上滑“转文字”')
  })

  it('keeps a question waiting across a restart, and answers it from the new process', async () => {
    await h.session.say({ from: '张三', text: '昨天给李梅打了个电话' })
    expect(h.take()[0]!.text).toContain('回复 1 记下')
    await h.session.stop()
    h = await startHarness(db)
    await h.session.say({ from: '张三', text: '1' })
    expect(h.take()[0]!.text).toContain('✏️ 已记录：联系妇女代表「李梅」（11月19日）')
  })

  it('asks for text when sent a picture privately, and ignores pictures in groups', async () => {
    await h.session.say({ from: '张三', text: '', type: types.Message.Image })
    expect(h.take()[0]!.text).toContain('图片和文件我看不懂')
    expect(await h.session.say({ room: GROUP, from: '张三', text: '', type: types.Message.Image })).toBe('ignored')
  })
})

describe('exactly once on the real database', () => {
  it('counts a message delivered twice once and answers it once', async () => {
    await h.session.say({ room: GROUP, from: '张三', text: '#联系 马兰', id: 'dup-1' })
    expect(await h.session.say({ room: GROUP, from: '张三', text: '#联系 马兰', id: 'dup-1' })).toBe('duplicate')
    expect(h.take()).toHaveLength(1)
    expect(await db.conn.collection('ledger_events').countDocuments({ 'change.add.subject': '马兰' })).toBe(1)
  })

  it('counts once when two bot processes on one database receive the same message', async () => {
    const other = await startHarness(db, { instance: 'second-process' })
    try {
      const message = {
        room: GROUP,
        from: '张三',
        text: '#联系 双机测试',
        timestamp: Date.parse('2026-11-20T02:30:00Z'),
      }
      const outcomes = await Promise.all([
        h.session.say({ ...message, id: 'acct-a-1' }),
        other.session.say({ ...message, id: 'acct-b-1' }),
      ])
      expect(outcomes.sort()).toEqual(['duplicate', 'handled'])
      expect(h.take().length + other.take().length).toBe(1)
      expect(await db.conn.collection('ledger_events').countDocuments({ 'change.add.subject': '双机测试' })).toBe(1)
    } finally {
      await other.session.stop()
    }
  })

  it('remembers handled messages across a restart', async () => {
    const message = { room: GROUP, from: '张三', text: '#联系 重启测试', id: 'restart-1', timestamp: 1_700_000_000_000 }
    await h.session.say(message)
    await h.session.stop()
    h = await startHarness(db)
    expect(await h.session.say(message)).toBe('duplicate')
    expect(await db.conn.collection('ledger_events').countDocuments({ 'change.add.subject': '重启测试' })).toBe(1)
  })
})

describe('stored progress', () => {
  it('equals a full recount from the records after a mix of commands', async () => {
    for (const text of [
      '#联系 刘翠花',
      '#联系 刘翠花 又去了',
      '#帮扶 王家',
      '#解决 王家 助学金',
      '#日记 走访',
      '#需求 学家政',
      '#办结 1',
      '#公益 义诊 12月30日',
      '#调研 就业',
      '#撤销',
    ])
      await h.session.say({ from: '张三', text })
    const read = () =>
      db.conn
        .collection('ledgers')
        .find({}, { projection: { counts: 1 } })
        .sort({ _id: 1 })
        .toArray()
    const before = await read()
    const result = await recountProgress(db.repos, [2025, 2026])
    expect(result).toMatchObject({ members: 1, repaired: 0 })
    expect(await read()).toEqual(before)
    expect(before.map((p) => p.counts)).toMatchObject([
      { publicService: 1 },
      { representatives: 1, poorFamily: 1, problemSolved: 1, report: 0, diary: 1, needsResolved: 1 },
    ])
  })

  it('is repaired by the recount when it has drifted', async () => {
    await h.session.say({ from: '张三', text: '#联系 刘翠花' })
    // Her year loses the record (as a lost update would leave it), while its event is stored.
    await db.conn.collection('ledgers').updateMany({}, { $set: { items: [], 'counts.representatives': 0 } })
    expect(await recountProgress(db.repos, [2026])).toMatchObject({ repaired: 1 })
    expect((await db.repos.progress.get((await zhang()).id, 2026))?.representatives).toBe(1)
  })
})
