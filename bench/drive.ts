/** Sends `count` messages with `concurrency` in flight; returns messages per second and latency percentiles. */
export async function drive(
  count: number,
  concurrency: number,
  send: (i: number) => Promise<unknown>,
): Promise<{ perSecond: number; p50Ms: number; p99Ms: number; seconds: number }> {
  const latencies: number[] = []
  let next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++
        const t = performance.now()
        await send(i)
        latencies.push(performance.now() - t)
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]!
  return { perSecond: count / seconds, p50Ms: pct(0.5), p99Ms: pct(0.99), seconds }
}
