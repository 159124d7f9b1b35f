/** The annual-review exports with units and names an attacker or a careless admin might choose. */
import ExcelJS from 'exceljs'
import { openTestDb, type TestDb } from '../support/test-db'
import { startApiServer } from '../support/api-server'
import { registerRoster } from '../support/fixtures'

const ADMIN = 'review-export-admin-token-01'
let db: TestDb
let server: Awaited<ReturnType<typeof startApiServer>>

beforeAll(async () => {
  db = await openTestDb()
  await db.repos.tokens.bootstrap(ADMIN, new Date())
  await registerRoster(db.repos, [
    { name: '张三', role: 'executive', org: "'引号单位'", parent: '襄阳市' },
    { name: '李四', role: 'executive', org: 'History', parent: '襄阳市' },
    { name: '王五\r=2+5', role: 'executive', org: 'history', parent: '襄阳市' },
  ])
  server = await startApiServer(db.repos)
})
afterAll(async () => {
  await server.close()
  await db.close()
})

const get = (path: string) => fetch(server.base + path, { headers: { authorization: `Bearer ${ADMIN}` } })

it('exports the workbook when units are named with quotes or History', async () => {
  const res = await get('/api/v1/review/2026.xlsx')
  expect(res.status).toBe(200)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(await res.arrayBuffer())
  const names = wb.worksheets.map((w) => w.name)
  expect(names[0]).toBe('汇总')
  expect(names.slice(1).sort()).toEqual(['History__2', 'history_', '引号单位'].sort())
  expect(wb.getWorksheet('汇总')!.getColumn(1).values).toEqual(
    expect.arrayContaining(["'引号单位'", 'History', 'history']),
  )
})

it('exports CSV where a carriage return in a name neither starts a row nor a formula', async () => {
  const csv = (await (await get('/api/v1/review/2026.csv')).text()).replace(/^\ufeff/, '')
  const lines = csv
    .replace(/"(?:[^"]|"")*"/g, 'Q')
    .split('\r\n')
    .filter(Boolean)
  expect(lines).toHaveLength(4)
  expect(lines.some((l) => l.startsWith('='))).toBe(false)
  expect(csv).toContain('"王五\r=2+5",history,')
})
