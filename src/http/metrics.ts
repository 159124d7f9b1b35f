/** Prometheus text exposition without a client library: counters, one latency histogram, gauges read on scrape. */
const BUCKETS = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000]

export function createMetrics() {
  const counters = new Map<string, number>()
  const hist = { buckets: BUCKETS.map(() => 0), sum: 0, count: 0 }
  const key = (name: string, labels: Record<string, string>) =>
    `${name}{${Object.entries(labels)
      .map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, '_')}"`)
      .join(',')}}`

  return {
    inc(name: string, labels: Record<string, string> = {}, by = 1) {
      const k = key(name, labels)
      counters.set(k, (counters.get(k) ?? 0) + by)
    },
    observeCommandMs(ms: number) {
      BUCKETS.forEach((b, i) => {
        if (ms <= b) hist.buckets[i]!++
      })
      hist.sum += ms
      hist.count++
    },
    render(gauges: Record<string, number>): string {
      const lines: string[] = []
      const names = new Set([...counters.keys()].map((k) => k.slice(0, k.indexOf('{'))))
      for (const name of names) {
        lines.push(`# TYPE ${name} counter`)
        for (const [k, v] of counters) if (k.startsWith(name + '{')) lines.push(`${k.replace('{}', '')} ${v}`)
      }
      lines.push('# TYPE fulian_command_duration_ms histogram')
      BUCKETS.forEach((b, i) => lines.push(`fulian_command_duration_ms_bucket{le="${b}"} ${hist.buckets[i]}`))
      lines.push(`fulian_command_duration_ms_bucket{le="+Inf"} ${hist.count}`)
      lines.push(`fulian_command_duration_ms_sum ${hist.sum}`, `fulian_command_duration_ms_count ${hist.count}`)
      for (const [name, value] of Object.entries(gauges)) lines.push(`# TYPE ${name} gauge`, `${name} ${value}`)
      return lines.join('\n') + '\n'
    },
  }
}

export type Metrics = ReturnType<typeof createMetrics>
