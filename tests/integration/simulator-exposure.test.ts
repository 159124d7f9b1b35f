/** Where npm start's HTTP server listens, and its refusal to expose the simulator without a token. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { openTestDb, type TestDb } from '../support/test-db'
import { loadConfig, ConfigError } from '../../src/config'
import { systemClock } from '../../src/clock'
import { silentLogger } from '../../src/logger'
import { startServices } from '../../bots/start-services'
import { quietWechatyLogs } from '../../bots/quiet-wechaty-logs'

let db: TestDb
let dataDir: string

beforeAll(async () => {
  quietWechatyLogs('silent')
  db = await openTestDb()
  dataDir = mkdtempSync(join(tmpdir(), 'exposure-'))
})
afterAll(async () => {
  await db.close()
  rmSync(dataDir, { recursive: true, force: true })
})

const start = (env: Record<string, string>) =>
  startServices({
    config: { ...loadConfig({ DATA_DIR: dataDir, ...env }), PORT: 0 },
    repos: db.repos,
    clock: systemClock,
    log: silentLogger,
  })

it('listens on loopback only by default', async () => {
  const services = await start({})
  try {
    expect((services.server.address() as AddressInfo).address).toBe('127.0.0.1')
  } finally {
    await services.stop()
  }
}, 30_000)

it('refuses to expose the simulator without SIMULATOR_TOKEN, naming the variable', async () => {
  const refused = start({ HTTP_HOST: '0.0.0.0' })
  await expect(refused).rejects.toThrow(ConfigError)
  await expect(refused).rejects.toThrow(
    /Invalid environment variable SIMULATOR_TOKEN: is not set, and HTTP_HOST=0\.0\.0\.0/,
  )
})

it('exposes the simulator with a token, and then asks for it', async () => {
  const services = await start({ HTTP_HOST: '0.0.0.0', SIMULATOR_TOKEN: 'exposure-token-0123456789' })
  try {
    expect((services.server.address() as AddressInfo).address).toBe('0.0.0.0')
    const url = `http://127.0.0.1:${services.port}/simulator/api/state`
    expect((await fetch(url)).status).toBe(401)
    const ok = await fetch(url, { headers: { authorization: 'Bearer exposure-token-0123456789' } })
    expect(ok.status).toBe(200)
    expect(((await ok.json()) as { people: unknown[] }).people.length).toBeGreaterThan(0)
  } finally {
    await services.stop()
  }
}, 30_000)
