/**
 * Whose budget a reply spends. Replies to members count toward the account's caps with the notices
 * (send-policy). Replies to people the bot does not know (strangers, constituents in their group) and
 * to binding requests (我是 …) have small budgets of their own and never count toward those caps: a
 * stranger's flood cannot push a notice back, and past her budget the bot stays silent to her.
 */
export type ReplyPurpose = 'member' | 'stranger' | 'binding' | 'constituent'

/**
 * A constituent's request or a hint in her group (handlers/constituent-handler) is answered on a budget of its own:
 * the handler already passes on at most three a day for one woman and says once when she has sent more.
 */
export function replyPurpose(registered: boolean, intent: string): ReplyPurpose {
  if (registered) return 'member'
  if (intent === 'constituentRequest' || intent === 'constituentHint') return 'constituent'
  return intent === 'iAm' ? 'binding' : 'stranger'
}

/** One allowance: at most `limit` within `windowMs`, counted under `key`. */
export interface Allowance {
  key: string
  limit: number
  windowMs: number
}

export const MINUTE_MS = 60_000
export const DAY_MS = 86_400_000

/**
 * Per sender and place a day (in a group she is told once), and for all such senders a minute and a
 * day. "told once (or a few times), then silence" (DOMAIN: the bot tells a stranger, once, how to get
 * registered; a binding request may take a few tries with a typo or a unit).
 */
export const REPLY_BUDGETS: Record<
  Exclude<ReplyPurpose, 'member'>,
  { private: number; group: number; perMinute: number; perDay: number }
> = {
  stranger: { private: 3, group: 1, perMinute: 6, perDay: 100 },
  binding: { private: 6, group: 0, perMinute: 6, perDay: 100 },
  constituent: { private: 0, group: 8, perMinute: 20, perDay: 300 },
}

/** The allowances one reply takes, all or none; none at all for a member. */
export function replyAllowances(purpose: ReplyPurpose, sender: string, room: string | null): Allowance[] {
  if (purpose === 'member') return []
  const budget = REPLY_BUDGETS[purpose]
  return [
    { key: `${purpose}|${sender}|${room ?? ''}`, limit: room ? budget.group : budget.private, windowMs: DAY_MS },
    { key: `${purpose}|*`, limit: budget.perMinute, windowMs: MINUTE_MS },
    { key: `${purpose}|*`, limit: budget.perDay, windowMs: DAY_MS },
  ]
}

/**
 * A binding request that reaches an admin (a question she must answer): a claimant's few a day, two a
 * day for one member however many claim her (ten strangers claiming 张秀英 are two questions, not ten),
 * and a few dozen a day in all.
 */
export const CLAIM_BUDGET = { perClaimant: 3, perMember: 2, perDay: 30 }

/** Queued kinds sent on such a budget: they do not count toward the account's caps either. */
export const OWN_BUDGET_KINDS: readonly string[] = ['bind-request']

export function claimAllowances(claimant: string, memberId: string): Allowance[] {
  return [
    { key: `claim|${claimant}`, limit: CLAIM_BUDGET.perClaimant, windowMs: DAY_MS },
    { key: `claimed|${memberId}`, limit: CLAIM_BUDGET.perMember, windowMs: DAY_MS },
    { key: 'claim|*', limit: CLAIM_BUDGET.perDay, windowMs: DAY_MS },
  ]
}

/** Whether one more fits each allowance, given when each key was taken before (any order). */
export function fits(
  taken: (key: string) => readonly number[],
  allowances: readonly Allowance[],
  now: number,
): boolean {
  return allowances.every((a) => taken(a.key).filter((t) => t > now - a.windowMs).length < a.limit)
}
