import type { Repos } from '../repos/create-repos'
import type { RosterBatch } from '../domain/roster-batches'
import type { OrgUnit } from '../domain/entities'

/** Where each unit stands, by name: read once for a run of batches, and kept as they write units. */
export type UnitIndex = Map<string, { id: string; ancestors: string[] }>

export async function readUnitIndex(repos: Pick<Repos, 'orgs'>): Promise<UnitIndex> {
  return unitIndexOf(await repos.orgs.listAll())
}

export function unitIndexOf(units: readonly OrgUnit[]): UnitIndex {
  return new Map(units.map((u) => [u.name, { id: u.id, ancestors: u.ancestors }]))
}

export interface BatchWritten {
  rows: number
  bound: number
  /** Lines whose WeChat id someone else took after the plan was checked. */
  taken: number[]
}

/**
 * Writes one batch of a checked plan (domain/roster-batches) by key: units and people under the
 * `_id`s the plan chose (one that is there already is left alone), and for people already there only
 * what the row changes. Written twice, a batch changes nothing the second time. Its cost follows the
 * batch: inserts in bulk, an update only per person changed.
 */
export async function writeRosterBatch(
  repos: Pick<Repos, 'orgs' | 'members'>,
  batch: RosterBatch,
  units: UnitIndex,
  now: Date,
): Promise<BatchWritten> {
  const idOf = (name: string) => {
    const unit = units.get(name)
    if (!unit) throw new Error(`roster plan names a unit that is not there: ${name}`)
    return unit
  }
  if (batch.kind === 'units') {
    const docs = batch.items.map((u) => {
      const parent = u.parent ? idOf(u.parent) : undefined
      const ancestors = parent ? [...parent.ancestors, parent.id] : []
      units.set(u.name, { id: u.id, ancestors })
      return { id: u.id, name: u.name, parentId: parent?.id ?? null, ancestors }
    })
    // A unit of that name made by someone else meanwhile: people and units below hang under it.
    for (const there of await repos.orgs.insertKeyed(docs))
      units.set(there.name, { id: there.id, ancestors: there.ancestors })
    return { rows: 0, bound: 0, taken: [] }
  }
  if (batch.kind === 'reparent') {
    for (const u of batch.items) await repos.orgs.reparent(idOf(u.name).id, idOf(u.parent).id)
    return { rows: 0, bound: 0, taken: [] }
  }
  const people = batch.items.map((p) => ({ ...p, orgId: idOf(p.org).id }))
  const added = await repos.members.addMany(
    people.filter((p) => p.isNew),
    now,
  )
  const changed = await repos.members.changeMany(
    people
      .filter((p) => !p.isNew && (p.moves || p.newRole || p.bind))
      .map((p) => ({
        id: p.id,
        line: p.line,
        ...(p.newRole ? { role: p.role } : {}),
        ...(p.moves ? { orgId: p.orgId } : {}),
        ...(p.bind ? { bind: p.bind } : {}),
      })),
    now,
  )
  return {
    rows: batch.items.length,
    bound: added.bound + changed.bound,
    taken: [...added.taken, ...changed.taken].sort((a, b) => a - b),
  }
}
