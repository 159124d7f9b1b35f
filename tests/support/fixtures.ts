import type { Repos } from '../../src/repos/create-repos'
import type { Member, Role } from '../../src/domain/entities'

/** Registers people as a roster import would: org units by name, created with their parent when new. */
export async function registerRoster(
  repos: Repos,
  people: { name: string; role: Role; org: string; parent?: string }[],
  now = new Date('2026-11-16T01:00:00Z'),
): Promise<Record<string, Member>> {
  const out: Record<string, Member> = {}
  for (const p of people) {
    const org = await repos.orgs.ensure(p.org, p.parent)
    out[p.name] = await repos.members.upsertByName({ name: p.name, role: p.role, orgId: org.id }, now)
  }
  return out
}
