/**
 * What the repositories promise, checked against the real database and against the in-memory ones that
 * handler tests use, so that those fast tests rely on nothing the real ones do not do.
 */
import { Types } from 'mongoose'
import { openTestDb, type TestDb } from '../support/test-db'
import { createMemoryRepos } from '../support/memory-repos'
import { registerRoster } from '../support/fixtures'
import type { HandlerRepos } from '../../handlers/core/message-context'
import { createRepos } from '../../src/repos/create-repos'
import { recountProgress } from '../../src/services/recount-progress'
import type { LedgerChange } from '../../src/domain/ledger'

const now = new Date('2026-11-20T02:00:00Z')
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

const event = (key: string, by: string, change: LedgerChange) => ({ key, by, messageId: key, change })
const item = (id: string, key: string) => ({
  id,
  kind: 'representatives' as const,
  subject: key,
  key,
  date: '2026-11-20',
  at: 1,
})

describe.each(kinds)('repositories (%s)', (_kind, make) => {
  it('keep a six-level tree and answer subtree questions', async () => {
    const repos = await make()
    const levels = ['全国妇联', '湖北省', '襄阳市', '樊城区', '太平店镇', '新农村']
    for (let i = 1; i < levels.length; i++) await repos.orgs.ensure(levels[i]!, levels[i - 1])
    const city = (await repos.orgs.findByName('襄阳市'))!
    const village = (await repos.orgs.findByName('新农村'))!
    expect(village.ancestors).toHaveLength(5)
    expect(await repos.orgs.subtreeIds(city.id)).toHaveLength(4)
    expect(await repos.orgs.isWithin(village.id, city.id)).toBe(true)
    expect(await repos.orgs.isWithin(city.id, village.id)).toBe(false)
    // The whole tree at once, for the views: the same answers without a query per unit.
    const tree = await repos.orgs.tree()
    expect(tree.subtree(city.id).map((u) => u.name)).toEqual(['襄阳市', '樊城区', '太平店镇', '新农村'])
    expect(tree.chain(village.id).map((u) => u.name)).toEqual([...levels].reverse())
    expect([tree.height(city.id), tree.depth(city.id)]).toEqual([3, 2])
    expect(tree.isWithin(village.id, city.id)).toBe(true)
    // A setting written through the repository shows in the next tree this process reads.
    await repos.orgs.setSetting(city.id, 'countChairs', true)
    expect((await repos.orgs.tree()).get(city.id)!.settings.countChairs).toBe(true)
    const later = await repos.orgs.ensure('白庙村', '太平店镇')
    expect((await repos.orgs.tree()).get(later.id)?.parentId).toBe((await repos.orgs.findByName('太平店镇'))!.id)
  })

  it('bind an executive by nickname only in a bound executives’ group of her unit, the first time only', async () => {
    const repos = await make()
    const p = await registerRoster(
      repos,
      [
        { name: '赵敏', role: 'executive', org: '樊城区', parent: '襄阳市' },
        { name: '钱主席', role: 'chair', org: '樊城区', parent: '襄阳市' },
      ],
      now,
      { bind: false },
    )
    const district = p['赵敏']!.orgId
    const city = (await repos.orgs.findByName('襄阳市'))!.id
    // Private chat, or a group of another unit: a nickname proves nothing.
    expect(await repos.members.identify('赵敏', 'wx_zhao', now)).toBeUndefined()
    expect(
      await repos.members.identify('赵敏', 'wx_zhao', now, [(await repos.orgs.ensure('襄城区', '襄阳市')).id]),
    ).toBeUndefined()
    // Never a chair (or an admin) by nickname.
    expect(await repos.members.identify('钱主席', 'wx_qian', now, [district])).toBeUndefined()
    const first = await repos.members.identify('赵敏', 'wx_zhao', now, await repos.orgs.subtreeIds(city))
    expect(first && 'member' in first && first.member.contactIds).toEqual(['wx_zhao'])
    // An impostor taking her display name later does not get her records.
    expect(await repos.members.identify('赵敏', 'wx_other', now, [district])).toBeUndefined()
    expect((await repos.members.findByContactId('wx_zhao'))?.name).toBe('赵敏')
  })

  it('bind her when several of her own first messages race each other', async () => {
    const repos = await make()
    const p = await registerRoster(repos, [{ name: '冯英', role: 'executive', org: '襄阳市' }], now, { bind: false })
    const unit = [p['冯英']!.orgId]
    const results = await Promise.all(
      Array.from({ length: 6 }, () => repos.members.identify('冯英', 'wx_feng', now, unit)),
    )
    expect(results.map((r) => (r && 'member' in r ? r.member.name : 'stranger'))).toEqual(Array(6).fill('冯英'))
    expect((await repos.members.findByContactId('wx_feng'))?.contactIds).toEqual(['wx_feng'])
  })

  it('let only one of two racing contacts bind an entry', async () => {
    const repos = await make()
    const p = await registerRoster(repos, [{ name: '孙丽', role: 'executive', org: '襄阳市' }], now, { bind: false })
    const unit = [p['孙丽']!.orgId]
    const results = await Promise.all([
      repos.members.identify('孙丽', 'wx_a', now, unit),
      repos.members.identify('孙丽', 'wx_b', now, unit),
    ])
    expect(results.filter(Boolean)).toHaveLength(1)
  })

  it('keep two people of one name in two units apart, and move a unit with everything below it', async () => {
    const repos = await make()
    const a = await repos.members.upsertByName(
      { name: '王芳', role: 'executive', orgId: (await repos.orgs.ensure('白庙村', '樊城区')).id },
      now,
    )
    const b = await repos.members.upsertByName(
      { name: '王芳', role: 'executive', orgId: (await repos.orgs.ensure('李庄村', '樊城区')).id },
      now,
    )
    expect(a.id).not.toBe(b.id)
    expect((await repos.members.findByName('王芳')).map((m) => m.orgId).sort()).toEqual([a.orgId, b.orgId].sort())
    const province = await repos.orgs.ensure('湖北省')
    const city = await repos.orgs.ensure('襄阳市')
    await repos.orgs.reparent((await repos.orgs.findByName('樊城区'))!.id, city.id)
    await repos.orgs.reparent(city.id, province.id)
    expect(await repos.orgs.isWithin(a.orgId, province.id)).toBe(true)
    expect((await repos.orgs.subtreeIds(province.id)).length).toBe(5)
    await expect(repos.orgs.reparent(province.id, a.orgId)).rejects.toThrow()
  })

  it('refuse a WeChat id already bound to someone else', async () => {
    const repos = await make()
    const p = await registerRoster(repos, [
      { name: '甲', role: 'executive', org: '襄阳市' },
      { name: '乙', role: 'executive', org: '襄阳市' },
    ])
    expect(await repos.members.bindContact(p['甲']!.id, 'wx_x', now)).toBe(true)
    expect(await repos.members.bindContact(p['乙']!.id, 'wx_x', now)).toBe(false)
    expect(await repos.members.bindContact(p['甲']!.id, 'wx_x', now)).toBe(true)
    expect((await repos.members.findByContactId('wx_x'))?.name).toBe('甲')
  })

  it('record one event per key and return the first on a retry, whoever retries', async () => {
    const repos = await make()
    const owner = { id: new Types.ObjectId().toHexString(), orgId: new Types.ObjectId().toHexString() }
    const first = await repos.progress.record(owner, 2026, event('k1', 'bot-a', { add: item('k1', '刘翠花') }), now)
    const again = await repos.progress.record(owner, 2026, event('k1', 'bot-b', { add: item('k1', '别的') }), now)
    expect(first).toMatchObject({ created: true, changed: true, event: { by: 'bot-a' } })
    expect(again).toMatchObject({ created: false, changed: false, event: { by: 'bot-a' } })
    expect((await repos.progress.ledger(owner.id, 2026)).map((i) => i.subject)).toEqual(['刘翠花'])
  })

  it('number needs once per message, without gaps when openers race, and resolve each once', async () => {
    const repos = await make()
    const need = (i: number) => ({
      id: `n${i}`,
      messageId: `n${i}`,
      memberId: new Types.ObjectId().toHexString(),
      orgId: new Types.ObjectId().toHexString(),
      year: 2026,
      date: '2026-11-20',
      createdAt: now,
      by: 'test',
      content: `需求${i}`,
    })
    const opened = await Promise.all(Array.from({ length: 8 }, (_, i) => repos.needs.open(need(i))))
    expect(opened.map((o) => o.record.number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    expect((await repos.needs.open(need(3))).record.number).toBe(opened[3]!.record.number)
    expect(await repos.needs.resolve(1, need(0).memberId, now)).toBe(true)
    expect(await repos.needs.resolve(1, need(0).memberId, now)).toBe(false)
  })

  it('give a claim to the first caller only, keep its value, and tell the others who has it', async () => {
    const repos = await make()
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => repos.claims.claim('msg:x', `bot-${i}`, now, `v${i}`)),
    )
    const winner = results.findIndex((r) => r.won)
    expect(results.filter((r) => r.won)).toHaveLength(1)
    expect(await repos.claims.claim('msg:x', 'late', now)).toEqual({
      won: false,
      by: `bot-${winner}`,
      value: `v${winner}`,
    })
  })

  it('count distinct subjects, and take an undo as an event of its own', async () => {
    const repos = await make()
    const owner = { id: new Types.ObjectId().toHexString(), orgId: new Types.ObjectId().toHexString() }
    await repos.progress.record(owner, 2026, event('a', 'x', { add: item('a', '刘翠花') }), now)
    const b = await repos.progress.record(owner, 2026, event('b', 'x', { add: item('b', '刘翠花') }), now)
    expect(b).toMatchObject({ changed: true, counts: { representatives: 1 } })
    expect(await repos.progress.ledger(owner.id, 2026)).toHaveLength(2)
    await repos.progress.record(owner, 2026, event('undo-a', 'x', { remove: 'a' }), now)
    const nothing = await repos.progress.record(owner, 2026, event('undo-a-again', 'x', { remove: 'a' }), now)
    expect(nothing).toMatchObject({ created: true, changed: false })
    expect((await repos.progress.get(owner.id, 2026))?.representatives).toBe(1)
  })

  it('lose no change when one process records many in one ledger at once', async () => {
    const repos = await make()
    const owner = { id: new Types.ObjectId().toHexString(), orgId: new Types.ObjectId().toHexString() }
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        repos.progress.record(owner, 2026, event(`r${i}`, 'x', { add: item(`r${i}`, `代表${i % 6}`) }), now),
      ),
    )
    expect(await repos.progress.ledger(owner.id, 2026)).toHaveLength(12)
    expect((await repos.progress.get(owner.id, 2026))?.representatives).toBe(6)
  })
})

describe('ledgers written by two processes (database only)', () => {
  it('sees another process’s change and applies on top of it', async () => {
    db = await openTestDb()
    // Its own copies in memory, as a second process has; it looks for others' events on every read.
    const other = createRepos(db.conn)
    const owner = { id: new Types.ObjectId().toHexString(), orgId: new Types.ObjectId().toHexString() }
    await db.repos.progress.record(owner, 2026, event('a', 'p1', { add: item('a', '甲') }), now) // event 1, known here
    await other.progress.record(owner, 2026, event('b', 'p2', { add: item('b', '乙') }), now) // event 2, unseen here
    await db.repos.progress.record(owner, 2026, event('c', 'p1', { add: item('c', '丙') }), now)
    expect((await other.progress.ledger(owner.id, 2026)).map((i) => i.id).sort()).toEqual(['a', 'b', 'c'])
  })

  it('is exact at once under racing writers from three processes, on any server', async () => {
    db = await openTestDb()
    const processes = [db.repos, createRepos(db.conn), createRepos(db.conn)]
    const [member] = Object.values(await registerRoster(db.repos, [{ name: '吴霞', role: 'executive', org: '襄阳市' }]))
    // Each message goes to two processes, as to two bot accounts in one group: each records once.
    const outcomes = await Promise.all(
      Array.from({ length: 36 }, (_, i) => {
        const n = Math.floor(i / 2)
        const add = { add: item(`race-${n}`, `代表${n}`) }
        return processes[i % 3]!.progress.record(member!, 2026, event(`race-${n}`, `p${i % 3}`, add), now)
      }),
    )
    expect(outcomes.filter((o) => o.created)).toHaveLength(18)
    // Each change took its slot by a unique insert and only the slot's holder wrote her year: none lost
    // or doubled, on FerretDB 1.x too (whose conditional updates are not atomic).
    expect(await db.conn.collection('ledger_events').countDocuments({ memberId: new Types.ObjectId(member!.id) })).toBe(
      18,
    )
    expect(await createRepos(db.conn).progress.ledger(member!.id, 2026)).toHaveLength(18)
    expect((await db.repos.progress.get(member!.id, 2026))!.representatives).toBe(18)
    expect(await recountProgress(db.repos, [2026])).toMatchObject({ repaired: 0 })
  })
})

it('reads the org tree again when asked for a unit another process created since it was cached', async () => {
  db = await openTestDb()
  const other = createRepos(db.conn) // a second process on the same database
  await db.repos.orgs.ensure('襄阳市')
  expect((await db.repos.orgs.tree()).all()).toHaveLength(1)
  const district = await other.orgs.ensure('樊城区', '襄阳市')
  expect((await db.repos.orgs.tree()).all()).toHaveLength(1) // still the cached tree
  expect((await db.repos.orgs.tree(district.id)).get(district.id)?.name).toBe('樊城区')
})
