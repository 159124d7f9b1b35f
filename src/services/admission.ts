/**
 * At most `limit` pieces of work at once, the rest waiting their turn in arrival order. A database
 * answers a burst fastest when it is given a few requests at a time: hundreds at once only queue inside
 * it and fight over its locks (measured: FerretDB/SQLite went from keeping up with 30 messages a second
 * to 10 a second when the backlog let every message in at once).
 */
export function createAdmission(limit: number) {
  let running = 0
  const waiting: (() => void)[] = []
  return {
    async run<T>(work: () => Promise<T>): Promise<T> {
      if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve))
      else running++
      try {
        return await work()
      } finally {
        const next = waiting.shift()
        if (next) next()
        else running--
      }
    },
    /** How many wait for their turn now. */
    waiting: () => waiting.length,
  }
}
