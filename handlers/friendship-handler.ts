import type { Repos } from '../src/repos/create-repos'

export type FriendDecision = 'accept' | 'ignore'

/**
 * Registered members (by WeChat id, or an unbound roster entry with this name) are accepted so they
 * can talk privately. WeChat lets nobody message a stranger before accepting, so a stranger's request is
 * left pending: an admin adds her to the roster and she asks again.
 */
export async function decideFriendRequest(repos: Repos, contactId: string, name: string): Promise<FriendDecision> {
  if (await repos.members.findByContactId(contactId)) return 'accept'
  const bound = await repos.members.bindByName(name.trim(), contactId)
  return bound && 'member' in bound ? 'accept' : 'ignore'
}
