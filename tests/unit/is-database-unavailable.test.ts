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
