import type { Models } from './models'
import type { Proposal } from '../domain/proposal'
import { deleteWhere, idOf, oid } from './to-plain'

/** Questions waiting for a digit, one per conversation; a new question replaces the one before. */
export function createProposalRepo({ Proposal: P }: Models) {
  async function put(conversation: string, proposal: Proposal): Promise<void> {
    const fields = { ...proposal, memberId: oid(proposal.memberId) }
    await P.replaceOne({ _id: conversation }, fields, { upsert: true })
  }

  /** The waiting question, unless it has lapsed. */
  async function get(conversation: string, now: Date): Promise<Proposal | undefined> {
    const doc = await P.findById(conversation).lean()
    if (!doc || doc.expiresAt.getTime() <= now.getTime()) return undefined
    return {
      key: doc.key,
      memberId: idOf(doc.memberId),
      options: doc.options,
      createdAt: doc.createdAt,
      expiresAt: doc.expiresAt,
    }
  }

  /** Removes it, if it is still the one raised by `key` (a newer question stays). */
  async function remove(conversation: string, key: string): Promise<void> {
    await P.deleteOne({ _id: conversation, key })
  }

  /** Questions that lapsed before `cutoff`: nobody can answer them any more. */
  async function deleteLapsedBefore(cutoff: Date): Promise<number> {
    return deleteWhere(P, { expiresAt: { $lt: cutoff } })
  }

  return { put, get, remove, deleteLapsedBefore }
}

export type ProposalRepo = ReturnType<typeof createProposalRepo>
