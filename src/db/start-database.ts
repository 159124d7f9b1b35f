import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Logger } from '../logger'

export interface DatabaseHandle {
  uri: string
  embedded: boolean
  stop(): Promise<void>
}

export class DatabaseUnavailableError extends Error {
  constructor(cause: unknown) {
    super(
      '这台机器上启动不了内置数据库：请设置 MONGODB_URI 指向一个 MongoDB（或兼容的）服务器，' +
        '例如 MONGODB_URI=mongodb://127.0.0.1:27017/fulian npm start；或设置 MONGOMS_SYSTEM_BINARY 为本机 mongod 的路径。' +
        'No MongoDB server could be started here. Set MONGODB_URI to a MongoDB (or compatible) server, ' +
        'or set MONGOMS_SYSTEM_BINARY to the path of a local mongod for the embedded database. ' +
        `(${cause instanceof Error ? cause.message.split('\n')[0] : String(cause)})`,
    )
    this.name = 'DatabaseUnavailableError'
  }
}

/** MONGODB_URI when set; otherwise an embedded mongod whose files live under DATA_DIR/db across restarts. */
export async function startDatabase(
  config: { MONGODB_URI?: string; DATA_DIR: string },
  log: Logger,
): Promise<DatabaseHandle> {
  if (config.MONGODB_URI) return { uri: config.MONGODB_URI, embedded: false, stop: async () => undefined }
  const dbPath = resolve(join(config.DATA_DIR, 'db'))
  mkdirSync(dbPath, { recursive: true })
  // mongodb-memory-server prints its own multi-line failure to the console; the operator gets our one sentence.
  const { warn, error } = console
  console.warn = (...args: unknown[]) => log.debug('mongodb-memory-server', { args: args.map(String) })
  console.error = console.warn
  try {
    const { MongoMemoryServer } = await import('mongodb-memory-server')
    const server = await MongoMemoryServer.create({ instance: { dbPath, storageEngine: 'wiredTiger' } })
    log.info('embedded MongoDB started', { dbPath })
    return {
      uri: server.getUri('fulian'),
      embedded: true,
      stop: async () => {
        await server.stop({ doCleanup: false })
      },
    }
  } catch (err) {
    throw new DatabaseUnavailableError(err)
  } finally {
    console.warn = warn
    console.error = error
  }
}
