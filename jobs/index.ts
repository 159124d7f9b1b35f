import type { Job } from './job'

/** Every scheduled job. Weekly progress and diary reminders arrive with their own issue. */
export const JOBS: readonly Job[] = []

export function findJob(name: string): Job | undefined {
  return JOBS.find((j) => j.name === name)
}
