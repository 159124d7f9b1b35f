import type { Repos } from '../../src/repos/create-repos'
import type { RosterRow } from '../../src/domain/roster-rows'
import { planRoster } from '../../src/domain/plan-roster'
import { nameRefusal } from '../../src/domain/name-refusal'
import { applyRosterPlan } from '../../src/services/apply-roster-plan'
import type { RosterEntry } from './roster-entry'

const rowsOf = (entries: readonly RosterEntry[]): RosterRow[] =>
  entries.map((e, i) => ({ line: i + 1, name: e.name, role: e.role, org: e.org, parent: e.parent }))

/**
 * What is wrong with a roster line on its own, whatever came before it (a unit given two parents, a
 * loop, a name with invisible characters), for the parser to refuse before anything runs.
 */
export function rosterLineProblem(entries: readonly RosterEntry[]): string | undefined {
  for (const [i, e] of entries.entries()) {
    const refusal = [e.name, e.org, e.parent ?? ''].map((v) => nameRefusal(v)).find(Boolean)
    if (refusal) return `entry ${i + 1}: ${refusal}`
  }
  const { rejected } = planRoster(rowsOf(entries), { units: [], people: [], holders: new Map() }, null)
  return rejected.length ? rejected.map((r) => `entry ${r.line}: ${r.reason}`).join('; ') : undefined
}

/**
 * A roster line as an admin's confirmed import (CONTRACT.md §2): planned over the whole line and the
 * tree so far (rows in any order, as an import), written, and each person without `wechatName` bound
 * to the simulator's contact of her name (a namesake's contact already bound stays with the first).
 */
export async function applyRosterLine(
  repos: Pick<Repos, 'orgs' | 'members'>,
  entries: readonly RosterEntry[],
  contactOf: (nickname: string) => string,
  now: Date,
): Promise<void> {
  const plan = planRoster(
    rowsOf(entries),
    {
      units: await repos.orgs.listAll(),
      people: await repos.members.listByNames([...new Set(entries.map((e) => e.name))]),
      holders: new Map(),
    },
    null,
  )
  if (plan.rejected.length)
    throw new Error(`roster refused: ${plan.rejected.map((r) => `entry ${r.line}: ${r.reason}`).join('; ')}`)
  const people = plan.people.map((p, i) => {
    const nickname = entries[i]!.wechatName
    if (!nickname) return { ...p, bind: contactOf(p.name) }
    contactOf(nickname) // she appears under it, unbound
    return p
  })
  await applyRosterPlan(repos, { ...plan, people }, now)
}
