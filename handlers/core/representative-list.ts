import type { Member } from '../../src/domain/entities'
import { subjectKey } from '../../src/domain/progress'
import type { MessageContext } from './message-context'
import { loggedNames } from './known-names'

/** Each list's names as keys, once per list (the repository hands out the same array while it is unchanged). */
const KEYS = new WeakMap<readonly string[], ReadonlySet<string>>()
function keysOf(listed: readonly string[]): ReadonlySet<string> {
  let keys = KEYS.get(listed)
  if (!keys) {
    keys = new Set(listed.map(subjectKey))
    KEYS.set(listed, keys)
  }
  return keys
}

/**
 * The names among these that are not on the federation's list of women representatives for her unit
 * (or a unit above it), and that she has not recorded before. Empty when her unit has no list: then
 * every name counts as it always did.
 */
export async function unlistedRepresentatives(
  ctx: MessageContext,
  member: Member,
  names: readonly string[],
): Promise<Set<string>> {
  const lists = await ctx.repos.representatives.listsFor(member.orgId)
  if (lists.length === 0 || names.length === 0) return new Set()
  const listed = (key: string) => lists.some((l) => keysOf(l).has(key))
  const known = new Set(
    (await loggedNames(ctx, member.id)).filter((k) => k.kind === 'representatives').map((k) => subjectKey(k.subject)),
  )
  return new Set(names.filter((n) => !listed(subjectKey(n)) && !known.has(subjectKey(n))))
}

/** The line a question adds for them: what "1" will do with a name off the list. */
export function unlistedNote(names: ReadonlySet<string>): string {
  return names.size ? `「${[...names].join('」「')}」不在本单位的妇女代表名单里，记下后在述职表里标为“名单外”。` : ''
}
