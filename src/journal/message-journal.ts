import {
  mkdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
  chmodSync,
  existsSync,
  openSync,
  closeSync,
  unlinkSync,
} from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'
import { dirname } from 'node:path'
import { hostname } from 'node:os'
import { randomBytes } from 'node:crypto'
import type { IncomingMessage } from '../incoming-message'

/**
 * A bounded write-ahead journal on local disk for incoming commands. Consistency rule: `add` resolves once
 * the command's line is on disk (one fsync for all the lines written meanwhile), and the bot handles and
 * answers it only after that. `replied` resolves once its line is written (to the page cache, which
 * survives the process being killed; no fsync), and the answer goes out only after that, so a replay
 * after a crash never answers twice (an answer cut off by the kill in that instant is lost instead: at
 * most once). `done` lets it go. Whatever is pending after an outage or a crash is handled again from
 * here. Lines are written in order by one writer off the event loop (a write blocks while the file is
 * being synced, and the bot must not).
 */
export interface MessageJournal {
  /** False when the journal is full: the caller handles the message without this safety net. */
  add(msg: IncomingMessage): Promise<boolean>
  done(id: string): void
  /** Her answer is about to go out: a replay only finishes the bookkeeping and does not answer again. */
  replied(id: string): Promise<void>
  wasReplied(id: string): boolean
  pending(): IncomingMessage[]
  /** Resolves when every line given so far is written (tests read the file as a killed process leaves it). */
  written(): Promise<void>
  /** This bot instance's name in message claims: created with the journal and kept with it. */
  readonly instance: string
  close(): Promise<void>
}

type Line = { op: 'add'; msg: IncomingMessage } | { op: 'done' | 'replied'; id: string }

export class JournalInUseError extends Error {
  constructor(path: string, pid: number) {
    super(`The journal ${path} is in use by process ${pid}. Give each bot process its own DATA_DIR.`)
    this.name = 'JournalInUseError'
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** One process per journal: a lock file with the owner's pid; a dead owner's lock is taken over. */
function lock(path: string): () => void {
  const lockPath = `${path}.lock`
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx')
      writeFileSync(fd, String(process.pid))
      closeSync(fd)
      return () => {
        try {
          unlinkSync(lockPath)
        } catch {
          // already gone
        }
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      const owner = Number(readFileSync(lockPath, 'utf8')) || 0
      if (owner && owner !== process.pid && alive(owner)) throw new JournalInUseError(path, owner)
      unlinkSync(lockPath)
    }
  }
  throw new Error(`could not lock ${path}`)
}

/** A stable name for whoever owns this journal, so a restarted process knows its own earlier claims. */
function instanceOf(path: string): string {
  const file = `${path}.instance`
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  const id = `${hostname()}:${randomBytes(6).toString('hex')}`
  writeFileSync(file, id, { mode: 0o600 })
  return id
}

export async function openJournal(path: string, maxPending = 5_000): Promise<MessageJournal> {
  mkdirSync(dirname(path), { recursive: true })
  const unlock = lock(path)
  const instance = instanceOf(path)
  const pending = new Map<string, IncomingMessage>()
  const answered = new Set<string>()
  if (existsSync(path)) {
    for (const raw of readFileSync(path, 'utf8').split('\n')) {
      if (!raw.trim()) continue
      let line: Line
      try {
        line = JSON.parse(raw) as Line
      } catch {
        continue // a torn last line from a crash mid-write
      }
      if (line.op === 'add') pending.set(line.msg.id, line.msg)
      else if (line.op === 'replied') answered.add(line.id)
      else pending.delete(line.id)
    }
  }
  // Start from a compact file: only what is still pending.
  const tmp = `${path}.tmp`
  const snapshot = () =>
    [...pending.values()]
      .map(
        (msg) =>
          JSON.stringify({ op: 'add', msg }) +
          '\n' +
          (answered.has(msg.id) ? JSON.stringify({ op: 'replied', id: msg.id }) + '\n' : ''),
      )
      .join('')
  for (const id of answered) if (!pending.has(id)) answered.delete(id)
  // Only this user may read it (0600): it holds what people wrote, masked, until it is done.
  writeFileSync(tmp, snapshot(), { mode: 0o600 })
  renameSync(tmp, path)
  chmodSync(path, 0o600)
  let file: FileHandle = await open(path, 'a', 0o600)
  let doneLines = 0
  let compactDue = false

  // One writer: the lines queued while it writes go out together in one write and, if any of them must
  // be on disk (an add), one fsync. A line that needs no fsync is let go as soon as it is written.
  type Queued = { text: string; sync: boolean; resolve: () => void; reject: (err: unknown) => void }
  let queue: Queued[] = []
  let writing: Promise<void> | undefined

  async function flush(): Promise<void> {
    try {
      while (queue.length > 0) {
        const batch = queue
        queue = []
        try {
          await file.write(batch.map((q) => q.text).join(''))
          for (const q of batch) if (!q.sync) q.resolve()
          if (batch.some((q) => q.sync)) await file.datasync()
          for (const q of batch) if (q.sync) q.resolve()
        } catch (err) {
          for (const q of batch) q.reject(err)
        }
        // A failed compaction leaves the long file in place; appending to it again is safe.
        if (compactDue) await compact().catch(async () => (file = await open(path, 'a', 0o600)))
      }
    } finally {
      writing = undefined
    }
  }

  const append = (line: Line, sync: boolean) =>
    new Promise<void>((resolve, reject) => {
      queue.push({ text: JSON.stringify(line) + '\n', sync, resolve, reject })
      writing ??= flush().catch(() => undefined)
    })

  /** Rewrites the file with only what is pending; runs between batches, so no write interleaves with it. */
  async function compact(): Promise<void> {
    compactDue = false
    await file.close()
    writeFileSync(tmp, snapshot(), { mode: 0o600 })
    renameSync(tmp, path)
    file = await open(path, 'a', 0o600)
    doneLines = 0
  }

  return {
    async add(msg) {
      if (pending.has(msg.id)) return true
      if (pending.size >= maxPending) return false
      pending.set(msg.id, msg)
      await append({ op: 'add', msg }, true)
      return true
    },
    async replied(id) {
      if (!pending.has(id) || answered.has(id)) return
      answered.add(id)
      await append({ op: 'replied', id }, false)
    },
    wasReplied: (id) => answered.has(id),
    done(id) {
      answered.delete(id)
      if (!pending.delete(id)) return
      // Finished texts leave the file soon: at once when nothing is pending (the file is then empty),
      // else after 200 finished ones.
      if (++doneLines >= 200 || pending.size === 0) compactDue = true
      void append({ op: 'done', id }, false).catch(() => undefined)
    },
    pending: () => [...pending.values()],
    async written() {
      while (writing) await writing
    },
    instance,
    async close() {
      while (writing) await writing
      await file.close()
      unlock()
    },
  }
}
