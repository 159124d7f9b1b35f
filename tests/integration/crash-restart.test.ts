/**
 * The bot process is killed with SIGKILL in the middle of a burst and started again: every command it
 * had journaled is stored exactly once and answered across the two processes (see below for the one
 * instant in which an answer can go out twice).
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
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
    await new Promise<void>((resolve, reject) => {
      burst.stdout.on('data', (d: Buffer) => {
        if (String(d).includes('ready')) setTimeout(resolve, 1_500)
      })
      burst.once('exit', (code) => reject(new Error(`burst child exited early with ${code}`)))
    })
    burst.removeAllListeners('exit')
    burst.kill('SIGKILL')
    await new Promise((r) => burst.once('exit', r))

    const journal = readFileSync(join(dataDir, 'journal', 'inbox.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    const accepted = new Set(journal.filter((l) => l.op === 'add').map((l) => l.msg.id as string))
    const conn = await connectDatabase(process.env.MONGODB_URI!, dbName)
    expect(accepted.size).toBeGreaterThan(20)
    expect(accepted.size).toBeLessThan(400) // killed in the middle, not after the burst

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
      // Each accepted command is answered: by the killed process or, after the restart, by the new one. A
      // message whose answer went out in the instant before the kill, before the journal noted it, is answered
      // again after the restart (at-least-once answers; records stay exactly once): at most those in flight,
      // which with a message every 10 ms and each taking tens of ms on FerretDB is under ten.
      const answers = readFileSync(join(dataDir, 'answers.log'), 'utf8').trim().split('\n')
      const answered = answers
        .map((a) => /活动(\d+)/.exec(a)?.[1])
        .filter(Boolean)
        .map((n) => `kill-${n}`)
      expect([...accepted].filter((id) => !answered.includes(id))).toEqual([])
      const twice = [...accepted].filter((id) => answered.filter((a) => a === id).length > 1)
      expect(twice.length).toBeLessThanOrEqual(10)
    } finally {
      await conn.dropDatabase()
      await conn.close()
    }
  }, 180_000)
})
