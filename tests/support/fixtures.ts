import { randomBytes } from 'node:crypto'
import type { Repos } from '../../src/repos/create-repos'
import type { Member, Role } from '../../src/domain/entities'
import type { DutyKind } from '../../src/domain/checklist'
import { subjectKey } from '../../src/domain/progress'
import { simulatorContactId } from '../../bots/simulator-world'

/**
 * Registers people as a roster import with their WeChat ids would: org units by name, created with their
 * parent when new, and each person bound to the simulator's contact of her name (so she is known from her
 * first message), unless `bind` is false or she has a `wechatName` (then she appears under it, unbound).
 */
export async function registerRoster(
  repos: Pick<Repos, 'orgs' | 'members'>,
  people: { name: string; role: Role; org: string; parent?: string; wechatName?: string }[],
  now = new Date('2026-11-16T01:00:00Z'),
  options: { bind?: boolean; contactIdOf?: (name: string) => string } = {},
): Promise<Record<string, Member>> {
  const out: Record<string, Member> = {}
  const contactIdOf = options.contactIdOf ?? simulatorContactId
  for (const p of people) {
    const org = await repos.orgs.ensure(p.org, p.parent)
    const member = await repos.members.upsertByName({ name: p.name, role: p.role, orgId: org.id }, now)
    if (options.bind !== false && !p.wechatName) await repos.members.bindContact(member.id, contactIdOf(p.name), now)
    out[p.wechatName ?? p.name] = member
  }
  return out
}

/** Records duty items for her as the duty handler does, for tests of views. */
export async function recordDuties(
  repos: Pick<Repos, 'progress'>,
  member: Member,
  items: { kind: DutyKind; subject: string; date?: string }[],
  now = new Date('2026-11-16T01:00:00Z'),
): Promise<void> {
  for (const item of items) {
    const date = item.date ?? '2026-05-01'
    const id = `seed-${randomBytes(6).toString('hex')}`
    const added = { id, kind: item.kind, subject: item.subject, key: subjectKey(item.subject), date, at: now.getTime() }
    await repos.progress.record(
      member,
      Number(date.slice(0, 4)),
      { key: id, by: 'fixture', messageId: 'seed', change: { add: added } },
      now,
    )
  }
}
