/** Every command against every kind of sender: what each may do, and a refusal sentence for the rest. */
import { openTestDb, type TestDb } from '../support/test-db'
import { registerRoster } from '../support/fixtures'
import { startHarness, type Harness } from '../support/bot-harness'

const EXEC = '襄阳市执委工作交流群'
const PUBLIC = '襄阳市联系群众群'
const REFUSALS = ['还不在执委名单', '只有管理员', '只有主席和管理员', '只对执委开放', '为保护隐私']

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
  ['#需求 希望参加培训', RECORDERS],
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

let db: TestDb
let h: Harness

beforeAll(async () => {
  db = await openTestDb()
  await registerRoster(db.repos, [
    { name: '王主席', role: 'chair', org: '襄阳市' },
    { name: '李干部', role: 'admin', org: '襄阳市' },
    { name: '张三', role: 'executive', org: '襄阳市' },
  ])
  h = await startHarness(db)
  await h.session.say({ room: EXEC, from: '李干部', text: '#绑定 执委群' })
  await h.session.say({ room: PUBLIC, from: '李干部', text: '#绑定 群众群' })
  h.take()
}, 60_000)
afterAll(async () => {
  await h.session.stop()
  await db.close()
})

const cases = MATRIX.flatMap(([text, allowed]) => ALL.map((who) => [text, who, allowed.includes(who)] as const))

describe('authorization matrix', () => {
  it.each(cases)('%s from %s: allowed=%s', async (text, who, allowed) => {
    const { from, room } = SENDER[who]
    h.take()
    expect(await h.session.say({ from, text, room })).not.toBe('failed')
    await h.session.drainQueue()
    const replies = h.take().filter((m) => m.mentions.includes(from) || m.to === from)
    expect(replies).toHaveLength(1)
    const refused = REFUSALS.some((r) => replies[0]!.text.includes(r))
    expect({ text, who, refused }).toEqual({ text, who, refused: !allowed })
  })

  it('records #收到 silently in groups for everyone, and answers it in private chat', async () => {
    for (const who of ALL) {
      const { from, room } = SENDER[who]
      h.take()
      await h.session.say({ from, text: '#收到', room })
      expect(h.take()).toEqual([])
    }
    await h.session.say({ from: '张三', text: '#收到' })
    expect(h.take()).toHaveLength(1)
  })
})
