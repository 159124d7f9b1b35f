/**
 * Best-effort bookkeeping written in batches: which rooms and friends an account reaches, when someone
 * last wrote. Consistency rule: nothing a user is told depends on it; an entry waits at most `everyMs`
 * (or until `flush`, which shutdown calls) and a crash loses at most that much of it, which the next
 * message or login writes again. One bulk command a batch instead of one write a message.
 */
export interface Batch<T> {
  add(item: T): void
  flush(): Promise<void>
}

export function createBatch<T>(
  write: (items: T[]) => Promise<void>,
  everyMs: number,
  onError: (err: unknown) => void,
): Batch<T> {
  let items: T[] = []
  let timer: NodeJS.Timeout | undefined
  let writing: Promise<void> = Promise.resolve()

  function flush(): Promise<void> {
    clearTimeout(timer)
    timer = undefined
    const batch = items
    items = []
    if (batch.length) writing = writing.then(() => write(batch).catch(onError))
    return writing
  }

  return {
    add(item) {
      items.push(item)
      timer ??= setTimeout(() => void flush(), everyMs).unref()
    },
    flush,
  }
}
