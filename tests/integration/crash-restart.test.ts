/**
 * The bot process is killed with SIGKILL in the middle of a burst and started again: every command it
 * had journaled is stored exactly once, and answered at most once across the two processes (an answer is
 * noted in the journal before it goes, so the instant a kill can cut is between that note and the send:
 * such an answer is missing, never doubled).
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { connectDatabase } from '../../src/repos/connect'

const root = join(__dirname, '..', '..')
// Node itself with tsx as a loader, not the tsx CLI: the CLI runs a child process that SIGKILL would orphan.
const child = (args: string[]) =>
  spawn(process.execPath, ['--import', 'tsx', join(__dirname, '..', 'support', 'crash-child.ts'), ...args], {
    cwd: root,
    env: process.env,
  })

describe('SIGKILL in the middle of a burst', () => {
  it('loses nothing it had accepted and stores nothing twice after a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'crash-'))
    const dbName = `crash_${randomBytes(4).toString('hex')}`
    const burst = child(['burst', dataDir, dbName, '400'])
    // Killed in the middle: once it has been told some 60 commands (however busy the machine is). Not by
    // the journal's size: a journal with nothing pending is compacted, so on a quick machine it stays short.
    let said = 0
    await new Promise<void>((resolve, reject) => {
      burst.stdout.on('data', (d: Buffer) => {
        for (const m of d.toString().matchAll(/said (\d+)/g)) said = Number(m[1])
        if (said >= 60) resolve()
      })
      burst.once('exit', (code) => reject(new Error(`burst child exited early with ${code}`)))
    })
    burst.removeAllListeners('exit')
    burst.kill('SIGKILL')
    await new Promise((r) => burst.once('exit', r))

    const journal = readFileSync(join(dataDir, 'journal', 'inbox.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l))
    const answeredBy = (mode: string) =>
      (existsSync(join(dataDir, 'answers.log')) ? readFileSync(join(dataDir, 'answers.log'), 'utf8') : '')
        .split('\n')
        .filter((a) => a.startsWith(`${mode}\t`))
        .map((a) => /活动(\d+)/.exec(a)?.[1])
        .filter(Boolean)
        .map((n) => `kill-${n}`)
    // Accepted: what the journal still holds, and what was answered before the kill (an answered message
    // was journaled first; a settled one may have been compacted away since).
    const answeredBefore = answeredBy('burst')
    const accepted = new Set([
      ...journal.filter((l) => l.op === 'add').map((l) => l.msg.id as string),
      ...answeredBefore,
    ])
    const conn = await connectDatabase(process.env.MONGODB_URI!, dbName)
    expect(accepted.size).toBeGreaterThan(20)
    expect(said).toBeLessThan(400) // killed in the middle, not after the burst

    const replay = child(['replay', dataDir, dbName, '0'])
    const output = await new Promise<string>((resolve, reject) => {
      let out = ''
      replay.stdout.on('data', (d: Buffer) => (out += d))
      replay.stderr.on('data', (d: Buffer) => (out += d))
      replay.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`replay child failed: ${out}`))))
    })
    expect(output).toContain('replayed')
    try {
      const logs = await conn
        .collection('ledger_events')
        .find({}, { projection: { messageId: 1 } })
        .toArray()
      const stored = logs.map((l) => l.messageId as string)
      expect(new Set(stored).size).toBe(stored.length)
      expect([...accepted].filter((id) => !stored.includes(id))).toEqual([])
      // No command is answered twice. One is unanswered only if the kill fell between the journal's note
      // that its answer was going out and the send itself (at most once).
      const answered = [...answeredBefore, ...answeredBy('replay')]
      const twice = [...accepted].filter((id) => answered.filter((a) => a === id).length > 1)
      expect(twice).toEqual([])
      const noted = new Set(journal.filter((l) => l.op === 'replied').map((l) => l.id as string))
      const unanswered = [...accepted].filter((id) => !answered.includes(id))
      expect(unanswered.filter((id) => !noted.has(id))).toEqual([])
    } finally {
      await conn.dropDatabase()
      await conn.close()
    }
  }, 180_000)
})
