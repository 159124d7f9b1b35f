import { randomBytes } from 'node:crypto'
import { loadConfig } from '../src/config'
import { silentLogger } from '../src/logger'
import { startDatabase } from '../src/db/start-database'
import { connectDatabase } from '../src/repos/connect'
import { createRepos } from '../src/repos/create-repos'

/**
 * A throw-away database on whichever server MONGODB_URI names (or the embedded one). With `count`, it
 * counts the commands sent (command monitoring costs some CPU, so timed runs leave it off).
 */
export async function openBenchDb(label: string, options: { count?: boolean } = {}) {
  const config = loadConfig()
  const db = await startDatabase(config, silentLogger)
  const conn = await connectDatabase(db.uri, `bench_${label}_${randomBytes(3).toString('hex')}`, {
    monitorCommands: !!options.count,
  })
  let commands = 0
  if (options.count) conn.getClient().on('commandStarted', () => commands++)
  const repos = createRepos(conn)
  await repos.init()
  const info = await conn.db!.admin().command({ buildInfo: 1 })
  const server = info.ferretdbVersion ? `FerretDB ${info.ferretdbVersion}` : `MongoDB ${info.version}`
  return {
    conn,
    repos,
    server,
    /** Database commands sent so far on this connection. */
    commandsSent: () => commands,
    async close() {
      await conn.dropDatabase()
      await conn.close()
      await db.stop()
    },
  }
}
