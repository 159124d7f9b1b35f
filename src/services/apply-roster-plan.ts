import type { Repos } from '../repos/create-repos'
import type { RosterPlan } from '../domain/plan-roster'
import { rosterBatches } from '../domain/roster-batches'
import { newId } from './new-id'
import { readUnitIndex, writeRosterBatch } from './write-roster-batch'

/**
 * Writes a checked plan (domain/plan-roster) at once, batch after batch (see writeRosterBatch), without
 * storing it: for a scenario's roster line, where the run itself is the unit of work. The plan was
 * checked against the tree and the people as they were, so no write here is refused for a reason a
 * row could carry; what can still fail is the database itself. An admin's import writes the same
 * batches from a stored job instead (services/roster-job), so a crash midway is resumed.
 */
export async function applyRosterPlan(
  repos: Pick<Repos, 'orgs' | 'members'>,
  plan: Pick<RosterPlan, 'newUnits' | 'reparent' | 'people'>,
  now: Date,
): Promise<{ bound: number; taken: number[] }> {
  const units = await readUnitIndex(repos)
  let bound = 0
  const taken: number[] = []
  for (const batch of rosterBatches(plan, newId)) {
    const written = await writeRosterBatch(repos, batch, units, now)
    bound += written.bound
    taken.push(...written.taken)
  }
  return { bound, taken }
}
