import type { Repos } from '../repos/create-repos'
import type { OutboxItem } from '../repos/outbox-repo'
import type { Sender } from '../incoming-message'
import type { Logger } from '../logger'
import { nextSendTime, type SendPolicy } from '../domain/send-policy'
import { chooseAccount } from '../domain/choose-account'
import { parseTarget } from '../domain/send-target'
import { isUnreachable } from '../unreachable-error'
import { sendStateOf, type SendLog } from './send-log'
import { handOverOrReport, reportUndeliverable } from './report-undeliverable'

/** Failed sends (WeChat refused, not "unreachable") before a message is given up and reported. */
const MAX_FAILURES = 5

export type StepResult = { sent: OutboxItem } | { waitUntil: Date } | { idle: true }

export interface SendQueueDeps {
  repos: Pick<Repos, 'outbox' | 'presence' | 'groups' | 'members' | 'orgs'>
  /** The WeChat account this worker sends as: it takes only messages for itself or for no known account. */
  account: string
  send: Sender
  /** This account's direct replies: they count toward its caps too. */
  replies: SendLog
  policy: SendPolicy
  log: Logger
  random?: () => number
}

export { targetOfContact, targetOfRoom } from '../domain/send-target'

async function deliver(send: Sender, item: OutboxItem): Promise<void> {
  const { kind, id } = parseTarget(item.target)
  const file = item.file ?? undefined
  if (kind === 'room') await send.toRoom(id, item.text, item.mentionIds, file)
  else await send.toContact(id, item.text, file)
}

/**
 * A message queued when no account was known at its target: if one is known now and it is not this
 * one, it goes there without a try from here (a contact that is not this account's friend may not
 * even fail cleanly).
 */
async function routedElsewhere(deps: SendQueueDeps, item: OutboxItem): Promise<boolean> {
  if (item.account !== null) return false
  const present = (await deps.repos.presence.accountsAt([item.target])).get(item.target) ?? []
  if (present.length === 0 || present.includes(deps.account)) return false
  await deps.repos.outbox.handOver(item.id, chooseAccount(item.target, present)!, item.triedBy)
  return true
}

/**
 * One step of this account's send queue at time `now`: send its next message if the policy allows it
 * now, otherwise say when to look again. The worker calls this with the real time; the scenario runner
 * and the benchmarks call it with a simulated time, so spacing is simulated there instead of slept.
 */
export async function sendQueueStep(deps: SendQueueDeps, now: Date): Promise<StepResult> {
  const { outbox } = deps.repos
  const item = await outbox.nextCandidate(now, deps.account)
  if (!item) return { idle: true }
  const queued = await outbox.recentSends(now, deps.policy.perDay, deps.account)
  const state = sendStateOf(queued, deps.replies.recent(now), item.target)
  const at = nextSendTime(
    state,
    item.target,
    item.notBefore,
    deps.policy,
    item.respectRestDays,
    (deps.random ?? Math.random)(),
  )
  // Not yet: the item keeps its place (FIFO), the caller comes back at `at`.
  if (at.getTime() > now.getTime()) return { waitUntil: at }
  if (!(await outbox.claim(item, now))) return { waitUntil: now }
  if (await routedElsewhere(deps, item)) return { waitUntil: now }
  try {
    await deliver(deps.send, item)
    await outbox.markSent(item.id, now, deps.account)
    await deps.repos.presence.see(deps.account, item.target, now)
    return { sent: item }
  } catch (err) {
    if (isUnreachable(err)) {
      await handOverOrReport(deps, item, now)
      return { waitUntil: now }
    }
    const failures = item.failures + 1
    const retryAt = failures < MAX_FAILURES ? new Date(now.getTime() + 30_000 * 2 ** failures) : null
    deps.log.warn('queued send failed', { outboxId: item.id, kind: item.kind, failures, err })
    await outbox.markFailed(item, err instanceof Error ? err.message : String(err), retryAt, now)
    if (!retryAt) await reportUndeliverable(deps, item, { refused: failures }, now)
    return { waitUntil: now }
  }
}

/**
 * Sends everything queued, advancing a simulated clock from `start`; returns when the queue is empty.
 * Several workers (one per account) share the clock, as processes share the time of day.
 */
export async function drainSimulated(
  workers: SendQueueDeps | readonly SendQueueDeps[],
  start: Date,
  maxSteps = 100_000,
): Promise<Date> {
  const all: readonly SendQueueDeps[] = Array.isArray(workers) ? workers : [workers]
  let now = start
  for (let step = 0; step < maxSteps; step++) {
    const results = await Promise.all(all.map((w) => sendQueueStep(w, now)))
    if (results.every((r) => 'idle' in r)) return now
    if (results.some((r) => 'sent' in r)) continue
    const next = Math.min(...results.flatMap((r) => ('waitUntil' in r ? [r.waitUntil.getTime()] : [])))
    if (next > now.getTime()) now = new Date(next)
  }
  throw new Error(`send queue not drained after ${maxSteps} steps`)
}
