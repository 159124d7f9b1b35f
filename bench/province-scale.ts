import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { manualClock } from '../src/clock'
import { silentLogger } from '../src/logger'
import { startSimulatorSession } from '../bots/simulator-session'
import { startApiServer } from '../tests/support/api-server'
import { openBenchDb } from './bench-db'
import { PROVINCE_CHAIR, PROVINCE_NAME, provinceRows, seedProvince, type ProvinceShape } from './province-shape'

const NOW = '2026-11-23T09:30:00+08:00'
const TOKEN = 'province-scale-admin-token'
/** A view begun this long after the last one reads what was written since (the standings' freshness is 1 s). */
const PAUSE_MS = 1_100
const pause = () => new Promise((resolve) => setTimeout(resolve, PAUSE_MS))

interface Measured {
  ms: number
  commands: number
  documents: number
}

interface ProvinceFigures {
  server: string
  executives: number
  units: number
  groups: number
  seedMs: number
  /** #汇总 of the province's chair in a process that has read nothing yet (tree, roster, every count). */
  summaryColdMs: number
  /** The same after another process recorded for three executives: what a chair waits for. */
  summary: Measured
  summaryText: string
  apiSummary: Measured & { units: number }
  apiProgress: Measured & { rows: number; bytes: number; next: boolean }
  weekly: { ms: number; maxRssMb: number; posts: number }
  workbook: { ms: number; maxRssMb: number; bytes: number; sheets: number }
  floorRssMb: number
  import: { ms: number } | 'not measured'
}

function child(kind: string, uri: string, name: string, provinceId: string) {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'province-child.ts'), kind, uri, name, provinceId],
    { env: process.env, encoding: 'utf8', maxBuffer: 1 << 20 },
  )
  if (run.status !== 0) throw new Error(`province child ${kind} failed: ${run.stderr}`)
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as Record<string, number>
}

/** The import helper's roster import at province size, when bench/province-import.ts is there. */
async function measureImport(executives: number, shape: ProvinceShape): Promise<ProvinceFigures['import']> {
  const path = join(__dirname, 'province-import.ts')
  if (!existsSync(path)) return 'not measured'
  const { importProvince } = (await import(path)) as {
    importProvince: (
      db: Awaited<ReturnType<typeof openBenchDb>>,
      rows: ReturnType<typeof provinceRows>,
    ) => Promise<unknown>
  }
  const db = await openBenchDb(`import${executives}`)
  try {
    const rows = provinceRows(shape, executives)
    const t = performance.now()
    await importProvince(db, rows)
    return { ms: Math.round(performance.now() - t) }
  } finally {
    await db.close()
  }
}

const progress = (executives: number, what: string) => process.stderr.write(`province-scale ${executives}: ${what}\n`)

async function measureProvince(executives: number, shape: ProvinceShape): Promise<ProvinceFigures> {
  const db = await openBenchDb(`province${executives}`)
  try {
    const t = performance.now()
    const seeded = await seedProvince(db.conn, shape, executives, new Date('2026-11-20T00:00:00Z'))
    const seedMs = performance.now() - t
    await db.repos.tokens.bootstrap(TOKEN, new Date())
    // The leader's process: a connection and repositories of its own, nothing read yet.
    const reader = await db.attach()
    const clock = manualClock(new Date(NOW))
    const session = await startSimulatorSession({
      repos: reader.repos,
      clock,
      log: silentLogger,
      tz: 'Asia/Shanghai',
      botName: '妇联助手',
      friends: [PROVINCE_CHAIR],
    })
    const api = await startApiServer(reader.repos, { clock })
    const measure = async <T>(f: () => Promise<T>): Promise<Measured & { value: T }> => {
      const [c, d] = [reader.commandsSent(), reader.documentsReturned()]
      const start = performance.now()
      const value = await f()
      const ms = Math.round(performance.now() - start)
      return { ms, commands: reader.commandsSent() - c, documents: reader.documentsReturned() - d, value }
    }
    const summary = () =>
      session.say({ from: PROVINCE_CHAIR, text: '#汇总' }, { handledOnly: true }).then(() => session.sent.at(-1)!.text)
    const get = (path: string) =>
      fetch(api.base + path, { headers: { authorization: `Bearer ${TOKEN}` } }).then(async (res) => {
        if (res.status !== 200) throw new Error(`${path}: ${res.status}`)
        return { text: await res.text(), next: !!res.headers.get('x-next-cursor') }
      })
    try {
      const cold = await measure(summary)
      // Another process (the bench's own repositories) records for three executives meanwhile.
      const three = await db.conn.collection('members').find({ role: 'executive' }).limit(3).toArray()
      for (const [i, m] of three.entries()) {
        const id = `province-bench-${i}`
        await db.repos.progress.record(
          { id: String(m._id), orgId: String(m.orgId) },
          2026,
          { key: id, by: 'bench', messageId: id, change: { add: { id, kind: 'report', date: '2026-11-23', at: 1 } } },
          new Date(),
        )
      }
      await pause()
      const warm = await measure(summary)
      await pause()
      const org = encodeURIComponent(PROVINCE_NAME)
      const apiSummary = await measure(() => get(`/api/v1/summary?year=2026&org=${org}`))
      await pause()
      const apiProgress = await measure(() => get(`/api/v1/progress?year=2026&org=${org}`))
      const progressRows = JSON.parse(apiProgress.value.text) as unknown[]
      progress(executives, `views ${cold.ms} / ${warm.ms} / ${apiSummary.ms} / ${apiProgress.ms} ms; the weekly job`)
      const weekly = child('weekly', db.uri, db.name, seeded.provinceId)
      progress(executives, `weekly ${weekly.ms} ms; the workbook`)
      const workbook = child('workbook', db.uri, db.name, seeded.provinceId)
      const floor = child('floor', db.uri, db.name, seeded.provinceId)
      return {
        server: db.server,
        executives,
        units: seeded.units,
        groups: seeded.groups,
        seedMs: Math.round(seedMs),
        summaryColdMs: cold.ms,
        summary: { ms: warm.ms, commands: warm.commands, documents: warm.documents },
        summaryText: warm.value.split('\n')[0]!,
        apiSummary: {
          ms: apiSummary.ms,
          commands: apiSummary.commands,
          documents: apiSummary.documents,
          units: (JSON.parse(apiSummary.value.text) as { units: unknown[] }).units.length,
        },
        apiProgress: {
          ms: apiProgress.ms,
          commands: apiProgress.commands,
          documents: apiProgress.documents,
          rows: progressRows.length,
          bytes: apiProgress.value.text.length,
          next: apiProgress.value.next,
        },
        weekly: { ms: weekly.ms!, maxRssMb: weekly.maxRssMb!, posts: weekly.posts! },
        workbook: { ms: workbook.ms!, maxRssMb: workbook.maxRssMb!, bytes: workbook.bytes!, sheets: workbook.sheets! },
        floorRssMb: floor.maxRssMb!,
        import: await measureImport(executives, shape),
      }
    } finally {
      await api.close()
      await session.stop()
      await reader.close()
    }
  } finally {
    await db.close()
  }
}

const ratio = (a: number, b: number) => Number((b / Math.max(1, a)).toFixed(2))

/**
 * A province of the issue's shape at two sizes, generated straight into the database, and what its
 * leaders wait for at each: the chair's #汇总 through the real bot, /api/v1/summary and the first page
 * of /api/v1/progress for the province, the weekly job for every unit and the province's workbook (each
 * in a process of its own, for its peak memory), and the roster import where the import's bench is
 * there. Each figure is given at both sizes with its growth ratio; `ratio` is the views' worst.
 */
export async function provinceScale(sizes: [number, number], shape: ProvinceShape) {
  const small = await measureProvince(sizes[0], shape)
  const large = await measureProvince(sizes[1], shape)
  const pair = <T>(f: (p: ProvinceFigures) => T) => [f(small), f(large)]
  const grow = (f: (p: ProvinceFigures) => number) => ratio(f(small), f(large))
  const views = {
    summaryRatio: grow((p) => p.summary.ms),
    apiSummaryRatio: grow((p) => p.apiSummary.ms),
    apiProgressRatio: grow((p) => p.apiProgress.ms),
  }
  const importMs = (p: ProvinceFigures) => (p.import === 'not measured' ? null : p.import.ms)
  return {
    name: 'province-scale',
    server: large.server,
    executives: pair((p) => p.executives),
    units: pair((p) => p.units),
    groups: pair((p) => p.groups),
    seedMs: pair((p) => p.seedMs),
    summaryColdMs: pair((p) => p.summaryColdMs),
    summaryMs: pair((p) => p.summary.ms),
    summaryCommands: pair((p) => p.summary.commands),
    summaryDocuments: pair((p) => p.summary.documents),
    summaryFirstLine: pair((p) => p.summaryText),
    ...views,
    apiSummaryMs: pair((p) => p.apiSummary.ms),
    apiSummaryCommands: pair((p) => p.apiSummary.commands),
    apiSummaryDocuments: pair((p) => p.apiSummary.documents),
    apiSummaryUnits: pair((p) => p.apiSummary.units),
    apiProgressMs: pair((p) => p.apiProgress.ms),
    apiProgressCommands: pair((p) => p.apiProgress.commands),
    apiProgressDocuments: pair((p) => p.apiProgress.documents),
    apiProgressRows: pair((p) => p.apiProgress.rows),
    apiProgressBytes: pair((p) => p.apiProgress.bytes),
    weeklyMs: pair((p) => p.weekly.ms),
    weeklyPosts: pair((p) => p.weekly.posts),
    weeklyMaxRssMb: pair((p) => p.weekly.maxRssMb),
    weeklyRatio: grow((p) => p.weekly.ms),
    workbookMs: pair((p) => p.workbook.ms),
    workbookMaxRssMb: pair((p) => p.workbook.maxRssMb),
    workbookBytes: pair((p) => p.workbook.bytes),
    workbookSheets: pair((p) => p.workbook.sheets),
    workbookRatio: grow((p) => p.workbook.ms),
    floorRssMb: pair((p) => p.floorRssMb),
    importMs: small.import === 'not measured' ? 'not measured' : pair(importMs),
    importRatio: small.import === 'not measured' ? null : grow((p) => importMs(p) ?? 0),
    ratio: Math.max(...Object.values(views)),
    target:
      'each view <= 1 s at 50k, ratio <= 3; weekly <= 10 min, <= 1 GB, ratio <= 12; workbook <= 2 min, <= 1 GB; import <= 5 min, ratio <= 12',
  }
}
