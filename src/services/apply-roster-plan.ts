import type { Repos } from '../repos/create-repos'
import type { RosterPlan } from '../domain/plan-roster'
import { rosterBatches } from '../domain/roster-batches'
import { newId } from './new-id'
import { readUnitIndex, writeRosterBatch } from './write-roster-batch'

/**
 * Writes a checked plan (domain/plan-roster) at once, batch after batch (see writeRosterBatch): for a
 * scenario's roster line, and for an import small enough to write within its request. The plan was
 * checked against the tree and the people as they were, so no write here is refused for a reason a
 * row could carry; what can still fail is the database itself. MongoDB without a replica set (and
 * FerretDB) has no multi-document transaction to lean on, so every write is one that a second run of
 * the same file finds done (units by name, people by name and unit): sending the file again completes
 * an import a crash cut short. Larger imports are stored and written as a job (services/roster-job).
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
