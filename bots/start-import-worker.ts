import { resumeRosterJobs } from '../src/services/roster-job'
import type { Repos } from '../src/repos/create-repos'
import type { Clock } from '../src/clock'
import type { Logger } from '../src/logger'

/**
 * Resumes a roster import job that a stopped process left unfinished (its hold lapsed), at start and
 * every `everyMs`: the request that confirms a large import starts writing it, and this finishes it.
 */
export function startImportWorker(
  deps: { repos: Repos; clock: Clock; log: Logger },
  everyMs = 30_000,
): { stop(): Promise<void> } {
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> = Promise.resolve()
  const abort = new AbortController()
  const tick = () => {
    running = (async () => {
      try {
        await resumeRosterJobs({ ...deps, signal: abort.signal })
      } catch (err) {
        deps.log.error('roster import resume failed', { err })
      }
      if (!stopped) timer = setTimeout(tick, everyMs)
    })()
  }
  tick()
  return {
    async stop() {
      stopped = true
      abort.abort()
      if (timer) clearTimeout(timer)
      await running
    },
  }
}
