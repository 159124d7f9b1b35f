import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startDatabase, DatabaseUnavailableError } from '../../src/db/start-database'
import { silentLogger } from '../../src/logger'

describe('startDatabase', () => {
  it('uses MONGODB_URI as given', async () => {
    const db = await startDatabase(
      { MONGODB_URI: 'mongodb://db.example:27017/fulian', DATA_DIR: './data' },
      silentLogger,
    )
    expect(db).toMatchObject({ uri: 'mongodb://db.example:27017/fulian', embedded: false })
  })

  it('stops with one sentence naming MONGODB_URI and MONGOMS_SYSTEM_BINARY when no mongod can be had', async () => {
    const before = process.env.MONGOMS_SYSTEM_BINARY
    process.env.MONGOMS_SYSTEM_BINARY = '/nonexistent/mongod'
    try {
      const attempt = startDatabase({ DATA_DIR: mkdtempSync(join(tmpdir(), 'embedded-')) }, silentLogger)
      await expect(attempt).rejects.toBeInstanceOf(DatabaseUnavailableError)
      await expect(attempt).rejects.toThrow(/Set MONGODB_URI .* or set MONGOMS_SYSTEM_BINARY/)
      // The person installing it reads Chinese first, with an example to copy.
      await expect(attempt).rejects.toThrow(
        /^这台机器上启动不了内置数据库：请设置 MONGODB_URI.*例如 MONGODB_URI=mongodb:\/\//,
      )
    } finally {
      if (before === undefined) delete process.env.MONGOMS_SYSTEM_BINARY
      else process.env.MONGOMS_SYSTEM_BINARY = before
    }
  }, 30_000)
})
