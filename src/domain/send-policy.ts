import { addDays, formatDate, fromLocal, toLocal, type LocalDate } from './zoned-time'

/**
 * How fast the bot may push messages on its own. WeChat restricts personal accounts that send in
 * bursts, so the defaults are deliberately slow: a few seconds between groups, caps per minute and per
 * day, and silence at night.
 */
export interface SendPolicy {
  minGapSameTargetMs: number
  gapBetweenTargetsMs: readonly [number, number]
  perMinute: number
  perDay: number
  /** Local "HH:MM" bounds; the quiet period may cross midnight. */
  quietStart: string
  quietEnd: string
  /** Local dates ("YYYY-MM-DD") on which scheduled posts wait for the next working day. */
  restDays: ReadonlySet<string>
  tz: string
}

export const DEFAULT_SEND_POLICY: Omit<SendPolicy, 'tz' | 'restDays'> = {
  minGapSameTargetMs: 1_000,
  gapBetweenTargetsMs: [3_000, 5_000],
  perMinute: 20,
  perDay: 600,
  quietStart: '22:00',
  quietEnd: '07:30',
}

export function defaultSendPolicy(tz: string, restDays: Iterable<string> = []): SendPolicy {
  return { ...DEFAULT_SEND_POLICY, tz, restDays: new Set(restDays) }
}

/** What has been sent lately, as the queue sees it. */
export interface SendState {
  lastSentAt?: Date
  lastTarget?: string
  lastSentToTarget?: Date
  /** Send times within the last 24 hours, oldest first (used for both caps). */
  recent: readonly Date[]
}

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number)
  return h! * 60 + m!
}

/** The first instant at or after `at` outside quiet hours (and, if asked, not on a rest day). */
export function outsideQuiet(at: Date, policy: SendPolicy, respectRestDays: boolean): Date {
  let t = at
  for (let i = 0; i < 400; i++) {
    const local = toLocal(t, policy.tz)
    const now = local.hour * 60 + local.minute
    const start = minutes(policy.quietStart)
    const end = minutes(policy.quietEnd)
    const quiet = start > end ? now >= start || now < end : now >= start && now < end
    const day: LocalDate = local
    if (quiet) {
      const endDay = start > end && now >= start ? addDays(day, 1) : day
      t = fromLocal(endDay, policy.tz, Math.floor(end / 60), end % 60)
      continue
    }
    if (respectRestDays && policy.restDays.has(formatDate(day))) {
      t = fromLocal(addDays(day, 1), policy.tz, Math.floor(end / 60), end % 60)
      continue
    }
    return t
  }
  throw new Error('no sending time found within 400 days: check BOT_REST_DAYS and quiet hours')
}

/**
 * The earliest time the next message to `target` may go, given what was sent. `random` (0..1) picks
 * the gap between different targets, so sends do not tick like a machine.
 */
export function nextSendTime(
  state: SendState,
  target: string,
  notBefore: Date,
  policy: SendPolicy,
  respectRestDays: boolean,
  random: number,
): Date {
  let t = notBefore.getTime()
  if (state.lastSentAt) {
    const [lo, hi] = policy.gapBetweenTargetsMs
    const gap = state.lastTarget === target ? policy.minGapSameTargetMs : lo + (hi - lo) * random
    t = Math.max(t, state.lastSentAt.getTime() + gap)
  }
  if (state.lastSentToTarget) t = Math.max(t, state.lastSentToTarget.getTime() + policy.minGapSameTargetMs)
  const recent = state.recent
  if (recent.length >= policy.perMinute) t = Math.max(t, recent[recent.length - policy.perMinute]!.getTime() + 60_000)
  if (recent.length >= policy.perDay) t = Math.max(t, recent[recent.length - policy.perDay]!.getTime() + 86_400_000)
  return outsideQuiet(new Date(t), policy, respectRestDays)
}

/** Plans a whole batch in order (a notice to many groups): each send's time given the ones before it. */
export function planSends(
  targets: readonly string[],
  start: SendState,
  notBefore: Date,
  policy: SendPolicy,
  respectRestDays: boolean,
  random: () => number = Math.random,
): Date[] {
  const recent = [...start.recent]
  let state: SendState = { ...start, recent }
  const lastByTarget = new Map<string, Date>()
  const plan: Date[] = []
  for (const target of targets) {
    const at = nextSendTime(
      { ...state, lastSentToTarget: lastByTarget.get(target) },
      target,
      notBefore,
      policy,
      respectRestDays,
      random(),
    )
    plan.push(at)
    recent.push(at)
    while (recent.length > 0 && recent[0]!.getTime() <= at.getTime() - 86_400_000) recent.shift()
    lastByTarget.set(target, at)
    state = { lastSentAt: at, lastTarget: target, recent }
  }
  return plan
}
