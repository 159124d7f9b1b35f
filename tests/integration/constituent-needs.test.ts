/**
 * Constituents' needs on the real server: what the need repository promises (checked against the
 * in-memory one that handler tests use too), and one taker when executives send #认领 at once.
 */
import { openTestDb, type TestDb } from '../support/test-db'
import { createMemoryRepos } from '../support/memory-repos'
import { createHandlerHarness } from '../support/handler-harness'
import type { HandlerRepos } from '../../handlers/core/message-context'
import { startApiServer } from '../support/api-server'

let db: TestDb | undefined
afterEach(async () => {
  await db?.close()
  db = undefined
})

const kinds: [string, () => Promise<HandlerRepos>][] = [
  [
    'database',
    async () => {
      db = await openTestDb()
      return db.repos
    },
  ],
  ['memory', async () => createMemoryRepos()],
]

const now = new Date('2026-11-23T02:00:00Z')
const asker = { contactId: 'wx_xiuying', name: '秀英🌸', roomId: 'room_public' }

describe.each(kinds)('constituents’ needs (%s)', (_kind, make) => {
  it('open nobody’s, count by who asked and day, are taken in a round, and go back on withdraw', async () => {
    const repos = await make()
    const unit = await repos.orgs.ensure('白庙村')
    const wang = await repos.members.upsertByName({ name: '王芳', role: 'executive', orgId: unit.id }, now)
    const base = { messageId: 'm', orgId: unit.id, year: 2026, date: '2026-11-23', createdAt: now, by: 'i' }
    const { record } = await repos.needs.open({ ...base, id: 'k1', memberId: null, content: '找工作', asker })
    expect(record).toMatchObject({ number: 1, memberId: null, asker, itemId: null, round: 0, status: 'open' })
    const own = await repos.needs.open({ ...base, id: 'k2', memberId: wang.id, content: '培训' })
    expect(own.record).toMatchObject({ asker: null, itemId: 'k2', memberId: wang.id })
    expect(await repos.needs.askedOn(asker.contactId, '2026-11-23')).toEqual(['k1'])
    expect(await repos.needs.askedOn(asker.contactId, '2026-11-24')).toEqual([])

    await repos.needs.take('k1', 1, wang.id, 'take-1', now) // a stale round changes nothing
    expect(await repos.needs.findByNumber(1)).toMatchObject({ memberId: null })
    await repos.needs.take('k1', 0, wang.id, 'take-1', now)
    expect(await repos.needs.findByNumber(1)).toMatchObject({ memberId: wang.id, itemId: 'take-1' })
    expect((await repos.needs.listOf(wang.id)).map((n) => n.number)).toEqual([2, 1])

    await repos.needs.withdraw('take-1', now)
    expect(await repos.needs.findByNumber(1)).toMatchObject({ memberId: null, itemId: null, round: 1 })
    await repos.needs.withdraw('k2', now) // her own need leaves the ledger
    expect(await repos.needs.findByNumber(2)).toBeUndefined()
  })
})

describe('#认领 on the real server', () => {
  it('gives a need to one executive when two take it at once; the other is told who has it', async () => {
    db = await openTestDb()
    const h = createHandlerHarness({ repos: db.repos, at: '2026-11-23T10:00:00+08:00' })
    const people = await h.roster([
      { name: '王芳', role: 'executive', org: '白庙村' },
      { name: '张秀英', role: 'executive', org: '白庙村' },
    ])
    await h.bindGroup('白庙村联系群众群', 'constituent', '白庙村')
    await h.say({ room: '白庙村联系群众群', from: '秀英🌸', text: '@妇联助手 帮忙找个工作' })
    h.take()
    await Promise.all([h.say({ from: '王芳', text: '#认领 1' }), h.say({ from: '张秀英', text: '#认领 1' })])
    const said = h.take()
    const winner = said.find((s) => s.text.includes('您已认领'))!.to!
    const loser = winner === '王芳' ? '张秀英' : '王芳'
    expect(said.find((s) => s.to === loser)!.text).toBe(`1 号需求已由${winner}认领了，不用再认领。`)
    expect(await db.repos.needs.findByNumber(1)).toMatchObject({ memberId: people[winner]!.id })
    expect(await db.repos.progress.get(people[winner]!.id, 2026)).toMatchObject({ needsOpen: 1 })
    expect(await db.repos.progress.get(people[loser]!.id, 2026)).toBeUndefined()
  })
})

describe('GET /api/v1/needs', () => {
  it('lists a constituent’s need with her nickname, and neither her WeChat id nor the group’s', async () => {
    db = await openTestDb()
    const unit = await db.repos.orgs.ensure('白庙村')
    const base = { messageId: 'm', orgId: unit.id, year: 2026, date: '2026-11-23', createdAt: now, by: 'i' }
    await db.repos.needs.open({ ...base, id: 'k1', memberId: null, content: '找工作', asker })
    await db.repos.tokens.bootstrap('admin-token-for-tests-0001', new Date())
    const server = await startApiServer(db.repos)
    try {
      const res = await fetch(`${server.base}/api/v1/needs`, {
        headers: { authorization: 'Bearer admin-token-for-tests-0001' },
      })
      const body = await res.text()
      expect(res.status).toBe(200)
      expect(JSON.parse(body)).toEqual([
        expect.objectContaining({ number: 1, memberId: null, asker: { name: '秀英🌸' } }),
      ])
      expect(body).not.toMatch(/wx_xiuying|room_public/)
    } finally {
      await server.close()
    }
  })
})
