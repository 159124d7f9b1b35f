import type { Models } from './models'
import type { AuditDoc } from './documents'
import { deleteWhere, idOf, oid } from './to-plain'
import type { AuditAction } from '../domain/audit-actions'
import { maskSensitive } from '../domain/mask-sensitive'

/** An entry as written (`A`: one of the known actions) or read back (any action an older version wrote). */
export interface AuditEntry<A extends string = AuditAction> {
  at: Date
  who: string
  role: string
  action: A
  detail: string
  /** The unit whose records were read or changed (its subtree); null: the whole tree. */
  orgId: string | null
}

/**
 * An entry as it is kept: its texts masked. They quote what others typed (a WeChat nickname, a token's
 * label, a name), and the audit trail is read by every admin above and kept for months.
 */
export function auditEntryAsKept(entry: AuditEntry): AuditEntry {
  return { ...entry, who: maskSensitive(entry.who), detail: maskSensitive(entry.detail) }
}

export function createAuditRepo({ Audit: A }: Models) {
  async function record(entry: AuditEntry): Promise<void> {
    const kept = auditEntryAsKept(entry)
    await A.create({ ...kept, orgId: kept.orgId ? oid(kept.orgId) : null })
  }

  /**
   * The newest entries about these units (all entries when `orgIds` is undefined): an admin sees what was
   * done to her subtree's records, not what her superiors did with theirs. Entries written before units
   * were kept (no orgId) are the whole tree's.
   */
  async function recent(orgIds?: string[], limit = 200): Promise<AuditEntry<string>[]> {
    const docs = await A.find(orgIds ? { orgId: { $in: orgIds.map(oid) } } : {}, { _id: 0 })
      .sort({ at: -1 })
      .limit(limit)
      .lean<Omit<AuditDoc, '_id'>[]>()
    return docs.map((d) => ({ ...d, orgId: d.orgId ? idOf(d.orgId) : null }))
  }

  /** Entries older than the configured period (AUDIT_RETENTION_DAYS). */
  async function deleteBefore(cutoff: Date): Promise<number> {
    return deleteWhere(A, { at: { $lt: cutoff } })
  }

  return { record, recent, deleteBefore }
}

export type AuditRepo = ReturnType<typeof createAuditRepo>
