/**
 * Uses MONGODB_URI when set (CI here: FerretDB, see .ci/run); otherwise starts mongodb-memory-server,
 * so `npm test` works on a machine with nothing but Node.
 */
import { MongoMemoryServer } from 'mongodb-memory-server'

export default async function globalSetup(): Promise<void> {
  if (process.env.MONGODB_URI) return
  const server = await MongoMemoryServer.create()
  ;(globalThis as { __MONGO_SERVER__?: MongoMemoryServer }).__MONGO_SERVER__ = server
  process.env.MONGODB_URI = server.getUri()
}
