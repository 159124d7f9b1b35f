/** npm run rebuild-progress: refolds every executive's ledger and counts, for every year, from her events. */
import { loadConfig } from '../src/config'
import { createLogger } from '../src/logger'
import { startDatabase } from '../src/db/start-database'
import { connectDatabase } from '../src/repos/connect'
import { createRepos } from '../src/repos/create-repos'
import { recountProgress } from '../src/services/recount-progress'

async function main(): Promise<void> {
  const config = loadConfig()
  const log = createLogger(config.LOG_LEVEL)
  const db = await startDatabase(config, log)
  const conn = await connectDatabase(db.uri)
  try {
    const repos = createRepos(conn)
    await repos.init()
    const result = await recountProgress(repos, await repos.progress.years())
    log.info('progress rebuilt', result)
  } finally {
    await conn.close()
    await db.stop()
  }
}

main().catch((err) => {
  process.stderr.write(`rebuild-progress failed: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
