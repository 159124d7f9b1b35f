import { createHash } from 'node:crypto'
import type { OrgTree } from '../domain/org-tree'

const keys = new WeakMap<OrgTree, string>()

/**
 * What figures depend on in a tree: its shape and its settings (checklists, counting chairs, review
 * rules), as a short digest. The org repository reads the tree again every minute; figures are computed
 * again only when this changes. Names are left out: views read them from the tree they are given.
 */
export function treeKeyOf(tree: OrgTree): string {
  let key = keys.get(tree)
  if (key === undefined) {
    const hash = createHash('sha1')
    for (const u of tree.all()) hash.update(`${u.id}|${u.parentId ?? ''}|${JSON.stringify(u.settings)}\n`)
    key = hash.digest('hex')
    keys.set(tree, key)
  }
  return key
}
