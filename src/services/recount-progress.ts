import type { Repos } from '../repos/create-repos'

type RecountRepos = Pick<Repos, 'members' | 'progress'>

const BATCH = 500

/**
 * Folds every executive's events for the given years from the first and repairs her saved ledger and
 * counts where they differ: the nightly job and `npm run rebuild-progress`. Reads events a batch of
 * members at a time (one query per batch), never one executive at a time.
 */
export async function recountProgress(
  repos: RecountRepos,
  years: readonly number[],
): Promise<{ members: number; ledgers: number; repaired: number }> {
  const members = await repos.members.listWithChecklist()
  let ledgers = 0
  let repaired = 0
  for (let i = 0; i < members.length; i += BATCH) {
    const batch = members.slice(i, i + BATCH)
    for (const year of years) {
      const events = await repos.progress.eventsOf(
        batch.map((m) => m.id),
        year,
      )
      for (const member of batch) {
        ledgers++
        if (await repos.progress.repair(member, year, events.get(member.id) ?? [])) repaired++
      }
    }
  }
  return { members: members.length, ledgers, repaired }
}
