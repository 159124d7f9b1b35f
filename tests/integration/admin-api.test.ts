import ExcelJS from 'exceljs'
import { openTestDb, type TestDb } from '../support/test-db'
import { startApiServer } from '../support/api-server'
import { recordDuties, registerRoster } from '../support/fixtures'

const ADMIN = 'admin-token-for-tests-0001'
let db: TestDb
let server: Awaited<ReturnType<typeof startApiServer>>
let base: string
let chairToken: string

const json = async <T>(res: Response): Promise<T> => (await res.json()) as T
type Imported = { imported: number; rejected: { line: number; reason: string }[] }

async function call(path: string, init: RequestInit & { token?: string } = {}) {
  const headers = new Headers(init.headers)
  if (init.token) headers.set('authorization', `Bearer ${init.token}`)
  return fetch(base + path, { ...init, headers })
}

beforeAll(async () => {
  db = await openTestDb()
  await db.repos.tokens.bootstrap(ADMIN, new Date())
  const people = await registerRoster(db.repos, [
    { name: '王主席', role: 'chair', org: '樊城区', parent: '襄阳市' },
    { name: '张三', role: 'executive', org: '樊城区', parent: '襄阳市' },
    { name: '刘四', role: 'executive', org: '襄城区', parent: '襄阳市' },
  ])
  const zs = people['张三']!
  const kinds = ['representatives', 'poorFamily', 'problemSolved', 'onlineGroup', 'socialOrg', 'publicService'] as const
  await recordDuties(
    db.repos,
    zs,
    kinds.map((kind, i) => ({ kind, subject: `对象${i}` })),
  )
  chairToken = await db.repos.tokens.issue(
    { role: 'chair', orgId: people['王主席']!.orgId, label: '王主席' },
    new Date(),
  )
  server = await startApiServer(db.repos)
  base = server.base
})
afterAll(async () => {
  await server.close()
  await db.close()
})

describe('authentication and scope', () => {
  it('answers 401 without a token or with a wrong one (the slowdown: auth-throttle.test.ts)', async () => {
    expect((await call('/api/v1/progress')).status).toBe(401)
    expect((await call('/api/v1/progress', { token: 'wrong' })).status).toBe(401)
  })

  it('shows a chair only her own subtree and refuses another unit with 403', async () => {
    const rows = await json<{ name: string }[]>(await call('/api/v1/progress?year=2026', { token: chairToken }))
    // The chair herself is not counted unless her federation counts chairs (domain/counted.ts).
    expect(rows.map((r) => r.name)).toEqual(['张三'])
    expect((await call('/api/v1/progress?year=2026&org=襄城区', { token: chairToken })).status).toBe(403)
    expect((await call('/api/v1/audit', { token: chairToken })).status).toBe(403)
    expect((await call('/api/v1/members/import', { method: 'POST', body: 'x', token: chairToken })).status).toBe(403)
  })

  it('rejects bad input with a 400 a person can act on', async () => {
    const res = await call('/api/v1/progress?year=abc', { token: ADMIN })
    expect(res.status).toBe(400)
    expect((await json<{ error: string }>(res)).error).toMatch(/Invalid year/)
    expect((await call('/api/v1/review/2026.pdf', { token: ADMIN })).status).toBe(400)
  })
})

describe('progress and the annual review', () => {
  it('returns one entry per executive with the summary keys', async () => {
    const rows = await json<{ name: string }[]>(await call('/api/v1/progress?year=2026', { token: ADMIN }))
    const zs = rows.find((r) => r.name === '张三')
    expect(zs).toMatchObject({
      org: '樊城区',
      representatives: 1,
      poorFamily: 1,
      publicService: 1,
      report: 0,
      diary: 0,
      done: 5,
      grade: '基本合格',
    })
  })

  it('rolls every unit up over its subtree and ranks siblings, within the token’s scope', async () => {
    type Summary = { unit: { org: string; counted: number }; units: { org: string; rank: number | null }[] }
    const all = await json<Summary>(await call('/api/v1/summary?year=2026', { token: ADMIN }))
    expect(all.units.map((u) => `${u.org}:${u.rank}`)).toEqual(['襄阳市:1', '樊城区:1', '襄城区:2'])
    expect(all.units[0]).toMatchObject({ counted: 2, executives: 2, chairs: 0, direct: 0, averageDone: 2.5 })
    expect(all.units[1]).toMatchObject({ counted: 1, averageDone: 5, itemsDone: { poorFamily: 1, report: 0 } })
    expect(all.unit).toMatchObject({ org: '襄阳市', counted: 2, onTrackShare: 0, nothingYetShare: 0.5 })
    const mine = await json<Summary>(await call('/api/v1/summary?year=2026', { token: chairToken }))
    expect(mine.units.map((u) => u.org)).toEqual(['樊城区'])
    expect(mine.unit).toMatchObject({ org: '樊城区', counted: 1, rank: null })
  })

  it('exports the workbook with a summary sheet and a sheet per unit, with Chinese headers', async () => {
    const res = await call('/api/v1/review/2026.xlsx', { token: ADMIN })
    expect(res.status).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(await res.arrayBuffer())
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '樊城区', '襄城区'])
    const unit = wb.getWorksheet('樊城区')!
    // Row 1 is the title line; the grade stands next to the name.
    expect(unit.getRow(2).values).toContain('考核等级')
    const rows: unknown[][] = []
    unit.eachRow((r) => rows.push((r.values as unknown[]).slice(1)))
    expect(rows.find((r) => r[0] === '张三')?.[1]).toBe('基本合格')
  })

  it('exports the same table as CSV that Excel opens, and follows a changed grading rule', async () => {
    const put = await call('/api/v1/review-rule', {
      method: 'PUT',
      token: ADMIN,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ org: '襄阳市', excellent: 7, pass: 5, basic: 3 }),
    })
    expect(put.status).toBe(200)
    const bytes = Buffer.from(await (await call('/api/v1/review/2026.csv?org=襄阳市', { token: ADMIN })).arrayBuffer())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]) // the BOM Excel needs for UTF-8
    const csv = bytes.subarray(3).toString('utf8')
    expect(csv.startsWith('姓名,单位,联系妇女代表')).toBe(true)
    expect(
      csv
        .split('\r\n')
        .find((l) => l.startsWith('张三'))
        ?.endsWith(',5,合格'),
    ).toBe(true)
  })
})

describe('roster import', () => {
  const csv = (rows: string[]) => ['姓名,角色,单位,上级单位,微信号', ...rows].join('\n')

  it('imports a good CSV and binds the given WeChat ids', async () => {
    const res = await call('/api/v1/members/import', {
      method: 'POST',
      token: ADMIN,
      headers: { 'content-type': 'text/csv' },
      body: csv(['赵敏,执委,太平店镇,樊城区,wxid_zhaomin', '孙丽,主席,太平店镇,樊城区,']),
    })
    expect(await json<Imported>(res)).toMatchObject({ imported: 2, rejected: [] })
    expect((await db.repos.members.findByContactId('wxid_zhaomin'))?.name).toBe('赵敏')
    expect((await db.repos.orgs.findByName('太平店镇'))?.parentId).toBe((await db.repos.orgs.findByName('樊城区'))?.id)
  })

  it('rejects the whole file, naming each bad row, and imports nothing', async () => {
    const res = await call('/api/v1/members/import', {
      method: 'POST',
      token: ADMIN,
      headers: { 'content-type': 'text/csv' },
      body: csv(['周一,执委,某镇,,', ',执委,某镇,,', '吴二,老板,某镇,,', '周一,执委,某镇,,']),
    })
    expect(res.status).toBe(400)
    const body = await json<Imported>(res)
    expect(body.imported).toBe(0)
    expect(body.rejected.map((r) => r.line)).toEqual([3, 4, 5])
    expect(body.rejected[1]!.reason).toContain('角色“老板”无法识别')
    expect(await db.repos.orgs.findByName('某镇')).toBeUndefined()
  })

  it('imports an XLSX with the same headers', async () => {
    const wb = new ExcelJS.Workbook()
    const sheet = wb.addWorksheet('名单')
    sheet.addRow(['姓名', '角色', '单位', '上级单位', '微信号'])
    sheet.addRow(['钱芳', '执委', '襄城区', '襄阳市', ''])
    const res = await call('/api/v1/members/import', {
      method: 'POST',
      token: ADMIN,
      body: Buffer.from(await wb.xlsx.writeBuffer()),
    })
    expect(await json<Imported>(res)).toMatchObject({ imported: 1, rejected: [] })
  })

  it('refuses an oversized upload with 413 and a garbled one with a sentence', async () => {
    expect(
      // A province's roster is a few MB; past 16 MB the body is not read.
      (await call('/api/v1/members/import', { method: 'POST', token: ADMIN, body: 'x'.repeat(17 * 1024 * 1024) }))
        .status,
    ).toBe(413)
    const garbled = await call('/api/v1/members/import', {
      method: 'POST',
      token: ADMIN,
      body: Buffer.from([0x50, 0x4b, 1, 2, 3]),
    })
    expect((await json<Imported>(garbled)).rejected[0]!.reason).toContain('文件无法读取')
  })
})

describe('audit, metrics and the API description', () => {
  it('records who read or exported personal records, for admins', async () => {
    expect((await call('/api/v1/progress?year=2026', { token: chairToken })).status).toBe(200)
    expect((await call('/api/v1/review/2026.csv', { token: ADMIN })).status).toBe(200)
    const entries = await json<{ action: string; who: string }[]>(await call('/api/v1/audit', { token: ADMIN }))
    const actions = entries.map((e) => `${e.who}:${e.action}`)
    expect(actions).toContain('王主席:read progress')
    expect(actions).toContain('ADMIN_TOKEN:export review')
    expect(JSON.stringify(entries)).not.toContain(ADMIN)
  })

  it('serves Prometheus metrics and an OpenAPI document without a token', async () => {
    const metrics = await (await call('/metrics')).text()
    expect(metrics).toContain('fulian_send_queue_depth 0')
    const doc = await json<{ paths: Record<string, unknown> }>(await call('/api/v1/openapi.json'))
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/progress', '/api/v1/review/{file}', '/api/v1/members/import']),
    )
  })
})
