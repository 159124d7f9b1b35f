/**
 * Whether an error means "the database could not do it just now" (so the work should wait and be
 * retried) rather than a bug: the server is unreachable, restarting, stepping down, busy ("database is
 * locked" from FerretDB's SQLite) or timed out. Decided from the error itself: asking the database
 * afterwards races its return.
 */
const NAMES = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
  'MongoServerClosedError',
  'MongoWaitQueueTimeoutError',
])
/** Server codes of passing states: host unreachable or not found, exceeded time limit, network timeout,
 * interrupted at shutdown, not primary, shutdown in progress, write conflict, primary stepped down… */
const CODES = new Set([6, 7, 50, 89, 91, 112, 189, 262, 9001, 10107, 11600, 11602, 13435, 13436])
const LABELS = ['RetryableWriteError', 'ResetPool', 'TransientTransactionError', 'InterruptInUseConnections']
const MESSAGES =
  /buffering timed out|ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|connection .*closed|Topology is closed|socket hang up|database is locked|SQLITE_BUSY|server is shutting down/i

export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const { name, message, code, errorLabels } = e as {
      name?: string
      message?: string
      code?: unknown
      errorLabels?: unknown
    }
    if (name && NAMES.has(name)) return true
    if (typeof code === 'number' && CODES.has(code)) return true
    if (Array.isArray(errorLabels) && errorLabels.some((l) => LABELS.includes(l))) return true
    if (message && MESSAGES.test(message)) return true
  }
  return false
}
