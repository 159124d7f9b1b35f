/**
 * Whatever people type reaches the real message path (Wechaty over the simulator puppet, handlers,
 * database): it never throws out of a handler, never gets more than one reply, and a rejected command
 * stores nothing. A thousand inputs run in memory in tests/unit/handlers/random-input.test.ts; these few
 * show that Wechaty's adapter and the real database take them too.
 */
import fc from 'fast-check'
import { openTestDb, type TestDb } from '../support/test-db'
import { registerRoster } from '../support/fixtures'
import { startHarness, type Harness } from '../support/bot-harness'

const GROUP = '襄阳市执委工作交流群'
let db: TestDb
let h: Harness

beforeAll(async () => {
  db = await openTestDb()
  await registerRoster(db.repos, [
    { name: '张三', role: 'executive', org: '襄阳市' },
    { name: '李干部', role: 'admin', org: '襄阳市' },
  ])
  h = await startHarness(db)
}, 60_000)
afterAll(async () => {
  await h.session.stop()
  await db.close()
})

const words = [
  '#联系',
  '＃帮扶',
  '#解决',
  '#网群',
  '#社会组织',
  '#公益',
  '#调研',
  '#建议',
  '#日记',
  '#需求',
  '#办结',
  '#进度',
  '#撤销',
  '#汇总',
  '#通知',
  '#收到',
  '#绑定',
  '#帮助',
  '#回执',
  '#轮值',
  '#设置',
  '#',
  '@妇联助手',
]
const xml =
  '<?xml version="1.0"?><msg><appmsg appid="" sdkver="0"><title>链接</title><type>5</type><url>http://x</url></appmsg></msg>'
const messageText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc
    .tuple(
      fc.constantFrom(...words),
      fc.array(
        fc.oneof(
          fc.constantFrom(...words),
          fc.string({ unit: 'grapheme', maxLength: 12 }),
          fc.constantFrom('昨天', '13月40日', '2026-02-30', '第3号', '执委群', '😀😀', '\u3000'),
        ),
        { maxLength: 6 },
      ),
    )
    .map(([w, rest]) => [w, ...rest].join(' ')),
  fc.constant(xml),
  fc.constant('@' + Array.from({ length: 200 }, (_, i) => `成员${i}`).join(' @') + ' #进度'),
  fc.constant('#日记 ' + '很'.repeat(100_000)),
)

async function countAll() {
  const names = ['ledger_events', 'needs', 'notices', 'groups']
  return Object.fromEntries(
    await Promise.all(names.map(async (n) => [n, await db.conn.collection(n).countDocuments()])),
  )
}

describe('the whole message path under random input', () => {
  it('never fails, never answers twice, and stores nothing for a rejected command', async () => {
    await fc.assert(
      fc.asyncProperty(
        messageText,
        fc.constantFrom('张三', '李干部', '路人'),
        fc.boolean(),
        async (text, from, inGroup) => {
          h.take()
          const before = await countAll()
          const outcome = await h.session.say({ from, text, room: inGroup ? GROUP : undefined })
          await h.session.drainQueue()
          await h.session.bot.drain()
          const replies = h
            .take()
            .filter((m) => (inGroup ? m.room === GROUP && m.mentions.includes(from) : m.to === from))
          expect(outcome).not.toBe('failed')
          expect(replies.length).toBeLessThanOrEqual(1)
          if (outcome === 'userError' || outcome === 'ignored') expect(await countAll()).toEqual(before)
          for (const r of replies) expect(r.text.length).toBeGreaterThan(0)
        },
      ),
      { numRuns: 40, seed: 20261122 },
    )
  }, 240_000)

  it('answers a picture, a 100 KB message and an XML card with at most one sentence each', async () => {
    for (const text of [xml, '#联系 ' + '刘'.repeat(100_000)]) {
      h.take()
      expect(await h.session.say({ from: '张三', text })).not.toBe('failed')
      expect(h.take().length).toBeLessThanOrEqual(1)
    }
  })
})
