import type { Models } from './models'
import type { AuditDoc } from './documents'

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

  return { record, recent }
}

export type AuditRepo = ReturnType<typeof createAuditRepo>
