/**
 * One process per measurement of the province bench: `weekly` runs the weekly job for every unit,
 * `workbook` writes the province's review workbook, `floor` only starts and connects. Prints one JSON
 * line with the time and the process's peak resident memory (what the operating system saw).
 */
import { Writable } from 'node:stream'
import { connectDatabase } from '../src/repos/connect'
import { createRepos } from '../src/repos/create-repos'
import { silentLogger } from '../src/logger'
import { toLocal } from '../src/domain/zoned-time'
import { weeklyProgressJob } from '../jobs/weekly-progress'
import { writeReviewWorkbook } from '../src/services/review-workbook'
import { standingsReviewSource } from '../src/services/review-source'

const NOW = new Date('2026-11-23T09:30:00+08:00')
const TZ = 'Asia/Shanghai'

async function main() {
  const [kind, uri, name, provinceId] = process.argv.slice(2)
  const conn = await connectDatabase(uri!, name!)
  const repos = createRepos(conn)
  const t = performance.now()
  let out: Record<string, unknown> = {}
  if (kind === 'weekly') {
    const posts = await weeklyProgressJob.run({
      repos,
      now: NOW,
      tz: TZ,
      log: silentLogger,
      force: true,
      followUpHours: 24,
      auditRetentionDays: 365,
    })
    out = { posts }
  } else if (kind === 'workbook') {
    const today = toLocal(NOW, TZ)
    const view = await repos.standings.view(2026, today)
    let bytes = 0
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        bytes += chunk.length
        done()
      },
    })
    const source = standingsReviewSource(view, provinceId)
    let sheets = 1
    for (const u of source.units()) if (u.direct > 0) sheets++
    await writeReviewWorkbook(source, today, sink)
    out = { bytes, sheets }
  }
  const ms = performance.now() - t
  process.stdout.write(
    JSON.stringify({ kind, ms: Math.round(ms), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), ...out }) +
      '\n',
  )
  await conn.close()
}

main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(String(err?.stack ?? err) + '\n')
    process.exit(1)
  },
)
