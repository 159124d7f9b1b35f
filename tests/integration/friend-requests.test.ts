import { openTestDb, type TestDb } from '../support/test-db'
import { registerRoster } from '../support/fixtures'
import { decideFriendRequest } from '../../handlers/friendship-handler'

let db: TestDb
const now = new Date('2026-11-20T02:00:00Z')

beforeAll(async () => {
  db = await openTestDb()
  const people = await registerRoster(db.repos, [{ name: '张三', role: 'executive', org: '襄阳市' }], now, {
    bind: false,
  })
  await db.repos.members.bindContact(people['张三']!.id, 'wx_zs', now)
  await registerRoster(db.repos, [{ name: '李四', role: 'executive', org: '襄阳市' }], now, { bind: false })
})
afterAll(async () => {
  await db.close()
})

describe('friend requests', () => {
  it('welcomes a member whose WeChat id is on the roster by name', async () => {
    const decision = await decideFriendRequest(db.repos, { id: 'wx_zs', name: '张三' }, '妇联助手', now)
    expect(decision).toEqual({ accept: true, say: '您好，张三！我是妇联助手。发送 #帮助 查看怎样记录履职事项。' })
  })

  it('binds nobody by nickname: a roster name without its WeChat id is told how to be recognised', async () => {
    const decision = await decideFriendRequest(db.repos, { id: 'wx_ls', name: '李四' }, '妇联助手', now)
    expect(decision.say).toContain('请发送“我是 您的姓名”')
    expect(await db.repos.members.findByContactId('wx_ls')).toBeUndefined()
  })

  it('tells a stranger how to get registered once, and only once', async () => {
    const first = await decideFriendRequest(db.repos, { id: 'wx_x', name: '路人' }, '妇联助手', now)
    expect(first.say).toContain('不在名单里请联系本级妇联管理员')
    const again = await decideFriendRequest(db.repos, { id: 'wx_x', name: '路人' }, '妇联助手', now)
    expect(again).toEqual({ accept: true, say: undefined })
  })
})
