import { createHash } from 'node:crypto'

/**
 * Which of the accounts present at a target sends to it: the same one every time for that target (a
 * group hears one voice), spread over the accounts across targets. Null when no account is known there.
 */
export function chooseAccount(target: string, accounts: readonly string[]): string | null {
  if (accounts.length === 0) return null
  const sorted = [...new Set(accounts)].sort()
  const slot = createHash('sha1').update(target).digest().readUInt32BE(0) % sorted.length
  return sorted[slot]!
}
