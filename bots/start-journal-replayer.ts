import type { MessageJournal } from '../src/journal/message-journal'
import type { IncomingMessage } from '../src/incoming-message'
import type { Outcome } from '../handlers/handle-message'
import type { Logger } from '../src/logger'

/**
 * Handles again, in arrival order, whatever the journal still holds: commands that met a database
 * outage, or that a crashed process had not finished. A round stops at the first message the database
 * is still away for, and the next round retries. (A handled message stays in the journal until the
 * counts it changed are saved; handling it again meanwhile is a no-op.)
 */
export function startJournalReplayer(
  journal: MessageJournal,
  handle: (msg: IncomingMessage, options: { replay: boolean }) => Promise<Outcome>,
  log: Logger,
  onHandled?: (messageId: string, outcome: Outcome) => void,
  /** Replies need WeChat: nothing is replayed while the bot is logged out. */
  ready: () => boolean = () => true,
  intervalMs = 2_000,
): { stop(): Promise<void>; kick(): void } {
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> = Promise.resolve()

  const round = async () => {
    if (!ready()) return
    for (const msg of journal.pending()) {
      if (stopped) return
      const outcome = await handle(msg, { replay: true })
      onHandled?.(msg.id, outcome)
      if (outcome === 'deferred') return
      if (outcome !== 'duplicate') log.info('journal: replayed', { messageId: msg.id, outcome })
    }
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
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      await running
    },
  }
}
