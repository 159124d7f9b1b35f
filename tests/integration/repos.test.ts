import { Types } from 'mongoose'
import { openTestDb, type TestDb } from '../support/test-db'
import { registerRoster } from '../support/fixtures'
import { syncProgress } from '../../src/services/sync-progress'
import { subjectKey } from '../../src/domain/progress'

let db: TestDb
const now = new Date('2026-11-20T02:00:00Z')

const contact = (memberId: string, sourceMessageId: string, subject: string) => ({
  memberId,
  year: 2026,
  date: '2026-11-20',
  createdAt: now,
  sourceMessageId,
  kind: 'representatives' as const,
  subject,
  subjectKey: subjectKey(subject),
  detail: null,
})

beforeAll(async () => {
  db = await openTestDb()
})
afterAll(async () => {
  await db.close()
})

describe('org units', () => {
  it('keeps a six-level tree and answers subtree questions', async () => {
    const levels = ['全国妇联', '湖北省', '襄阳市', '樊城区', '太平店镇', '新农村']
    for (let i = 1; i < levels.length; i++) await db.repos.orgs.ensure(levels[i]!, levels[i - 1])
    const city = (await db.repos.orgs.findByName('襄阳市'))!
    const village = (await db.repos.orgs.findByName('新农村'))!
    expect(village.ancestors).toHaveLength(5)
    const subtree = await db.repos.orgs.subtreeIds(city.id)
    expect(subtree).toHaveLength(4)
    expect(await db.repos.orgs.isWithin(village.id, city.id)).toBe(true)
    expect(await db.repos.orgs.isWithin(city.id, village.id)).toBe(false)
  })

  it('creates a unit once even when two callers race', async () => {
    const [a, b] = await Promise.all([
      db.repos.orgs.ensure('竞争区', '襄阳市'),
      db.repos.orgs.ensure('竞争区', '襄阳市'),
    ])
    expect(a.id).toBe(b.id)
  })
})

describe('members', () => {
  it('binds a WeChat id to the roster entry with her name the first time only', async () => {
    await registerRoster(db.repos, [{ name: '赵敏', role: 'executive', org: '襄阳市' }])
    const first = await db.repos.members.identify('赵敏', 'wx_zhao')
    expect(first && 'member' in first && first.member.contactIds).toEqual(['wx_zhao'])
    // An impostor taking her display name later does not get her records.
    expect(await db.repos.members.identify('赵敏', 'wx_other')).toBeUndefined()
    expect((await db.repos.members.findByContactId('wx_zhao'))?.name).toBe('赵敏')
  })

  it('refuses to guess between two unbound people with one name', async () => {
    await registerRoster(db.repos, [{ name: '王芳', role: 'executive', org: '樊城区' }])
    const org = await db.repos.orgs.ensure('襄城区', '襄阳市')
    // upsertByName keys on the name, so the second 王芳 is inserted by hand, as an import would.
    await db.conn
      .collection('members')
      .insertOne({ name: '王芳', role: 'executive', orgId: new Types.ObjectId(org.id), contactIds: [], createdAt: now })
    expect(await db.repos.members.identify('王芳', 'wx_wf')).toEqual({ ambiguous: true })
  })

  it('binds her when several of her own first messages race each other', async () => {
    await registerRoster(db.repos, [{ name: '冯英', role: 'executive', org: '襄阳市' }])
    const results = await Promise.all(Array.from({ length: 6 }, () => db.repos.members.identify('冯英', 'wx_feng')))
    expect(results.map((r) => (r && 'member' in r ? r.member.name : 'stranger'))).toEqual(Array(6).fill('冯英'))
    expect((await db.repos.members.findByContactId('wx_feng'))?.contactIds).toEqual(['wx_feng'])
  })

  it('lets only one of two racing contacts bind an entry', async () => {
    await registerRoster(db.repos, [{ name: '孙丽', role: 'executive', org: '襄阳市' }])
    const results = await Promise.all([
      db.repos.members.identify('孙丽', 'wx_a'),
      db.repos.members.identify('孙丽', 'wx_b'),
    ])
    expect(results.filter(Boolean)).toHaveLength(1)
    const bound = (await db.repos.members.findByContactId('wx_a')) ?? (await db.repos.members.findByContactId('wx_b'))
    expect(bound?.contactIds).toHaveLength(1)
  })
})

describe('records and progress', () => {
  it('stores one duty log per source message', async () => {
    const { 周红: m } = await registerRoster(db.repos, [{ name: '周红', role: 'executive', org: '襄阳市' }])
    const log = {
      memberId: m!.id,
      year: 2026,
      date: '2026-11-20',
      createdAt: now,
      sourceMessageId: 'msg-1',
      kind: 'representatives' as const,
      subject: '刘翠花',
      subjectKey: subjectKey('刘翠花'),
      detail: null,
    }
    const first = await db.repos.dutyLogs.insert(log)
    const again = await db.repos.dutyLogs.insert(log)
    expect(first.created).toBe(true)
    expect(again).toMatchObject({ created: false, record: { id: first.record.id } })
    expect(await db.repos.dutyLogs.countable(m!.id, 2026)).toHaveLength(1)
  })

  it('converges to the true count when many syncs and inserts interleave', async () => {
    const { 吴霞: m } = await registerRoster(db.repos, [{ name: '吴霞', role: 'executive', org: '襄阳市' }])
    await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        await db.repos.dutyLogs.insert({
          memberId: m!.id,
          year: 2026,
          date: '2026-11-20',
          createdAt: now,
          sourceMessageId: `race-${i}`,
          kind: 'representatives',
          subject: `代表${i % 6}`,
          subjectKey: `代表${i % 6}`,
          detail: null,
        })
        await syncProgress(db.repos, m!, 2026, now)
      }),
    )
    expect((await db.repos.progress.get(m!.id, 2026))?.counts.representatives).toBe(6)
  })

  it('recounts once when nothing else changes her records', async () => {
    const { 孙霞: m } = await registerRoster(db.repos, [{ name: '孙霞', role: 'executive', org: '襄阳市' }])
    await db.repos.dutyLogs.insert(contact(m!.id, 'once-1', '李梅'))
    let recounts = 0
    const counting = {
      ...db.repos,
      dutyLogs: {
        ...db.repos.dutyLogs,
        countable: (id: string, y: number) => (recounts++, db.repos.dutyLogs.countable(id, y)),
      },
    }
    const counts = await syncProgress(counting, m!, 2026, now)
    expect(counts.representatives).toBe(1)
    expect(recounts).toBe(1)
  })

  it('recounts again when its write lands after a newer one', async () => {
    const { 蒋丽: m } = await registerRoster(db.repos, [{ name: '蒋丽', role: 'executive', org: '襄阳市' }])
    await db.repos.dutyLogs.insert(contact(m!.id, 'late-1', '王芳'))
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    let writes = 0
    const slow = {
      ...db.repos,
      progress: {
        ...db.repos.progress,
        // The first write of this sync waits until another record has been stored and synced.
        write: async (p: Parameters<typeof db.repos.progress.write>[0], at: Date) => {
          if (writes++ === 0) await gate
          return db.repos.progress.write(p, at)
        },
      },
    }
    const late = syncProgress(slow, m!, 2026, now)
    await new Promise((r) => setTimeout(r, 200))
    await db.repos.dutyLogs.insert(contact(m!.id, 'late-2', '赵兰'))
    expect((await syncProgress(db.repos, m!, 2026, now)).representatives).toBe(2)
    release()
    expect((await late).representatives).toBe(2)
    expect(writes).toBe(2)
    expect((await db.repos.progress.get(m!.id, 2026))?.counts.representatives).toBe(2)
  })

  it('numbers needs once per message and resolves each once', async () => {
    const { 郑洁: m } = await registerRoster(db.repos, [{ name: '郑洁', role: 'executive', org: '襄阳市' }])
    const need = {
      memberId: m!.id,
      orgId: m!.orgId,
      year: 2026,
      date: '2026-11-20',
      createdAt: now,
      sourceMessageId: 'need-1',
      content: '家政培训',
    }
    const a = await db.repos.needs.open(need)
    const b = await db.repos.needs.open(need)
    expect(b.record.number).toBe(a.record.number)
    expect(await db.repos.needs.resolve(a.record.number, m!.id, now)).toBe(true)
    expect(await db.repos.needs.resolve(a.record.number, m!.id, now)).toBe(false)
    expect(await db.repos.needs.countByStatus(m!.id, 2026)).toEqual({ needsOpen: 0, needsResolved: 1 })
  })
})

describe('needs ledger numbers', () => {
  it('gives racing openers distinct numbers, without gaps', async () => {
    const { 钱芳: m } = await registerRoster(db.repos, [{ name: '钱芳', role: 'executive', org: '襄阳市' }])
    const opened = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        db.repos.needs.open({
          memberId: m!.id,
          orgId: m!.orgId,
          year: 2026,
          date: '2026-11-20',
          createdAt: now,
          sourceMessageId: `need-race-${i}`,
          content: `需求${i}`,
        }),
      ),
    )
    const numbers = opened.map((o) => o.record.number).sort((a, b) => a - b)
    expect(new Set(numbers).size).toBe(10)
    expect(numbers[9]! - numbers[0]!).toBe(9)
  })
})

describe('inbox', () => {
  const msg = (id: string, fingerprint = 'fp-' + id) => ({ messageId: id, fingerprint, owner: 'bot-a' })

  it('claims a message once; a redelivery is a duplicate', async () => {
    expect(await db.repos.inbox.claim(msg('m1'), now)).toEqual({ claimed: true, key: 'm1' })
    expect(await db.repos.inbox.claim(msg('m1'), now)).toEqual({ claimed: false, reason: 'inProgress' })
    await db.repos.inbox.finish('m1', now)
    expect(await db.repos.inbox.claim(msg('m1'), now)).toEqual({ claimed: false, reason: 'done' })
  })

  it('treats the same content under another id (a second bot account) as the same message', async () => {
    expect(await db.repos.inbox.claim(msg('m2', 'same'), now)).toMatchObject({ claimed: true })
    expect(await db.repos.inbox.claim(msg('m3', 'same'), now)).toMatchObject({ claimed: false })
  })

  it('lets another process finish a message whose lease ran out, under the original key', async () => {
    await db.repos.inbox.claim(msg('m4', 'fp4'), now, 1_000)
    const later = new Date(now.getTime() + 5_000)
    expect(
      await db.repos.inbox.claim({ messageId: 'm4-redelivered', fingerprint: 'fp4', owner: 'bot-b' }, later),
    ).toEqual({
      claimed: true,
      key: 'm4',
    })
  })

  it('gives a timed-out message to exactly one of many racing processes', async () => {
    await db.repos.inbox.claim(msg('m6', 'fp6'), now, 1_000)
    const later = new Date(now.getTime() + 5_000)
    const claims = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        db.repos.inbox.claim({ messageId: 'm6', fingerprint: 'fp6', owner: `bot-${i}` }, later),
      ),
    )
    expect(claims.filter((c) => c.claimed)).toHaveLength(1)
  })

  it('gives a racing claim to exactly one of many processes', async () => {
    const claims = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        db.repos.inbox.claim({ messageId: 'm5', fingerprint: 'fp5', owner: `bot-${i}` }, now),
      ),
    )
    expect(claims.filter((c) => c.claimed)).toHaveLength(1)
  })
})
