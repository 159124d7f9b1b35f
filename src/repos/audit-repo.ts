import type { Models } from './models'
import type { AuditDoc } from './documents'
import { deleteWhere } from './to-plain'

export interface AuditEntry {
  at: Date
  who: string
  role: string
  action: string
  detail: string
}

export function createAuditRepo({ Audit: A }: Models) {
  async function record(entry: AuditEntry): Promise<void> {
    await A.create(entry)
  }

  async function recent(limit = 200): Promise<AuditEntry[]> {
    const docs = await A.find({}, { _id: 0 }).sort({ at: -1 }).limit(limit).lean<Omit<AuditDoc, '_id'>[]>()
    return docs
  }

  /** Entries older than the configured period (AUDIT_RETENTION_DAYS). */
  async function deleteBefore(cutoff: Date): Promise<number> {
    return deleteWhere(A, { at: { $lt: cutoff } })
  }

  return { record, recent, deleteBefore }
}

export type AuditRepo = ReturnType<typeof createAuditRepo>
