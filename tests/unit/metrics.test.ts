import { createMetrics } from '../../src/http/metrics'

describe('metrics', () => {
  it('keeps the bot’s metric names and adds process and event-loop figures', async () => {
    const metrics = createMetrics()
    metrics.countMessage('handled')
    metrics.countMessage('handled')
    metrics.countJobRun('weekly-progress', true)
    metrics.observeCommandMs(7)
    const text = await metrics.render({ sendQueueDepth: 3, wechatLoggedIn: true })
    expect(text).toContain('fulian_messages_total{outcome="handled"} 2')
    expect(text).toContain('fulian_job_runs_total{job="weekly-progress",ran="true"} 1')
    expect(text).toContain('fulian_command_duration_ms_bucket{le="5"} 0')
    expect(text).toContain('fulian_command_duration_ms_bucket{le="10"} 1')
    expect(text).toContain('fulian_command_duration_ms_count 1')
    expect(text).toContain('fulian_send_queue_depth 3')
    expect(text).toContain('fulian_wechat_logged_in 1')
    for (const name of [
      'process_cpu_seconds_total',
      'process_resident_memory_bytes',
      'nodejs_heap_size_used_bytes',
      'nodejs_eventloop_lag_p99_seconds',
      'nodejs_active_handles_total',
    ])
      expect(text).toMatch(new RegExp(`^${name}(\\{[^}]*\\})? `, 'm'))
    expect(metrics.contentType).toMatch(/^text\/plain; version=0\.0\.4/)
  })

  it('counts user errors by code and failed WeChat events by event', async () => {
    const metrics = createMetrics()
    metrics.countUserError('stranger')
    metrics.countUserError('stranger')
    metrics.countUserError('badDate')
    metrics.countEventError('friendship')
    const text = await metrics.render({ sendQueueDepth: 0, wechatLoggedIn: true })
    expect(text).toContain('fulian_user_errors_total{code="stranger"} 2')
    expect(text).toContain('fulian_user_errors_total{code="badDate"} 1')
    expect(text).toContain('fulian_event_errors_total{event="friendship"} 1')
  })

  it('lets two apps in one process keep counts of their own', async () => {
    const [a, b] = [createMetrics(), createMetrics()]
    a.countMessage('failed')
    expect(await b.render({ sendQueueDepth: 0, wechatLoggedIn: false })).not.toContain('outcome="failed"')
  })
})
