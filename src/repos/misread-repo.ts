import type { Models } from './models'
import type { MisreadDoc } from './documents'
import type { Misread } from '../domain/misread'
import { deleteWhere, idOf, insertOnce, oid } from './to-plain'

const toMisread = (d: MisreadDoc): Misread => ({
  id: d._id,
  orgId: idOf(d.orgId),
  at: d.at,
  where: d.where as Misread['where'],
  text: d.text,
  reading: d.reading,
})

/**
 * Messages the bot did not understand (domain/misread): inserted once per message key (an insert, cheap
 * on every server), listed for admins of the unit's subtree, exported as corpus lines, deleted after
 * MISREAD_RETENTION_DAYS by the clean-up job.
 */
export function createMisreadRepo({ Misread: M }: Models) {
  async function keep(entry: Misread): Promise<void> {
    const { id, orgId, ...rest } = entry
    await insertOnce(M, { _id: id, orgId: oid(orgId), ...rest })
  }

  /** The newest first, of these units (all when `orgIds` is undefined). */
  async function recent(orgIds?: string[], limit = 200): Promise<Misread[]> {
    const docs = await M.find(orgIds ? { orgId: { $in: orgIds.map(oid) } } : {})
      .sort({ at: -1 })
      .limit(limit)
      .lean<MisreadDoc[]>()
    return docs.map(toMisread)
  }

  async function deleteBefore(cutoff: Date): Promise<number> {
    return deleteWhere(M, { at: { $lt: cutoff } })
  }

  return { keep, recent, deleteBefore }
}

export type MisreadRepo = ReturnType<typeof createMisreadRepo>
