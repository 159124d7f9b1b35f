/**
 * A message is claimed once, by its record or by a claim row, under a key taken from its content: a
 * second delivery, a second bot account and a restart find the claim; a replay of this instance's own
 * unfinished attempt completes it. Over in-memory repositories; the real database repeats the key cases
 * in tests/integration/message-pipeline.test.ts.
 */
import { mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHandlerHarness } from '../../support/handler-harness'
import { createMemoryRepos } from '../../support/memory-repos'
import { openJournal } from '../../../src/journal/message-journal'
import { createLogger } from '../../../src/logger'

const GROUP = '襄阳市执委工作交流群'

async function world() {
  const repos = createMemoryRepos()
  const h = createHandlerHarness({ repos, instance: 'account-a' })
  const people = await h.roster([{ name: '刘四', role: 'executive', org: '襄阳市' }])
  await h.bindGroup(GROUP, 'executive', '襄阳市')
  return { repos, h, liu: people['刘四']! }
}

describe('exactly once', () => {
  it('counts a message delivered twice once and answers it once', async () => {
    const { h, liu } = await world()
    const msg = h.message({ room: GROUP, from: '刘四', text: '#联系 马兰' })
    expect(await h.handle(msg)).toBe('handled')
    expect(await h.handle(msg)).toBe('duplicate')
    expect(h.take()).toHaveLength(1)
    expect((await h.repos.progress.get(liu.id, 2026))?.representatives).toBe(1)
  })

  it('handles a message once when two bot accounts receive it under different ids', async () => {
    const { repos, h, liu } = await world()
    const other = createHandlerHarness({ repos, instance: 'account-b' })
    const msg = h.message({ room: GROUP, from: '刘四', text: '#联系 双机测试' })
    const outcomes = await Promise.all([h.handle({ ...msg, id: 'a-1' }), other.handle({ ...msg, id: 'b-1' })])
    expect(outcomes.sort()).toEqual(['duplicate', 'handled'])
    expect(h.take().length + other.take().length).toBe(1)
    expect(await repos.progress.ledger(liu.id, 2026)).toHaveLength(1)
  })

  it('answers a read-only command once across two accounts', async () => {
    const { repos, h } = await world()
    const other = createHandlerHarness({ repos, instance: 'account-b' })
    const msg = h.message({ room: GROUP, from: '刘四', text: '#进度' })
    await Promise.all([h.handle(msg), other.handle({ ...msg, id: 'other-id' })])
    expect(h.take().length + other.take().length).toBe(1)
  })

  it('remembers a handled message after a restart of the same instance', async () => {
    const { repos, h } = await world()
    const msg = h.message({ room: GROUP, from: '刘四', text: '#联系 重启测试' })
    await h.handle(msg)
    const restarted = createHandlerHarness({ repos, instance: 'account-a' })
    expect(await restarted.handle(msg)).toBe('duplicate')
  })

  it('undoes once when an undo is delivered twice', async () => {
    const { h, liu } = await world()
    await h.say({ room: GROUP, from: '刘四', text: '#联系 甲' })
    await h.say({ room: GROUP, from: '刘四', text: '#联系 乙' })
    const undo = h.message({ room: GROUP, from: '刘四', text: '#撤销' })
    await h.handle(undo)
    expect(await h.handle(undo)).toBe('duplicate')
    expect((await h.repos.progress.ledger(liu.id, 2026)).map((i) => i.subject)).toEqual(['甲'])
  })
})

describe('an outage in the middle of a message', () => {
  const outage = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:27017'), { name: 'MongoNetworkError' })

  it('tries a message again at once when the database was busy for a moment: recorded once, answered once', async () => {
    const repos = createMemoryRepos()
    const journal = await openJournal(join(mkdtempSync(join(tmpdir(), 'journal-')), 'inbox.jsonl'))
    const h = createHandlerHarness({ repos, journal, instance: journal.instance })
    const { 刘四: liu } = await h.roster([{ name: '刘四', role: 'executive', org: '襄阳市' }])
    await h.bindGroup(GROUP, 'executive', '襄阳市')
    const record = repos.progress.record
    let failures = 2
    repos.progress.record = async (...args) => {
      const done = await record(...args)
      if (failures-- > 0) throw Object.assign(new Error('database is locked (5) (SQLITE_BUSY)'), { code: 1 })
      return done
    }
    const msg = h.message({ room: GROUP, from: '刘四', text: '#联系 忙线测试' })
    expect(await h.handle(msg)).toBe('handled')
    expect(h.take().map((m) => m.text)).toEqual([
      '✏️ 已记录：联系妇女代表「忙线测试」（今天）\n⬜ 联系妇女代表 1/5–7 ▓░░░░░░',
    ])
    expect(journal.pending()).toEqual([])
    expect(await repos.progress.ledger(liu!.id, 2026)).toHaveLength(1)
    await journal.close()
  })

  it('keeps the message in the journal and completes it exactly once on replay', async () => {
    const repos = createMemoryRepos()
    const journal = await openJournal(join(mkdtempSync(join(tmpdir(), 'journal-')), 'inbox.jsonl'))
    const h = createHandlerHarness({ repos, journal, instance: journal.instance })
    const { 刘四: liu } = await h.roster([{ name: '刘四', role: 'executive', org: '襄阳市' }])
    await h.bindGroup(GROUP, 'executive', '襄阳市')
    const record = repos.progress.record
    let failures = 4 // the first attempt and the three tried again at once
    repos.progress.record = async (...args) => {
      const done = await record(...args)
      if (failures-- > 0) throw outage() // stored, but the answer was lost with the connection
      return done
    }
    const msg = h.message({ room: GROUP, from: '刘四', text: '#联系 断线测试' })
    expect(await h.handle(msg)).toBe('deferred')
    expect(h.take()).toEqual([])
    expect(journal.pending().map((m) => m.id)).toEqual([msg.id])

    expect(await h.handle(msg, { replay: true })).toBe('handled')
    expect(h.take().map((m) => m.text)).toEqual([
      '✏️ 已记录：联系妇女代表「断线测试」（今天）\n⬜ 联系妇女代表 1/5–7 ▓░░░░░░',
    ])
    expect(journal.pending()).toEqual([])
    expect(await repos.progress.ledger(liu!.id, 2026)).toHaveLength(1)
    await journal.close()
  })

  it('journals only messages for the bot, masked, in a file only its owner can read; the masked copy replays as the same message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'journal-'))
    const path = join(dir, 'inbox.jsonl')
    const repos = createMemoryRepos()
    const journal = await openJournal(path)
    const h = createHandlerHarness({ repos, journal, instance: journal.instance })
    const { 刘四: liu } = await h.roster([{ name: '刘四', role: 'executive', org: '襄阳市' }])
    await h.bindGroup(GROUP, 'executive', '襄阳市')
    const record = repos.progress.record
    let failures = 4
    repos.progress.record = async (...args) => {
      const done = await record(...args)
      if (failures-- > 0) throw outage()
      return done
    }
    await h.handle(h.message({ room: GROUP, from: '刘四', text: '大家晚上好，我电话 138 1234 5678' }))
    const msg = h.message({ room: GROUP, from: '刘四', text: '#联系 马兰 她电话138-1234-5678' })
    expect(await h.handle(msg)).toBe('deferred')
    const onDisk = readFileSync(path, 'utf8')
    expect(onDisk).not.toMatch(/1234.?5678|晚上好/)
    expect(onDisk).toContain('138****5678')
    expect(statSync(path).mode & 0o777).toBe(0o600)
    // What a restarted process replays is the journaled copy: it is the same message, recorded once.
    const [copy] = journal.pending()
    expect(await h.handle(copy!, { replay: true })).toBe('handled')
    expect(await h.handle(msg)).toBe('duplicate')
    expect(await repos.progress.ledger(liu!.id, 2026)).toHaveLength(1)
    expect(journal.pending()).toEqual([])
    await journal.close()
  })

  it('replays an undo by undoing the record it chose the first time', async () => {
    const repos = createMemoryRepos()
    const journal = await openJournal(join(mkdtempSync(join(tmpdir(), 'journal-')), 'inbox.jsonl'))
    const h = createHandlerHarness({ repos, journal, instance: journal.instance })
    const { 刘四: liu } = await h.roster([{ name: '刘四', role: 'executive', org: '襄阳市' }])
    await h.say({ from: '刘四', text: '#联系 甲' })
    await h.say({ from: '刘四', text: '#联系 乙' })
    const record = repos.progress.record
    let failures = 4
    repos.progress.record = async (...args) => {
      const done = await record(...args)
      if (failures-- > 0) throw outage() // 乙 is undone, but the answer was lost with the connection
      return done
    }
    const undo = h.message({ from: '刘四', text: '#撤销' })
    expect(await h.handle(undo)).toBe('deferred')
    expect(await h.handle(undo, { replay: true })).toBe('handled')
    expect(h.take().pop()!.text).toBe('↩️ 已撤销：联系妇女代表「乙」（今天）')
    expect((await repos.progress.ledger(liu!.id, 2026)).map((i) => i.subject)).toEqual(['甲'])
    await journal.close()
  })

  it('apologises for anything else and logs one line with the message id', async () => {
    const lines: string[] = []
    const repos = createMemoryRepos()
    const h = createHandlerHarness({ repos, log: createLogger('error', (line) => lines.push(line)) })
    await h.roster([{ name: '刘四', role: 'executive', org: '襄阳市' }])
    repos.progress.record = async () => {
      throw new TypeError('a bug')
    }
    const msg = h.message({ from: '刘四', text: '#联系 甲' })
    expect(await h.handle(msg)).toBe('failed')
    expect(h.take().map((m) => m.text)).toEqual(['抱歉，系统暂时出了点问题，您的消息没有处理成功，请稍后再发一次。'])
    expect(lines).toHaveLength(1)
    expect(JSON.parse(lines[0]!)).toMatchObject({ msg: 'message failed', messageId: msg.id, intent: 'duty' })
  })
})
