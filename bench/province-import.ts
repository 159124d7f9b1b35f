/**
 * A synthetic province's roster and its import through the product's own path (the upload reader, the
 * plan, the preview, the confirmation, the job that writes it), for the `province-scale` benchmark and
 * for bench/run-province-import.ts. The shape follows issue 22: 1 province, 12 cities, ~100 districts,
 * ~1,000 townships and ~25,000 villages for 50,000 executives, every level scaled down with the roster.
 */
import type { openBenchDb } from './bench-db'
import { systemClock } from '../src/clock'
import { readUploadTable } from '../src/http/read-upload-table'
import { importRoster } from '../src/services/import-roster'
import type { ImportJob } from '../src/repos/import-job-repo'

type BenchDb = Awaited<ReturnType<typeof openBenchDb>>

/**
 * One row of the admin's file (its columns 姓名, 角色, 单位, 上级单位, 微信号); the role as the file
 * writes it or as the code names it (the rows of bench/province-shape.ts are welcome too).
 */
export interface ProvinceRow {
  name: string
  role: '主席' | '执委' | 'chair' | 'executive'
  org: string
  /** null for the province itself. */
  parent: string | null
  wechatId?: string
}

export const PROVINCE = '楚南省'

// Place-name characters (no digits, no numerals: names with numbers are refused as possible IDs).
const PLACE = '东西南北中新安平和兴福寿康宁乐清明山水河湖江海林桥田园花石岭岗沟坪庄集塘湾洲坝'
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'
const GIVEN = '秀丽美玉芳桂兰英华红春梅冬雪晓静淑金凤彩云海燕珍娟萍霞琴莲娥'

/** The i-th name of `width` place characters: distinct for every i below PLACE.length ** width. */
const place = (i: number, width: number) =>
  Array.from({ length: width }, (_, k) => PLACE[Math.floor(i / PLACE.length ** k) % PLACE.length]).join('')
const person = (i: number) =>
  SURNAMES[i % SURNAMES.length]! +
  GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]! +
  GIVEN[Math.floor(i / (SURNAMES.length * GIVEN.length)) % GIVEN.length]!

/**
 * `executives` rows: a chair for the province and each city, district and township, and the rest
 * executives of the villages, two or so to a village. Each row states its unit's parent.
 */
export function provinceRoster(executives: number): ProvinceRow[] {
  const villages = Math.max(1, Math.round(executives / 2))
  const townships = Math.max(1, Math.round(villages / 25))
  const districts = Math.max(1, Math.round(townships / 10))
  const cities = Math.min(12, districts)
  const city = (i: number) => place(i, 2) + '市'
  const district = (i: number) => place(i, 2) + '区'
  const township = (i: number) => place(i, 3) + '镇'
  const village = (i: number) => place(i, 3) + '村'
  const rows: ProvinceRow[] = []
  // `seed` names her: two people of one village have seeds next to each other, so never one name.
  const add = (role: ProvinceRow['role'], org: string, parent: string | null, seed = rows.length) =>
    rows.push({ name: person(seed), role, org, parent, wechatId: `wx_p${rows.length}` })
  add('主席', PROVINCE, null)
  for (let i = 0; i < cities; i++) add('主席', city(i), PROVINCE)
  for (let i = 0; i < districts; i++) add('主席', district(i), city(i % cities))
  for (let i = 0; i < townships; i++) add('主席', township(i), district(i % districts))
  for (let k = 0; rows.length < executives; k++) {
    const v = k % villages
    add('执委', village(v), township(v % townships), v * 3 + Math.floor(k / villages))
  }
  return rows.slice(0, executives)
}

/** The rows as the CSV an admin saves from her spreadsheet. */
export function provinceCsv(rows: readonly ProvinceRow[]): Buffer {
  const lines = rows.map((r) => [r.name, r.role, r.org, r.parent ?? '', r.wechatId ?? ''].join(','))
  return Buffer.from(['姓名,角色,单位,上级单位,微信号', ...lines].join('\n'))
}

export interface ProvinceImport {
  rows: number
  /** Reading the file, planning and previewing it. */
  previewMs: number
  /** Confirming it: planned again, checked against the preview, stored as a job (and written, if small). */
  confirmMs: number
  /** The job writing every batch, after the confirmation answered. */
  writeMs: number
  totalMs: number
  status: string
  bound: number
}

/**
 * Imports the rows as an admin of everything does from the dashboard: upload and preview, confirm the
 * previewed plan, and the job (written here, as the confirming process writes it) to its end.
 */
export async function importProvince(db: BenchDb, rows: readonly ProvinceRow[]): Promise<ProvinceImport> {
  const t0 = performance.now()
  const table = await readUploadTable(provinceCsv(rows), 'text/csv')
  const preview = await importRoster(db.repos, table, null, systemClock, { preview: true })
  if (preview.rejected.length) throw new Error(`province roster refused: ${JSON.stringify(preview.rejected[0])}`)
  const t1 = performance.now()
  let writing: Promise<ImportJob | undefined> | undefined
  const confirmed = await importRoster(db.repos, table, null, systemClock, {
    confirm: true,
    expect: preview.plan,
    by: 'bench',
    onJob: (_job, write) => (writing = write()),
  })
  const t2 = performance.now()
  const job = writing ? await writing : undefined
  const status = writing ? (job?.status ?? 'held elsewhere') : confirmed.imported ? 'done' : 'not imported'
  const bound = writing ? (job?.bound ?? 0) : confirmed.bound
  if (status !== 'done') throw new Error(`province roster ${status}: ${JSON.stringify(confirmed).slice(0, 300)}`)
  const t3 = performance.now()
  return {
    rows: rows.length,
    previewMs: Math.round(t1 - t0),
    confirmMs: Math.round(t2 - t1),
    writeMs: Math.round(t3 - t2),
    totalMs: Math.round(t3 - t0),
    status,
    bound,
  }
}
