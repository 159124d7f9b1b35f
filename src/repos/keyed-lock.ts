/**
 * Runs work for one key after the work queued before it for that key, in this process: two messages
 * of one executive then never race each other's compare-and-set (which would cost a read and a retry).
 * Other processes are not held back; the compare-and-set is what keeps them apart.
 */
export function createKeyedLock() {
  const tails = new Map<string, Promise<unknown>>()
  return function withLock<T>(key: string, work: () => Promise<T>): Promise<T> {
    const run = (tails.get(key) ?? Promise.resolve()).then(work, work)
    const tail = run.catch(() => undefined)
    tails.set(key, tail)
    void tail.then(() => tails.get(key) === tail && tails.delete(key))
    return run
  }
}
