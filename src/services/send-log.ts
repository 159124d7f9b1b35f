import type { SentRecently } from '../repos/outbox-repo'
import type { SendState } from '../domain/send-policy'
import { DAY_MS, fits, replyAllowances, type Allowance, type ReplyPurpose } from '../domain/reply-budget'

/**
 * Replies this process sent directly, in memory: members' replies count toward the account's caps
 * without a database row each; replies to strangers and to binding requests spend budgets of their
 * own (domain/reply-budget) and never count toward those caps. One process is one account, so its own
 * memory is the right scope; after a restart the replies of the last minutes before it are forgotten,
 * which errs by a few messages.
 */
export interface SendLog {
  record(target: string, at: Date, purpose?: ReplyPurpose): void
  /** Members' replies, newest first, within the 24 hours before `now`: what counts toward the caps. */
  recent(now: Date): SentRecently[]
  /** Takes one reply from its purpose's budget (always, for a member); false: spent, stay silent. */
  allowReply(purpose: ReplyPurpose, sender: string, room: string | null, now: Date): boolean
  /** Takes one of each allowance, all or none; false when any is spent. */
  take(allowances: readonly Allowance[], now: Date): boolean
}

export function createSendLog(keep = 20_000, keys = 20_000): SendLog {
  const sent: SentRecently[] = []
  /** When each budget key was taken within the last day; the least recently used keys go first past `keys`. */
  const taken = new Map<string, number[]>()
  const timesOf = (key: string, now: number) => {
    const times = (taken.get(key) ?? []).filter((t) => t > now - DAY_MS)
    taken.delete(key)
    taken.set(key, times)
    if (taken.size > keys) taken.delete(taken.keys().next().value!)
    return times
  }
  const take = (allowances: readonly Allowance[], now: Date) => {
    const at = now.getTime()
    const keysOf = [...new Set(allowances.map((a) => a.key))]
    const times = new Map(keysOf.map((k) => [k, timesOf(k, at)]))
    if (!fits((k) => times.get(k) ?? [], allowances, at)) return false
    for (const list of times.values()) list.push(at)
    return true
  }
  return {
    record(target, at, purpose = 'member') {
      if (purpose !== 'member') return
      sent.push({ target, at })
      if (sent.length > keep) sent.splice(0, sent.length - keep)
    },
    recent(now) {
      const since = now.getTime() - 86_400_000
      const out: SentRecently[] = []
      for (let i = sent.length - 1; i >= 0 && sent[i]!.at.getTime() >= since; i--) out.push(sent[i]!)
      return out
    },
    allowReply: (purpose, sender, room, now) => take(replyAllowances(purpose, sender, room), now),
    take,
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
