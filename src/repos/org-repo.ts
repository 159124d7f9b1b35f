import type { Models } from './models'
import type { OrgUnitDoc } from './documents'
import type { OrgSettings, OrgUnit, Rotation } from '../domain/entities'
import { idOf, insertManyKeyed, isDuplicateKey, oid } from './to-plain'
import { buildOrgTree, type OrgTree } from '../domain/org-tree'

function toOrg(doc: OrgUnitDoc): OrgUnit {
  return {
    id: idOf(doc._id),
    name: doc.name,
    parentId: doc.parentId ? idOf(doc.parentId) : null,
    ancestors: (doc.ancestors ?? []).map(idOf),
    settings: doc.settings ?? {},
    rotation: doc.rotation
      ? { memberIds: doc.rotation.memberIds.map(idOf), startMonday: doc.rotation.startMonday }
      : null,
  }
}

export function createOrgRepo({ OrgUnit: Org }: Models, options: { cacheMs?: number } = {}) {
  const cacheMs = options.cacheMs ?? 60_000
  let cached: { tree: Promise<OrgTree>; until: number } | undefined
  /** A read begun because the cached tree grew old: the old one is served until it lands. */
  let refreshing: Promise<OrgTree> | undefined
  /** Writes in this process show at once; another process's within `cacheMs` and one read (as the other caches). */
  const invalidate = () => {
    cached = undefined
  }

  const read = (): Promise<OrgTree> =>
    Org.find({})
      .lean()
      .then((docs) => buildOrgTree(docs.map(toOrg)))

  /**
   * The whole org tree, with settings, read in one query and kept for `cacheMs`: roll-ups, rule lookups
   * and subtree questions of the views use it instead of a query per unit. Past `cacheMs` the tree is
   * read again in the background and the one held is served meanwhile (a province's tree is tens of
   * thousands of units: no view waits for it); after a write in this process the next call waits for a
   * new read. Given a unit the cached tree lacks (another process created it since), it reads the tree
   * again and waits for it.
   */
  async function tree(mustHave?: string): Promise<OrgTree> {
    if (cached && mustHave && !(await cached.tree).get(mustHave)) cached = undefined
    if (!cached) {
      const entry = { tree: read(), until: Date.now() + cacheMs }
      cached = entry
      entry.tree.catch(() => {
        if (cached === entry) cached = undefined
      })
      return entry.tree
    }
    if (cached.until <= Date.now() && !refreshing) {
      const stale = cached
      refreshing = read()
        .then((fresh) => {
          // A write here meanwhile dropped the cache: a read after it is, or will be, under way.
          if (cached === stale) cached = { tree: Promise.resolve(fresh), until: Date.now() + cacheMs }
          return fresh
        })
        .finally(() => (refreshing = undefined))
      refreshing.catch(() => undefined)
    }
    return cached.tree
  }

  async function findByName(name: string): Promise<OrgUnit | undefined> {
    const doc = await Org.findOne({ name }).lean()
    return doc ? toOrg(doc) : undefined
  }

  async function findById(id: string): Promise<OrgUnit | undefined> {
    const doc = await Org.findById(oid(id)).lean()
    return doc ? toOrg(doc) : undefined
  }

  /** Creates the unit (under its parent, also created if new) or returns the existing one. */
  async function ensure(name: string, parentName?: string): Promise<OrgUnit> {
    const existing = await findByName(name)
    if (existing) return existing
    const parent = parentName ? await ensure(parentName) : undefined
    invalidate()
    try {
      const doc = await Org.create({
        name,
        parentId: parent ? oid(parent.id) : null,
        ancestors: parent ? [...parent.ancestors, parent.id].map(oid) : [],
      })
      return toOrg(doc.toObject())
    } catch (err) {
      if (isDuplicateKey(err)) return (await findByName(name))!
      throw err
    }
  }

  /**
   * New units of an import, each under its `_id` chosen beforehand, parents before children in the list
   * or in an earlier call: a unit already there (a resumed import, or one created meanwhile under its
   * name) is left as it is. Returns the units stored under the names that were refused, as they are, so
   * the caller hangs children under the unit that exists.
   */
  async function insertKeyed(units: readonly Omit<OrgUnit, 'settings' | 'rotation'>[]): Promise<OrgUnit[]> {
    if (!units.length) return []
    const refused = await insertManyKeyed(
      Org,
      units.map((u) => ({
        _id: oid(u.id),
        name: u.name,
        parentId: u.parentId ? oid(u.parentId) : null,
        ancestors: u.ancestors.map(oid),
        settings: {},
        rotation: null,
      })),
    )
    // After the insert: a tree read while it ran may lack these units.
    invalidate()
    if (!refused.length) return []
    const docs = await Org.find({ name: { $in: refused.map((i) => units[i]!.name) } }).lean()
    return docs.map(toOrg)
  }

  /** The unit and every unit below it. */
  /**
   * A unit and every unit below it, from the cached tree (one read a minute shared by every caller, not a
   * query per call: on FerretDB 1.x a query on `ancestors` reads the whole collection). A unit the cached
   * tree lacks makes it read the tree again, as `tree` does.
   */
  async function subtreeIds(rootId: string): Promise<string[]> {
    const ids = (await tree(rootId)).subtree(rootId).map((u) => u.id)
    return ids.length ? ids : [rootId]
  }

  /** Whether `orgId` is `rootId` or below it, from the cached tree (see subtreeIds). */
  async function isWithin(orgId: string, rootId: string): Promise<boolean> {
    if (orgId === rootId) return true
    return (await tree(orgId)).isWithin(orgId, rootId)
  }

  async function listAll(): Promise<OrgUnit[]> {
    const docs = await Org.find({}).sort({ name: 1 }).lean()
    return docs.map(toOrg)
  }

  async function listByIds(ids: string[]): Promise<OrgUnit[]> {
    const docs = await Org.find({ _id: { $in: ids.map(oid) } }).lean()
    return docs.map(toOrg)
  }

  /** Direct children, for "which units are furthest behind". */
  async function children(id: string): Promise<OrgUnit[]> {
    const docs = await Org.find({ parentId: oid(id) })
      .sort({ name: 1 })
      .lean()
    return docs.map(toOrg)
  }

  async function setSetting(id: string, key: keyof OrgSettings, value: unknown): Promise<void> {
    // undefined: the unit goes back to what it inherits (the setting is removed, not stored as null).
    const update =
      value === undefined ? { $unset: { [`settings.${key}`]: '' } } : { $set: { [`settings.${key}`]: value } }
    await Org.updateOne({ _id: oid(id) }, update)
    invalidate()
  }

  async function setRotation(id: string, rotation: Rotation): Promise<void> {
    await Org.updateOne(
      { _id: oid(id) },
      { $set: { rotation: { memberIds: rotation.memberIds.map(oid), startMonday: rotation.startMonday } } },
    )
    invalidate()
  }

  /**
   * Moves a unit (and everything below it) under another parent, or to the top with `null`. Refuses a
   * move under itself or its own subtree. Every unit below gets its ancestors rewritten, so every
   * subtree query sees the move at once.
   */
  async function reparent(id: string, parentId: string | null): Promise<void> {
    const unit = await findById(id)
    if (!unit) throw new Error(`no unit ${id}`)
    const parent = parentId ? await findById(parentId) : undefined
    if (parentId && !parent) throw new Error(`no unit ${parentId}`)
    if (parent && (parent.id === id || parent.ancestors.includes(id)))
      throw new Error('a unit cannot move under itself')
    const ancestors = parent ? [...parent.ancestors, parent.id] : []
    await Org.updateOne(
      { _id: oid(id) },
      { $set: { parentId: parent ? oid(parent.id) : null, ancestors: ancestors.map(oid) } },
    )
    const below = await Org.find({ ancestors: oid(id) }).lean()
    for (const doc of below) {
      const own = doc.ancestors.map(idOf)
      const rest = own.slice(own.indexOf(id))
      await Org.updateOne({ _id: doc._id }, { $set: { ancestors: [...ancestors, ...rest].map(oid) } })
    }
    invalidate()
  }

  return {
    findByName,
    findById,
    ensure,
    insertKeyed,
    subtreeIds,
    isWithin,
    listAll,
    listByIds,
    children,
    setSetting,
    setRotation,
    reparent,
    tree,
    /** Another repository changed units: the tree is read again on its next use. */
    invalidate,
  }
}

export type OrgRepo = ReturnType<typeof createOrgRepo>
