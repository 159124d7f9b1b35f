import {
  mkdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
  writeSync,
  chmodSync,
  existsSync,
  openSync,
  closeSync,
  unlinkSync,
  fdatasync,
} from 'node:fs'
import { dirname } from 'node:path'
import { hostname } from 'node:os'
import { randomBytes } from 'node:crypto'
import type { IncomingMessage } from '../incoming-message'

/**
 * A bounded write-ahead journal on local disk for incoming commands. Consistency rule: a command's line
 * is written (to the page cache, which survives the process being killed) the moment it is added, and
 * `add` resolves once it is on disk (one fsync for every line written meanwhile); the bot answers only
 * after that. Before an answer goes out its `replied` line is written, so a replay after a crash never
 * answers twice (an answer cut off by the kill in that instant is lost instead: at most once); `done`
 * lets it go. Whatever is pending after an outage or a crash is handled again from here.
 */
export interface MessageJournal {
  /** False when the journal is full: the caller handles the message without this safety net. */
  add(msg: IncomingMessage): Promise<boolean>
  done(id: string): void
  /** Her answer is about to go out: a replay only finishes the bookkeeping and does not answer again. */
  replied(id: string): void
  wasReplied(id: string): boolean
  pending(): IncomingMessage[]
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
  let fd = openSync(path, 'a', 0o600)
  let doneLines = 0
  let compactDue = false
  // Group commit: adds written while an fsync runs wait for the next one, so a burst costs one fsync
  // per batch; other lines are never synced on their own (see the interface).
  let unsynced: { resolve: () => void; reject: (err: unknown) => void }[] = []
  let syncing: Promise<void> | undefined

  const write = (line: Line) => writeSync(fd, JSON.stringify(line) + '\n')

  function sync(): void {
    if (syncing || unsynced.length === 0) return
    const batch = unsynced
    unsynced = []
    syncing = new Promise<void>((resolve) =>
      fdatasync(fd, (err) => {
        for (const w of batch)
          if (err) w.reject(err)
          else w.resolve()
        syncing = undefined
        if (compactDue) compact()
        sync()
        resolve()
      }),
    )
  }

  /** Rewrites the file with only what is pending; never while an fsync of the old file runs. */
  function compact(): void {
    if (syncing) return
    compactDue = false
    closeSync(fd)
    writeFileSync(tmp, snapshot(), { mode: 0o600 })
    renameSync(tmp, path)
    fd = openSync(path, 'a', 0o600)
    doneLines = 0
  }

  return {
    async add(msg) {
      if (pending.has(msg.id)) return true
      if (pending.size >= maxPending) return false
      pending.set(msg.id, msg)
      write({ op: 'add', msg })
      await new Promise<void>((resolve, reject) => {
        unsynced.push({ resolve, reject })
        sync()
      })
      return true
    },
    replied(id) {
      if (!pending.has(id) || answered.has(id)) return
      answered.add(id)
      write({ op: 'replied', id })
    },
    wasReplied: (id) => answered.has(id),
    done(id) {
      answered.delete(id)
      if (!pending.delete(id)) return
      write({ op: 'done', id })
      // Finished texts leave the file soon: at once when nothing is pending (the file is then empty),
      // else after 200 finished ones.
      if (++doneLines >= 200 || pending.size === 0) {
        compactDue = true
        compact()
      }
    },
    pending: () => [...pending.values()],
    instance,
    async close() {
      while (syncing) await syncing
      closeSync(fd)
      unlock()
    },
  }
}
