import { mkdtempSync, writeFileSync, appendFileSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'
import { openJournal, JournalInUseError } from '../../src/journal/message-journal'
import type { IncomingMessage } from '../../src/incoming-message'

const msg = (id: string): IncomingMessage => ({
  id,
  talkerId: 'wx',
  talkerName: '张三',
  text: '#进度',
  kind: 'text',
  mentionsSelf: false,
  timestamp: 1,
})
const fresh = () => join(mkdtempSync(join(tmpdir(), 'journal-')), 'inbox.jsonl')

describe('message journal', () => {
  it('keeps pending messages in order across a reopen, and forgets done ones', async () => {
    const path = fresh()
    const j = await openJournal(path)
    for (const id of ['a', 'b', 'c']) await j.add(msg(id))
    await j.replied('b')
    await j.done('a')
    await j.close()
    const again = await openJournal(path)
    expect(again.pending().map((m) => m.id)).toEqual(['b', 'c'])
    expect(again.wasReplied('b')).toBe(true)
    expect(again.wasReplied('c')).toBe(false)
    await again.close()
  })

  it('keeps every line of a concurrent burst, through a compaction, as a killed process would leave it', async () => {
    const path = fresh()
    const j = await openJournal(path)
    const ids = Array.from({ length: 1500 }, (_, i) => `m${i}`)
    await Promise.all(ids.map((id) => j.add(msg(id))))
    await Promise.all(ids.slice(0, 1300).map((id) => j.replied(id)))
    // 1,200 done lines: the journal compacts itself once in the middle of these.
    for (const id of ids.slice(0, 1200)) j.done(id)
    await j.written()
    // Without the compaction the file would hold 4,000 lines by now.
    expect(readFileSync(path, 'utf8').trim().split('\n').length).toBeLessThan(2000)
    // Not closed: read back what is on disk, as the restarted process would after SIGKILL.
    const again = await openJournal(path)
    expect(again.pending().map((m) => m.id)).toEqual(ids.slice(1200))
    expect(ids.slice(1200).filter((id) => again.wasReplied(id))).toEqual(ids.slice(1200, 1300))
    await again.close()
  })

  it('survives a torn last line from a crash mid-write', async () => {
    const path = fresh()
    writeFileSync(path, JSON.stringify({ op: 'add', msg: msg('x') }) + '\n')
    appendFileSync(path, '{"op":"add","msg":{"id":"y"')
    const j = await openJournal(path)
    expect(j.pending().map((m) => m.id)).toEqual(['x'])
    await j.close()
  })

  it('refuses new messages past its bound instead of growing without limit', async () => {
    const j = await openJournal(fresh(), 2)
    expect(await j.add(msg('1'))).toBe(true)
    expect(await j.add(msg('2'))).toBe(true)
    expect(await j.add(msg('3'))).toBe(false)
    await j.close()
  })

  it('belongs to one process: a live owner keeps it, a dead owner’s lock is taken over', async () => {
    const path = fresh()
    writeFileSync(`${path}.lock`, String(process.ppid))
    await expect(openJournal(path)).rejects.toBeInstanceOf(JournalInUseError)
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' })
    writeFileSync(`${path}.lock`, dead.stdout)
    const j = await openJournal(path)
    expect(readFileSync(`${path}.lock`, 'utf8')).toBe(String(process.pid))
    await j.close()
  })
})
