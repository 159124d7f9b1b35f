/**
 * Whether an error means "the database could not be reached" (so the work should wait and be retried)
 * rather than a bug. Decided from the error itself: asking the database afterwards races its return.
 */
const NAMES = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
])
const MESSAGES =
  /buffering timed out|ECONNREFUSED|ECONNRESET|EPIPE|connection .*closed|Topology is closed|socket hang up/i

export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const { name, message } = e as { name?: string; message?: string }
    if ((name && NAMES.has(name)) || (message && MESSAGES.test(message))) return true
  }
  return false
}
