import mongoose, { type Connection } from 'mongoose'

const DEFAULT_DB = 'fulian'

/** The database named in the URI's path, if any (mongodb://host/name). */
export function databaseInUri(uri: string): string | undefined {
  const path = /^mongodb(?:\+srv)?:\/\/[^/]+\/([^?]*)/.exec(uri)?.[1]
  return path ? decodeURIComponent(path) : undefined
}

/** A connection of its own (not mongoose's global one), so tests and tools can hold several. */
export async function connectDatabase(
  uri: string,
  dbName?: string,
  options: { monitorCommands?: boolean } = {},
): Promise<Connection> {
  const conn = mongoose.createConnection(uri, {
    // Benchmarks count the commands each message costs; the product leaves this off.
    monitorCommands: options.monitorCommands ?? false,
    dbName: dbName ?? (databaseInUri(uri) ? undefined : DEFAULT_DB),
    serverSelectionTimeoutMS: 5_000,
    autoIndex: false,
    // Commands wait for a reconnect instead of failing at once when the database blips.
    bufferCommands: true,
  })
  await conn.asPromise()
  return conn
}
