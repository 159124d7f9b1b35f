import mongoose, { type Connection } from 'mongoose'

/** A connection of its own (not mongoose's global one), so tests and tools can hold several. */
export async function connectDatabase(uri: string, dbName?: string): Promise<Connection> {
  const conn = mongoose.createConnection(uri, {
    dbName,
    serverSelectionTimeoutMS: 5_000,
    autoIndex: false,
    // Commands wait for a reconnect instead of failing at once when the database blips.
    bufferCommands: true,
  })
  await conn.asPromise()
  return conn
}
