/**
 * How long the bot keeps its working rows, in days. Ledger events, notices, acknowledgements and needs
 * are records and are never deleted; these rows only make the bot's work exactly-once or resumable.
 */
export const RETENTION_DAYS = {
  /** msg:, bind:, send: and stranger-told: claims: far past any redelivery (minutes) or journal replay (hours). */
  claims: 30,
  /** Sent queue rows: the send caps read the last 24 hours; the rest is there to look back on. */
  outboxSent: 30,
  /** Queue rows given up: each was reported to an admin; kept longer for whoever looks into why. */
  outboxFailed: 90,
  /** Job marks: each names one week's or one notice's work, done long before. */
  jobMarks: 60,
  /** Proposals (they lapse after 6 hours) and unused binding codes (after 24): a day after they lapse. */
  proposalsAfterLapse: 1,
} as const

const DAY_MS = 86_400_000

export { MISREAD_RETENTION_DAYS } from './misread'
import { MISREAD_RETENTION_DAYS } from './misread'

export interface RetentionCutoffs {
  /** Messages the bot did not understand, kept masked for learning (domain/misread). */
  misreads: Date
  claims: Date
  outbox: { sent: Date; failed: Date }
  jobMarks: Date
  proposals: Date
  bindCodes: Date
  audit: Date
}

/** Rows older than these go; `auditDays` is AUDIT_RETENTION_DAYS. */
export function retentionCutoffs(now: Date, auditDays: number): RetentionCutoffs {
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS)
  return {
    misreads: before(MISREAD_RETENTION_DAYS),
    claims: before(RETENTION_DAYS.claims),
    outbox: { sent: before(RETENTION_DAYS.outboxSent), failed: before(RETENTION_DAYS.outboxFailed) },
    jobMarks: before(RETENTION_DAYS.jobMarks),
    proposals: before(RETENTION_DAYS.proposalsAfterLapse),
    bindCodes: before(RETENTION_DAYS.proposalsAfterLapse),
    audit: before(auditDays),
  }
}
