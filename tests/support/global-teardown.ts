import type { MongoMemoryServer } from 'mongodb-memory-server'

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __MONGO_SERVER__?: MongoMemoryServer }).__MONGO_SERVER__?.stop()
}
