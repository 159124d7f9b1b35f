import { openTestDb, type TestDb } from '../support/test-db'
import { registerRoster } from '../support/fixtures'
import { startHarness, type Harness } from '../support/bot-harness'
import { silentLogger } from '../../src/logger'
import { findJob } from '../../jobs'

const EXEC = '襄阳市执委工作交流群'
const PUBLIC = '襄阳市联系群众群'
const OTHER_EXEC = '襄城区执委群'
let db: TestDb
let h: Harness

async function job(name: string, at: string) {
  h.clock.set(new Date(at))
  const ctx = {
    repos: db.repos,
    now: h.clock.now(),
    tz: 'Asia/Shanghai',
    log: silentLogger,
    force: true,
    followUpHours: 24,
    auditRetentionDays: 365,
  }
  await findJob(name)!.run(ctx)
  await h.session.drainQueue()
  await h.session.bot.drain()
  return h.take()
}

async function say(input: { from: string; text: string; room?: string }) {
  await h.session.say(input)
  await h.session.drainQueue()
  await h.session.bot.drain()
  return h.take()
}

/** Each test starts from this: a city and two districts, bound groups, everyone known by WeChat id. */
beforeEach(async () => {
  db = await openTestDb()
  await registerRoster(db.repos, [
    { name: '王主席', role: 'chair', org: '襄阳市' },
    { name: '李干部', role: 'admin', org: '襄阳市' },
    { name: '张三', role: 'executive', org: '樊城区', parent: '襄阳市' },
    { name: '刘四', role: 'executive', org: '樊城区', parent: '襄阳市' },
    { name: '陈五', role: 'executive', org: '襄城区', parent: '襄阳市' },
    { name: '襄城管理员', role: 'admin', org: '襄城区' },
  ])
  h = await startHarness(db, { at: '2026-11-16T09:00:00+08:00' })
  await say({ room: EXEC, from: '李干部', text: '#绑定 执委群' })
  await say({ room: PUBLIC, from: '李干部', text: '#绑定 群众群' })
  await say({ room: OTHER_EXEC, from: '襄城管理员', text: '#绑定 执委群' })
  for (const name of ['张三', '刘四', '陈五', '王主席']) await say({ from: name, text: '#进度' })
  await say({ room: EXEC, from: '张三', text: '#联系 刘翠花' })
})
afterEach(async () => {
  await h.session.stop()
  await db.close()
})

describe('notices and acknowledgements', () => {
  it('refuses a notice from anyone but an admin and sends nothing', async () => {
    const replies = await say({ room: EXEC, from: '张三', text: '#通知 全部 明天开会' })
    expect(replies).toEqual([expect.objectContaining({ text: '只有管理员可以做这件事。' })])
    expect(await db.conn.collection('notices').countDocuments()).toBe(0)
  })

  it('sends an admin’s notice to every group of that kind in her subtree, then tracks receipts', async () => {
    const sent = await say({ room: EXEC, from: '李干部', text: '#通知 执委群 周五下午三点开会' })
    expect(sent[0]!.text).toContain('已安排第 1 号通知发往 2 个执委群')
    expect(
      sent
        .slice(1)
        .map((m) => m.room)
        .sort(),
    ).toEqual([EXEC, OTHER_EXEC].sort())
    expect(sent[1]!.text).toBe('📢 通知（第 1 号）\n周五下午三点开会\n收到请回复 #收到')

    expect(await say({ room: EXEC, from: '张三', text: '收到' })).toEqual([])
    expect(await say({ room: EXEC, from: '张三', text: '#收到' })).toEqual([])
    expect(await say({ from: '陈五', text: '#收到' })).toEqual([
      expect.objectContaining({ text: '已确认收到第 1 号通知，谢谢！' }),
    ])
    const [receipts] = await say({ from: '李干部', text: '#回执' })
    expect(receipts!.text).toContain('执委已确认 2/3 人：张三、陈五')
    expect(receipts!.text).toContain('未确认 1 人：刘四')
  })

  it('counts constituents who acknowledge without naming them', async () => {
    const [scheduled] = await say({ room: EXEC, from: '李干部', text: '#通知 群众群 周六义诊' })
    expect(scheduled!.text).toContain('已安排第 1 号通知发往 1 个群众群，')
    await say({ room: PUBLIC, from: '群众甲', text: '收到' })
    await say({ room: PUBLIC, from: '群众乙', text: '收到👍' })
    const [receipts] = await say({ from: '李干部', text: '#回执 1' })
    expect(receipts!.text).toContain('群众确认 2 人')
    expect(receipts!.text).not.toContain('群众甲')
  })

  it('follows up once, privately, with the executives who have not acknowledged', async () => {
    await say({ room: EXEC, from: '李干部', text: '#通知 执委群 周五下午三点开会' })
    await say({ room: EXEC, from: '张三', text: '收到' })
    await say({ from: '陈五', text: '#收到' })
    const followUps = await job('notice-follow-up', '2026-11-17T10:00:00+08:00')
    const forNotice1 = followUps.filter((m) => m.text.includes('第 1 号通知'))
    expect(forNotice1.map((m) => m.to)).toEqual(['刘四'])
    expect(await job('notice-follow-up', '2026-11-17T11:00:00+08:00')).toEqual([])
  })
})

describe('notices to every kind of group', () => {
  it('says how many groups of each kind a notice goes to', async () => {
    const [scheduled] = await say({ room: EXEC, from: '李干部', text: '#通知 全部 周日停电，活动改期' })
    expect(scheduled!.text).toContain('发往 3 个群（执委群 2 个、群众群 1 个），')
    expect(await db.conn.collection('outbox').countDocuments({ text: /周日停电，活动改期/ })).toBe(3)
  })
})

describe('chair summaries', () => {
  it('gives a chair her whole subtree privately, with names', async () => {
    const [summary] = await say({ from: '王主席', text: '#汇总' })
    // The chair is not among those counted (domain/counted.ts); every district is ranked.
    expect(summary!.text).toContain('📈 襄阳市 2026年履职汇总（含下级单位，执委 3 人）')
    expect(summary!.text).toContain('落后的执委：张三、陈五、刘四')
    expect(summary!.text).toContain('1. 樊城区 0.0 项 · 正常 0% · 无记录 50%（2 人）')
    expect(summary!.text).toContain('1. 襄城区 0.0 项')
  })

  it('gives an executive only her own unit’s totals, without names', async () => {
    const [summary] = await say({ from: '张三', text: '#汇总 襄阳市' })
    expect(summary!.text).toContain('樊城区')
    expect(summary!.text).not.toMatch(/落后的执委：/)
    expect(summary!.text).toContain('落后执委名单只对主席和管理员显示。')
  })

  it('refuses a unit outside the chair’s subtree and any summary in a constituents’ group', async () => {
    await registerRoster(db.repos, [{ name: '外市', role: 'executive', org: '十堰市' }])
    expect((await say({ from: '王主席', text: '#汇总 十堰市' }))[0]!.text).toBe('十堰市不在您的管辖范围内。')
    expect((await say({ room: PUBLIC, from: '王主席', text: '#汇总' }))[0]!.text).toContain('为保护隐私')
  })
})

describe('weekly progress, rotation and settings', () => {
  it('posts the chart and the text to each executives’ group, with the executive on duty', async () => {
    await say({ room: EXEC, from: '李干部', text: '#轮值 刘四 张三' })
    const posts = await job('weekly-progress', '2026-11-16T09:30:00+08:00')
    const mine = posts.find((p) => p.room === EXEC)!
    expect(mine.file).toBe('progress.png')
    expect(mine.text).toContain('📊 襄阳市 执委履职周报 · 2026年第47周')
    expect(mine.text).toContain('本周轮值执委：刘四')
    expect(mine.mentions).toEqual([])
    expect(posts.find((p) => p.room === OTHER_EXEC)!.text).toContain('襄城区')
    expect(posts.some((p) => p.room === PUBLIC)).toBe(false)
  })

  it('@-mentions who is behind once an admin turns it on, and rotates the duty weekly', async () => {
    await say({ room: EXEC, from: '李干部', text: '#轮值 刘四 张三' })
    expect((await say({ room: EXEC, from: '李干部', text: '#设置 点名 开' }))[0]!.text).toContain('周报会 @')
    const posts = await job('weekly-progress', '2026-11-23T09:30:00+08:00')
    const mine = posts.find((p) => p.room === EXEC)!
    expect(mine.mentions.sort()).toEqual(['刘四', '张三', '陈五'].sort())
    expect(mine.text).toContain('本周轮值执委：张三')
  })

  it('lets an admin move the unit’s weekly post, and only an admin', async () => {
    expect((await say({ room: EXEC, from: '张三', text: '#设置 周报 周二 10:00' }))[0]!.text).toBe(
      '只有管理员可以做这件事。',
    )
    expect((await say({ room: EXEC, from: '李干部', text: '#设置 周报 周二 10:00' }))[0]!.text).toBe(
      '好的，襄阳市的周报改为每周二 10:00。',
    )
    const org = await db.repos.orgs.findByName('襄阳市')
    expect(org!.settings.weeklyProgress).toEqual({ weekday: 2, hour: 10, minute: 0 })
  })
})

describe('WeChat login drops', () => {
  it('reports the drop on the bot and tells the admins once it is back', async () => {
    const puppet = h.session.bot.wechaty.puppet
    await puppet.logout('test drop')
    expect(h.session.bot.isLoggedIn()).toBe(false)
    await new Promise<void>((resolve) => {
      h.session.bot.wechaty.once('login', () => resolve())
      h.session.world.login()
    })
    await h.session.bot.drain()
    await h.session.drainQueue()
    await h.session.bot.drain()
    const told = h.take().filter((m) => m.text.includes('微信登录已恢复'))
    expect(told.map((m) => m.to).sort()).toEqual(['李干部', '襄城管理员'].sort())
  })
})
