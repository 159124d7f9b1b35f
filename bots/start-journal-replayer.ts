import type { MessageJournal } from '../src/journal/message-journal'
import type { IncomingMessage } from '../src/incoming-message'
import type { Outcome } from '../handlers/handle-message'
import type { Logger } from '../src/logger'

export interface ReplayHealth {
  /** Messages in the journal not being handled right now. */
  waiting: number
  /** Since when a round has been stopped by an unavailable database (null: the last round finished). */
  failingSince: Date | null
}

/**
 * Handles again, in arrival order, whatever the journal still holds and nobody is handling: commands
 * that met a database outage, or that a crashed process had not finished. A round stops at the first
 * message the database is still away for, and the next round retries; while that goes on it says so once
 * a minute, and `health()` reports it (see /healthz).
 */
export function startJournalReplayer(
  journal: MessageJournal,
  handle: ((msg: IncomingMessage, options: { replay: boolean }) => Promise<Outcome>) & {
    isHandling(id: string): boolean
  },
  log: Logger,
  onHandled?: (messageId: string, outcome: Outcome) => void,
  /** Replies need WeChat: nothing is replayed while the bot is logged out. */
  ready: () => boolean = () => true,
  intervalMs = 2_000,
): { stop(): Promise<void>; kick(): void; health(): ReplayHealth } {
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> = Promise.resolve()
  let failingSince: Date | null = null
  let lastWarned = 0

  const waiting = () => journal.pending().filter((m) => !handle.isHandling(m.id))

  const round = async () => {
    if (!ready()) return
    for (const msg of waiting()) {
      if (stopped) return
      const outcome = await handle(msg, { replay: true })
      onHandled?.(msg.id, outcome)
      if (outcome === 'deferred') {
        failingSince ??= new Date()
        if (Date.now() - lastWarned >= 60_000) {
          lastWarned = Date.now()
          log.warn('journal: replay waits for the database', {
            messageId: msg.id,
            waiting: waiting().length,
            since: failingSince.toISOString(),
          })
        }
        return
      }
      log.info('journal: replayed', { messageId: msg.id, outcome })
    }
    if (failingSince) log.info('journal: replay caught up', { since: failingSince.toISOString() })
    failingSince = null
  }
  const tick = () => {
    running = round()
      .catch((err) => log.error('journal replay failed', { err }))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs)
      })
  }
  tick()
  return {
    kick() {
      if (timer) clearTimeout(timer)
      void running.then(() => !stopped && tick())
    },
    health: () => ({ waiting: waiting().length, failingSince }),
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      await running
    },
  }
}
