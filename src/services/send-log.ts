import type { SentRecently } from '../repos/outbox-repo'
import type { SendState } from '../domain/send-policy'

/**
 * Replies this process sent directly, in memory: they count toward the account's caps without a
 * database row each. One process is one account, so its own memory is the right scope; after a
 * restart the replies of the last minutes before it are forgotten, which errs by a few messages.
 */
export interface SendLog {
  record(target: string, at: Date): void
  /** Newest first, within the 24 hours before `now`. */
  recent(now: Date): SentRecently[]
}

export function createSendLog(keep = 20_000): SendLog {
  const sent: SentRecently[] = []
  return {
    record(target, at) {
      sent.push({ target, at })
      if (sent.length > keep) sent.splice(0, sent.length - keep)
    },
    recent(now) {
      const since = now.getTime() - 86_400_000
      const out: SentRecently[] = []
      for (let i = sent.length - 1; i >= 0 && sent[i]!.at.getTime() >= since; i--) out.push(sent[i]!)
      return out
    },
  }
}

/** What the spacing rules see: queued sends from the database and direct replies from memory, merged. */
export function sendStateOf(
  queued: readonly SentRecently[],
  replies: readonly SentRecently[],
  target?: string,
): SendState {
  const all = [...queued, ...replies].sort((a, b) => b.at.getTime() - a.at.getTime())
  return {
    lastSentAt: all[0]?.at,
    lastTarget: all[0]?.target,
    lastSentToTarget: target ? all.find((s) => s.target === target)?.at : undefined,
    recent: all.map((s) => s.at).reverse(),
  }
}
