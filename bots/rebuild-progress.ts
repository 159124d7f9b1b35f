/** npm run rebuild-progress: recounts every executive's stored progress from her records. */
import { loadConfig } from '../src/config'
import { createLogger } from '../src/logger'
import { startDatabase } from '../src/db/start-database'
import { connectDatabase } from '../src/repos/connect'
import { createRepos } from '../src/repos/create-repos'
import { rebuildProgress } from '../src/services/rebuild-progress'

async function main(): Promise<void> {
  const config = loadConfig()
  const log = createLogger(config.LOG_LEVEL)
  const db = await startDatabase(config, log)
  const conn = await connectDatabase(db.uri)
  try {
    const repos = createRepos(conn)
    await repos.init()
    const result = await rebuildProgress(repos, new Date())
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
