import { openTestDb, type TestDb } from '../support/test-db'
import { registerRoster } from '../support/fixtures'
import { decideFriendRequest } from '../../handlers/friendship-handler'

let db: TestDb
const now = new Date('2026-11-20T02:00:00Z')

beforeAll(async () => {
  db = await openTestDb()
  await registerRoster(db.repos, [{ name: '张三', role: 'executive', org: '襄阳市' }])
})
afterAll(async () => {
  await db.close()
})

describe('friend requests', () => {
  it('welcomes a registered member by name and binds her WeChat id', async () => {
    const decision = await decideFriendRequest(db.repos, { id: 'wx_zs', name: '张三' }, '妇联助手', now)
    expect(decision).toEqual({ accept: true, say: '您好，张三！我是妇联助手。发送 #帮助 查看怎样记录履职事项。' })
    expect((await db.repos.members.findByContactId('wx_zs'))?.name).toBe('张三')
  })

  it('tells a stranger how to get registered once, and only once', async () => {
    const first = await decideFriendRequest(db.repos, { id: 'wx_x', name: '路人' }, '妇联助手', now)
    expect(first.say).toContain('请联系本级妇联管理员把您加入名单')
    const again = await decideFriendRequest(db.repos, { id: 'wx_x', name: '路人' }, '妇联助手', now)
    expect(again).toEqual({ accept: true, say: undefined })
  })
})
