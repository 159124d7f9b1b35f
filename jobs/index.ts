import type { Job } from './job'
import { weeklyProgressJob } from './weekly-progress'
import { diaryReminderJob } from './diary-reminder'
import { noticeFollowUpJob } from './notice-follow-up'
import { unboundReportJob } from './unbound-report'
import { retentionCleanupJob } from './retention-cleanup'

/** Every scheduled job, by the name the scenario runner uses. */
export const JOBS: readonly Job[] = [
  weeklyProgressJob,
  diaryReminderJob,
  noticeFollowUpJob,
  unboundReportJob,
  retentionCleanupJob,
]

export function findJob(name: string): Job | undefined {
  return JOBS.find((j) => j.name === name)
}
