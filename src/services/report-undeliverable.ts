import type { Repos } from '../repos/create-repos'
import type { OutboxItem } from '../repos/outbox-repo'
import type { Logger } from '../logger'
import type { Member } from '../domain/entities'
import { chooseAccount } from '../domain/choose-account'
import { parseTarget, targetOfContact } from '../domain/send-target'
import { formatUndeliverable, type UndeliverableReason } from '../domain/format-undeliverable'

export interface ReportDeps {
  repos: Pick<Repos, 'outbox' | 'presence' | 'groups' | 'members' | 'orgs'>
  /** The account that found the target unreachable. */
  account: string
  log: Logger
}

/**
 * This account cannot reach the target (the bot is not in the room, she is not its friend). Another
 * account present there gets the message, without a failure counted; when none is left, it is given up
 * and reported. The claim holder is the only writer of the item meanwhile.
 */
export async function handOverOrReport(deps: ReportDeps, item: OutboxItem, now: Date): Promise<void> {
  await deps.repos.presence.forget(deps.account, item.target)
  const triedBy = [...item.triedBy, deps.account]
  const present = (await deps.repos.presence.accountsAt([item.target])).get(item.target) ?? []
  const next = chooseAccount(
    item.target,
    present.filter((a) => !triedBy.includes(a)),
  )
  if (next) {
    deps.log.info('queued message handed over', { outboxId: item.id, kind: item.kind, from: deps.account, to: next })
    await deps.repos.outbox.handOver(item.id, next, triedBy)
    return
  }
  await deps.repos.outbox.markUnreachable(item.id, now)
  await reportUndeliverable(deps, { ...item, triedBy }, 'unreachable', now)
}

/**
 * A queued message no account could deliver is never dropped silently: an error line for the operator,
 * and a private note to the admins of the unit it was for (the nearest unit up the tree that has one),
 * through whichever account reaches them. A note that cannot be delivered itself is logged only.
 */
export async function reportUndeliverable(
  deps: ReportDeps,
  item: OutboxItem,
  reason: UndeliverableReason,
  now: Date,
): Promise<number> {
  const { repos } = deps
  const { kind, id } = parseTarget(item.target)
  const group = kind === 'room' ? await repos.groups.findByRoomId(id) : undefined
  const person = kind === 'contact' ? await repos.members.findByContactId(id) : undefined
  const admins = item.kind === 'undeliverable' ? [] : await adminsFor(repos, group?.orgId ?? person?.orgId ?? null)
  deps.log.error('queued message undeliverable', {
    outboxId: item.id,
    kind: item.kind,
    target: item.target,
    reason: reason === 'unreachable' ? reason : 'refused',
    triedBy: item.triedBy,
    admins: admins.length,
  })
  const text = formatUndeliverable({
    kind: item.kind,
    place: kind === 'room' ? { room: group?.topic ?? null } : { person: person?.name ?? null },
    reason,
    text: item.text,
  })
  return repos.outbox.enqueue(
    admins.map((a) => ({
      dedupeKey: `undeliverable:${item.id}:${a.id}`,
      kind: 'undeliverable',
      target: targetOfContact(a.contactIds[0]!),
      text,
      notBefore: now,
    })),
    now,
  )
}

/** The admins of the unit, else of the nearest unit above it that has some; every admin when it is unknown. */
async function adminsFor(repos: ReportDeps['repos'], orgId: string | null): Promise<Member[]> {
  const reachable = (ms: Member[]) => ms.filter((m) => m.contactIds.length > 0)
  if (!orgId) return reachable(await repos.members.listByRole('admin'))
  const org = await repos.orgs.findById(orgId)
  for (const unit of [orgId, ...[...(org?.ancestors ?? [])].reverse()]) {
    const admins = reachable(await repos.members.listByRole('admin', [unit]))
    if (admins.length > 0) return admins
  }
  return []
}
