import { sendQueueStep, type SendQueueDeps } from '../src/services/send-queue'
import type { Clock } from '../src/clock'

/**
 * Sends this account's queued messages as the policy allows, sleeping in between; looks for new work
 * every 5 s at most. While WeChat is logged out it sends nothing (a send would only fail and count).
 */
export function startQueueWorker(
  deps: Omit<SendQueueDeps, 'account'> & { account(): string | undefined },
  clock: Clock,
): { stop(): Promise<void> } {
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> = Promise.resolve()

  const tick = () => {
    running = (async () => {
      let delay = 5_000
      try {
        const account = deps.account()
        const result = account ? await sendQueueStep({ ...deps, account }, clock.now()) : { idle: true as const }
        if ('sent' in result) delay = 0
        else if ('waitUntil' in result)
          delay = Math.min(5_000, Math.max(50, result.waitUntil.getTime() - clock.now().getTime()))
      } catch (err) {
        deps.log.error('send queue step failed', { err })
      }
      if (!stopped) timer = setTimeout(tick, delay)
    })()
  }
  tick()
  return {
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      await running
    },
  }
}
