import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { createServer, connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MongoMemoryServer } from 'mongodb-memory-server'

export interface RestartableDb {
  uri: string
  /** SIGKILL (a crash, the default) or SIGTERM (an operator's orderly stop, connections closed first). */
  stop(signal?: 'SIGKILL' | 'SIGTERM'): Promise<void>
  start(): Promise<void>
  close(): Promise<void>
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
  })
}

async function waitForPort(port: number, up: boolean): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const open = await new Promise<boolean>((resolve) => {
      const c = connect(port, '127.0.0.1')
      c.once('connect', () => (c.destroy(), resolve(true)))
      c.once('error', () => resolve(false))
    })
    if (open === up) return
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`port ${port} did not come ${up ? 'up' : 'down'}`)
}

/**
 * A database server of the test's own that it can take away and bring back with its data: FerretDB when
 * FERRETDB_BIN is set (CI here), otherwise a mongodb-memory-server instance on a fixed port and path.
 */
export async function startRestartableDb(): Promise<RestartableDb> {
  const port = await freePort()
  const dir = mkdtempSync(join(tmpdir(), 'outage-db-'))
  const uri = `mongodb://127.0.0.1:${port}/outage`
  const bin = process.env.FERRETDB_BIN
  if (bin) {
    let proc: ChildProcess | undefined
    const start = async () => {
      proc = spawn(
        bin,
        [
          '--handler=sqlite',
          `--sqlite-url=file:${dir}/`,
          `--state-dir=${dir}`,
          `--listen-addr=127.0.0.1:${port}`,
          '--debug-addr=127.0.0.1:0',
          '--telemetry=disable',
          '--log-level=error',
        ],
        { stdio: 'ignore' },
      )
      await waitForPort(port, true)
    }
    const stop = async (signal: 'SIGKILL' | 'SIGTERM' = 'SIGKILL') => {
      const exited = new Promise((r) => proc?.once('exit', r))
      proc?.kill(signal)
      await exited
      await waitForPort(port, false)
    }
    await start()
    return { uri, start, stop, close: stop }
  }
  const server = await MongoMemoryServer.create({ instance: { port, dbPath: dir, storageEngine: 'wiredTiger' } })
  return {
    uri,
    start: async () => {
      await server.start(true)
    },
    stop: async (signal = 'SIGKILL') => {
      await server.stop({ doCleanup: false, force: signal === 'SIGKILL' })
    },
    close: async () => {
      await server.stop({ doCleanup: true, force: true })
    },
  }
}
