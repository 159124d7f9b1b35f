import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'

/** Command latency buckets in ms: the same as the hand-written exposition before prom-client. */
const BUCKETS = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000]

/**
 * /metrics through prom-client, on a registry of its own: the bot's counters and gauges under the names
 * they always had, plus Node's process and event-loop figures (CPU, memory, handles, GC, event-loop lag
 * percentiles), which a hand-written exposition did not have.
 */
export function createMetrics() {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const registers = [registry]
  const messages = new Counter({
    name: 'fulian_messages_total',
    help: 'Messages the bot received, by what became of them',
    labelNames: ['outcome'] as const,
    registers,
  })
  const jobRuns = new Counter({
    name: 'fulian_job_runs_total',
    help: 'Scheduled job ticks, by job and whether it ran (a tick is skipped while the last run is busy)',
    labelNames: ['job', 'ran'] as const,
    registers,
  })
  const commandMs = new Histogram({
    name: 'fulian_command_duration_ms',
    help: 'Time to handle a command, from receipt to answer, in milliseconds',
    buckets: BUCKETS,
    registers,
  })
  const queueDepth = new Gauge({
    name: 'fulian_send_queue_depth',
    help: 'Messages waiting in the send queue (-1: database down)',
    registers,
  })
  const loggedIn = new Gauge({ name: 'fulian_wechat_logged_in', help: '1 while WeChat is logged in', registers })
  const userErrors = new Counter({
    name: 'fulian_user_errors_total',
    help: 'Messages answered with what was wrong, by the code of the mistake (handlers/user-error)',
    labelNames: ['code'] as const,
    registers,
  })
  const eventErrors = new Counter({
    name: 'fulian_event_errors_total',
    help: 'WeChat events (room joins, friend requests, logins) whose handling failed, by event',
    labelNames: ['event'] as const,
    registers,
  })

  return {
    countMessage: (outcome: string) => messages.inc({ outcome }),
    countJobRun: (job: string, ran: boolean) => jobRuns.inc({ job, ran: String(ran) }),
    observeCommandMs: (ms: number) => commandMs.observe(ms),
    countUserError: (code: string) => userErrors.inc({ code }),
    countEventError: (event: string) => eventErrors.inc({ event }),
    contentType: registry.contentType,
    /** The exposition, with the gauges read at scrape time. */
    async render(gauges: { sendQueueDepth: number; wechatLoggedIn: boolean }): Promise<string> {
      queueDepth.set(gauges.sendQueueDepth)
      loggedIn.set(gauges.wechatLoggedIn ? 1 : 0)
      return registry.metrics()
    },
  }
}

export type Metrics = ReturnType<typeof createMetrics>
