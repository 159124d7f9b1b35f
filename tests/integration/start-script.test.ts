/** npm start as an operator runs it: .env is read, and stopping npm stops the bot. */
import { spawn, execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const ROOT = join(__dirname, '..', '..')
let dir: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'start-script-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** The environment of a fresh shell: none of the test's own settings leak in. */
const bareEnv = (extra: Record<string, string>) => ({ PATH: process.env.PATH!, HOME: process.env.HOME!, ...extra })

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
  })

/** Every process below `pid`, children first. */
function descendants(pid: number): number[] {
  const table = execFileSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number) as [number, number])
  const below = (p: number): number[] => table.filter(([, pp]) => pp === p).flatMap(([c]) => [c, ...below(c)])
  return below(pid)
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

it('reads .env from where it starts, with the environment winning over the file', async () => {
  writeFileSync(join(dir, '.env'), 'LOG_LEVEL=loud\nNOTICE_FOLLOW_UP_HOURS=0\n')
  const loader = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href
  const child = spawn(process.execPath, ['--import', loader, join(ROOT, 'bots', 'main.ts')], {
    cwd: dir,
    env: bareEnv({ LOG_LEVEL: 'info' }),
  })
  let stderr = ''
  child.stderr.on('data', (b) => (stderr += b))
  const code = await new Promise((r) => child.on('exit', r))
  expect(code).toBe(1)
  // LOG_LEVEL=loud in the file lost to the environment's info; the file's bad value stopped start-up.
  expect(stderr).toMatch(/^Invalid environment variable NOTICE_FOLLOW_UP_HOURS: .* Fix it in \.env/)
}, 30_000)

it('stops the bot when npm gets SIGTERM, leaving no process behind', async () => {
  const port = await freePort()
  const npm = spawn('npm', ['start', '--silent'], {
    cwd: ROOT,
    env: bareEnv({ MONGODB_URI: process.env.MONGODB_URI!, DATA_DIR: dir, PORT: String(port), LOG_LEVEL: 'warn' }),
    stdio: 'ignore',
  })
  let children: number[] = []
  try {
    for (let i = 0; i < 200; i++) {
      const up = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
      if (up) break
      await new Promise((r) => setTimeout(r, 100))
    }
    children = descendants(npm.pid!)
    expect(children.length).toBeGreaterThan(0)
    npm.kill('SIGTERM')
    for (let i = 0; i < 100 && children.some(alive); i++) await new Promise((r) => setTimeout(r, 100))
    expect(children.filter(alive)).toEqual([])
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow()
  } finally {
    // Whatever is left (an orphan, when the start script fails this test) is the test's to clean up.
    for (const pid of [npm.pid!, ...children]) if (alive(pid)) process.kill(pid, 'SIGKILL')
  }
}, 60_000)
