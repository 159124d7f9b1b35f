import { randomBytes } from 'node:crypto'
import { loadConfig } from '../src/config'
import { silentLogger } from '../src/logger'
import { startDatabase } from '../src/db/start-database'
import { connectDatabase } from '../src/repos/connect'
import { createRepos, type RepoOptions } from '../src/repos/create-repos'

/**
 * A throw-away database on whichever server MONGODB_URI names (or the embedded one). With `count`, it
 * counts the commands sent (command monitoring costs some CPU, so timed runs leave it off).
 */
export async function openBenchDb(label: string, options: { count?: boolean; repos?: RepoOptions } = {}) {
  const config = loadConfig()
  const db = await startDatabase(config, silentLogger)
  const name = `bench_${label}_${randomBytes(3).toString('hex')}`
  const conn = await connectDatabase(db.uri, name, { monitorCommands: !!options.count })
  let commands = 0
  if (options.count) conn.getClient().on('commandStarted', () => commands++)
  const repos = createRepos(conn, options.repos)
  await repos.init()
  const info = await conn.db!.admin().command({ buildInfo: 1 })
  const server = info.ferretdbVersion ? `FerretDB ${info.ferretdbVersion}` : `MongoDB ${info.version}`
  return {
    conn,
    repos,
    server,
    /** Where the database is, for a child process to open it too. */
    uri: db.uri,
    name,
    /** Database commands sent so far on this connection. */
    commandsSent: () => commands,
    /**
     * Another process's view of the same database: its own connection (counting its commands) and its
     * own repositories, so nothing it asks for is cached yet.
     */
    async attach(more: { repos?: RepoOptions } = {}) {
      const other = await connectDatabase(db.uri, name, { monitorCommands: true })
      let sent = 0
      let returned = 0
      other.getClient().on('commandSucceeded', (e) => {
        const cursor = (e.reply as { cursor?: { firstBatch?: unknown[]; nextBatch?: unknown[] } }).cursor
        returned += (cursor?.firstBatch ?? cursor?.nextBatch ?? []).length
      })
      other.getClient().on('commandStarted', (e) => {
        sent++
        if (process.env.BENCH_TRACE) {
          const c = e.command as Record<string, unknown>
          process.stderr.write(
            `db: ${e.commandName} ${String(c[e.commandName])} ${JSON.stringify(c.filter ?? c.q ?? c.updates ?? '').slice(0, 120)}\n`,
          )
        }
      })
      return {
        conn: other,
        repos: createRepos(other, more.repos),
        commandsSent: () => sent,
        /** Documents the server handed back (what a read returned, across its batches). */
        documentsReturned: () => returned,
        close: () => other.close(),
      }
    },
    async close() {
      await conn.dropDatabase()
      await conn.close()
      await db.stop()
    },
  }
}
