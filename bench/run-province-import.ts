/**
 * npx tsx bench/run-province-import.ts [executives ...]   (default 5000 50000)
 * Imports a synthetic province of each size into a fresh database (bench/province-import.ts), then a
 * 30-row file into the province it made, and prints one JSON line per size and the growth ratio.
 */
import { openBenchDb } from './bench-db'
import { importProvince, provinceRoster, type ProvinceRow } from './province-import'

async function measure(executives: number) {
  const db = await openBenchDb('province_import')
  let peakRss = process.memoryUsage().rss
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200)
  try {
    const rows = provinceRoster(executives)
    const whole = await importProvince(db, rows)
    // The second figure: a small file once the province is there (new people in its villages).
    const villages = rows.filter((r) => r.role === '执委').slice(0, 30)
    const small: ProvinceRow[] = villages.map((r, i) => ({
      ...r,
      name: `新来${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${'子丑寅'[Math.floor(i / 10)]}`,
      wechatId: `wx_new${i}`,
    }))
    const after = await importProvince(db, small)
    return {
      executives,
      server: db.server,
      ...whole,
      thirtyRowsAfterMs: after.totalMs,
      peakRssMb: Math.round(peakRss / 2 ** 20),
    }
  } finally {
    clearInterval(sampler)
    await db.close()
  }
}

async function main() {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0)
  const results = []
  for (const n of sizes.length ? sizes : [5_000, 50_000]) {
    const r = await measure(n)
    results.push(r)
    process.stdout.write(JSON.stringify({ name: 'province-import', ...r }) + '\n')
  }
  if (results.length >= 2) {
    const [a, b] = [results[0]!, results[results.length - 1]!]
    process.stdout.write(
      JSON.stringify({
        name: 'province-import-growth',
        from: a.executives,
        to: b.executives,
        ratio: Number((b.totalMs / a.totalMs).toFixed(2)),
      }) + '\n',
    )
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err instanceof Error ? err.stack : err)}\n`)
  process.exit(1)
})
