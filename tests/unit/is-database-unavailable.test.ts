import { isDatabaseUnavailable } from '../../src/repos/is-database-unavailable'

describe('isDatabaseUnavailable', () => {
  it('tells an unreachable database from a bug, by the error itself', () => {
    const selection = Object.assign(new Error('Server selection timed out after 5000 ms'), {
      name: 'MongooseServerSelectionError',
    })
    expect(isDatabaseUnavailable(selection)).toBe(true)
    expect(isDatabaseUnavailable(new Error('Operation `inbox.insertOne()` buffering timed out after 10000ms'))).toBe(
      true,
    )
    expect(isDatabaseUnavailable(new Error('x', { cause: new Error('connect ECONNREFUSED 127.0.0.1:27017') }))).toBe(
      true,
    )
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false)
  })
})

describe('passing server states are retried, not apologised for', () => {
  it('counts a busy or restarting server as unavailable, and a duplicate key or a bad query as not', () => {
    const server = (message: string, code?: number, errorLabels?: string[]) =>
      Object.assign(new Error(message), { name: 'MongoServerError', code, errorLabels })
    expect(isDatabaseUnavailable(server('database is locked (5) (SQLITE_BUSY)'))).toBe(true)
    expect(isDatabaseUnavailable(server('interrupted at shutdown', 11600))).toBe(true)
    expect(isDatabaseUnavailable(server('not primary', 10107))).toBe(true)
    expect(isDatabaseUnavailable(server('operation exceeded time limit', 50))).toBe(true)
    expect(isDatabaseUnavailable(server('write conflict', 112))).toBe(true)
    expect(isDatabaseUnavailable(server('anything', undefined, ['RetryableWriteError']))).toBe(true)
    expect(isDatabaseUnavailable(server('E11000 duplicate key error', 11000))).toBe(false)
    expect(isDatabaseUnavailable(server('unknown operator: $foo', 2))).toBe(false)
  })
})
