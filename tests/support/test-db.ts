import { randomBytes } from 'node:crypto'
import type { Connection } from 'mongoose'
import { connectDatabase } from '../../src/repos/connect'
import { createRepos, type Repos } from '../../src/repos/create-repos'

export interface TestDb {
  uri: string
  dbName: string
  conn: Connection
  repos: Repos
  close(): Promise<void>
}

/** A fresh database on the real server for one test file; dropped when closed. */
export async function openTestDb(): Promise<TestDb> {
  const uri = process.env.MONGODB_URI
  if (!uri) throw new Error('MONGODB_URI is not set: the jest global setup should have set it')
  const dbName = `t_${process.env.JEST_WORKER_ID ?? '0'}_${randomBytes(4).toString('hex')}`
  const conn = await connectDatabase(uri, dbName)
  const repos = createRepos(conn)
  await repos.init()
  return {
    uri,
    dbName,
    conn,
    repos,
    async close() {
      await conn.dropDatabase()
      await conn.close()
    },
  }
}
