import type { Repos } from '../repos/create-repos'
import type { OutboxItem } from '../repos/outbox-repo'
import type { Sender } from '../incoming-message'
import type { Logger } from '../logger'
import { nextSendTime, type SendPolicy } from '../domain/send-policy'
import { sendStateOf, type SendLog } from './send-log'

const MAX_ATTEMPTS = 5

export type StepResult = { sent: OutboxItem } | { waitUntil: Date } | { idle: true }

export interface SendQueueDeps {
  repos: Pick<Repos, 'outbox'>
  send: Sender
  /** This account's direct replies: they count toward the caps too. */
  replies: SendLog
  policy: SendPolicy
  log: Logger
  random?: () => number
}

export function targetOfRoom(roomId: string): string {
  return `room:${roomId}`
}

export function targetOfContact(contactId: string): string {
  return `contact:${contactId}`
}

async function deliver(send: Sender, item: OutboxItem): Promise<void> {
  const [kind, id] = [item.target.slice(0, item.target.indexOf(':')), item.target.slice(item.target.indexOf(':') + 1)]
  const file = item.file ?? undefined
  if (kind === 'room') await send.toRoom(id, item.text, item.mentionIds, file)
  else await send.toContact(id, item.text, file)
}

/**
 * One step of the send queue at time `now`: send the next message if the policy allows it now,
 * otherwise say when to look again. The worker calls this with the real time; the scenario runner and
 * the benchmarks call it with a simulated time, so spacing is simulated there instead of slept.
 */
export async function sendQueueStep(deps: SendQueueDeps, now: Date): Promise<StepResult> {
  const { outbox } = deps.repos
  const item = await outbox.nextCandidate(now)
  if (!item) return { idle: true }
  const queued = await outbox.recentSends(now, deps.policy.perDay)
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
  try {
    await deliver(deps.send, item)
    await outbox.markSent(item.id, now)
    return { sent: item }
  } catch (err) {
    const attempt = item.attempts + 1
    const retryAt = attempt < MAX_ATTEMPTS ? new Date(now.getTime() + 30_000 * 2 ** attempt) : null
    deps.log.warn('queued send failed', { outboxId: item.id, kind: item.kind, attempt, err })
    await outbox.markFailed(item.id, err instanceof Error ? err.message : String(err), retryAt)
    return { waitUntil: now }
  }
}

/** Sends everything queued, advancing a simulated clock from `start`; returns when the queue is empty. */
export async function drainSimulated(deps: SendQueueDeps, start: Date, maxSteps = 100_000): Promise<Date> {
  let now = start
  for (let step = 0; step < maxSteps; step++) {
    const result = await sendQueueStep(deps, now)
    if ('idle' in result) return now
    if ('waitUntil' in result && result.waitUntil.getTime() > now.getTime()) now = result.waitUntil
  }
  throw new Error(`send queue not drained after ${maxSteps} steps`)
}
