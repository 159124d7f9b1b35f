import type { Repos } from '../repos/create-repos'
import type { RosterPlan } from '../domain/plan-roster'

/**
 * Writes a checked plan (domain/plan-roster): new units parents first, then units that move, then each
 * row's person (moved, created or updated) and her WeChat id. The plan was checked against the tree and
 * the people as they were, so no write here is refused for a reason a row could carry; what can still
 * fail is the database itself. MongoDB without a replica set (and FerretDB) has no multi-document
 * transaction to lean on, so every step is one that a second run of the same file finds done (units
 * by name, people by name and unit): sending the file again completes an import a crash cut short.
 */
export async function applyRosterPlan(
  repos: Pick<Repos, 'orgs' | 'members'>,
  plan: Pick<RosterPlan, 'newUnits' | 'reparent' | 'people'>,
  now: Date,
): Promise<{ bound: number }> {
  const ids = new Map<string, string>()
  const idOf = async (name: string) => {
    const known = ids.get(name) ?? (await repos.orgs.findByName(name))?.id
    if (!known) throw new Error(`roster plan names a unit that is not there: ${name}`)
    ids.set(name, known)
    return known
  }
  for (const unit of plan.newUnits)
    ids.set(unit.name, (await repos.orgs.ensure(unit.name, unit.parent ?? undefined)).id)
  for (const unit of plan.reparent) await repos.orgs.reparent(await idOf(unit.name), await idOf(unit.parent))
  let bound = 0
  for (const person of plan.people) {
    const orgId = await idOf(person.org)
    if (person.moveFrom && person.memberId) await repos.members.moveTo(person.memberId, orgId)
    const member = await repos.members.upsertByName({ name: person.name, role: person.role, orgId }, now)
    if (person.bind && (await repos.members.bindContact(member.id, person.bind, now))) bound++
  }
  return { bound }
}
