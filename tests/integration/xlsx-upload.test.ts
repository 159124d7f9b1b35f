/**
 * Hostile and oversized workbooks sent to the roster import: each is refused with a 400 and a sentence,
 * before it can fill the server's memory (a 434 KB upload once took the server from 208 MB to 2.34 GB).
 */
import ExcelJS from 'exceljs'
import { openTestDb, type TestDb } from '../support/test-db'
import { startApiServer } from '../support/api-server'
import { makeZip, workbookParts, inlineRow } from '../support/make-zip'

const ADMIN = 'xlsx-upload-admin-token-01'
const MB = 1024 * 1024
let db: TestDb
let server: Awaited<ReturnType<typeof startApiServer>>

beforeAll(async () => {
  db = await openTestDb()
  await db.repos.tokens.bootstrap(ADMIN, new Date())
  server = await startApiServer(db.repos)
})
afterAll(async () => {
  await server.close()
  await db.close()
})

async function upload(body: Buffer) {
  const res = await fetch(server.base + '/api/v1/members/import', {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN}` },
    body,
  })
  return { status: res.status, body: (await res.json()) as { imported: number; rejected: { reason: string }[] } }
}

const HEADER = inlineRow(['姓名', '角色', '单位', '上级单位', '微信号'])

/** 400 MB of sheet XML in about 420 KB: one header row, then rows of a 1 MB cell. */
const bomb = (declaredSize?: number) =>
  makeZip(
    workbookParts(function* () {
      yield HEADER
      const row = inlineRow(['A'.repeat(MB), '执委', '某镇'])
      for (let i = 0; i < 400; i++) yield row
    }).map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { ...p, declaredSize } : p)),
  )

async function growthWhile<T>(work: () => Promise<T>): Promise<{ result: T; growthMb: number }> {
  const before = process.memoryUsage().rss
  let peak = before
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5)
  try {
    const result = await work()
    peak = Math.max(peak, process.memoryUsage().rss)
    return { result, growthMb: (peak - before) / MB }
  } finally {
    clearInterval(timer)
  }
}

describe('a zip bomb', () => {
  it('that declares its size is refused from the central directory, with memory flat', async () => {
    const body = await bomb()
    expect(body.length).toBeLessThan(500_000)
    const { result, growthMb } = await growthWhile(() => upload(body))
    expect(result.status).toBe(400)
    expect(result.body.rejected[0]!.reason).toMatch(/解压后超过 40 MB/)
    expect(growthMb).toBeLessThan(150)
  })

  it('that lies about its size is stopped while it inflates, with memory flat', async () => {
    const body = await bomb(4_000)
    const { result, growthMb } = await growthWhile(() => upload(body))
    expect(result.status).toBe(400)
    expect(result.body.rejected[0]!.reason).toMatch(/文件无法读取/)
    expect(growthMb).toBeLessThan(150)
  })
})

describe('workbooks past the other limits', () => {
  it('refuses more than 60,000 rows (a province), reading no further', async () => {
    const body = await makeZip(
      workbookParts(function* () {
        yield HEADER
        for (let i = 0; i < 61_000; i++) yield inlineRow([`人${i}`, '执委', '某镇'])
      }),
    )
    expect(await upload(body)).toMatchObject({
      status: 400,
      body: { imported: 0, rejected: [{ line: 0, reason: '一次最多导入 60000 行' }] },
    })
  })

  it('refuses more than 50 sheets', async () => {
    const body = await makeZip(workbookParts(() => [HEADER], 51))
    expect((await upload(body)).body.rejected[0]!.reason).toMatch(/工作表超过 50 张/)
  })

  it('refuses more than 1,000 zip entries', async () => {
    const filler = Array.from({ length: 1_000 }, (_, i) => ({ name: `x/${i}.xml`, chunks: () => ['<x/>'] }))
    const body = await makeZip([...workbookParts(() => [HEADER]), ...filler])
    expect((await upload(body)).body.rejected[0]!.reason).toMatch(/超过上限 1000/)
  })

  it('refuses an entity-expansion (billion laughs) sheet as unreadable', async () => {
    const laughs = workbookParts(() => []).map((p) =>
      p.name === 'xl/worksheets/sheet1.xml'
        ? {
            ...p,
            chunks: () => [
              '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
              '<worksheet><sheetData><row><c t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>',
            ],
          }
        : p,
    )
    expect((await upload(await makeZip(laughs))).body.rejected[0]!.reason).toMatch(/文件无法读取/)
  })
})

it('still reads what Excel writes: shared strings, rich text, numbers and gaps between columns', async () => {
  const wb = new ExcelJS.Workbook()
  const sheet = wb.addWorksheet('名单')
  sheet.addRow(['姓名', '角色', '单位', '上级单位', '微信号'])
  sheet.addRow([
    { richText: [{ text: '周' }, { text: '小燕', font: { bold: true } }] },
    '执委',
    '太平店镇',
    '樊城区',
    123456,
  ])
  sheet.addRow([])
  sheet.getCell('A4').value = '吴二'
  sheet.getCell('B4').value = '主席'
  sheet.getCell('C4').value = '太平店镇'
  wb.addWorksheet('说明').addRow(['这张表不导入'])
  const { status, body } = await upload(Buffer.from(await wb.xlsx.writeBuffer()))
  expect({ status, body }).toMatchObject({ status: 200, body: { imported: 2, rejected: [] } })
  expect((await db.repos.members.findByContactId('123456'))?.name).toBe('周小燕')
})
