import ExcelJS from 'exceljs'
import { parseCsv } from '../domain/parse-csv'
import { decodeText } from './decode-text'

/** An upload the server will not read, with the sentence to show the admin. */
export class UploadRefused extends Error {
  constructor(readonly reason: string) {
    super(reason)
    this.name = 'UploadRefused'
  }
}

const isZip = (body: Buffer) => body.length > 4 && body[0] === 0x50 && body[1] === 0x4b

async function xlsxTable(body: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(body as unknown as ArrayBuffer)
  const sheet = wb.worksheets[0]
  if (!sheet) return []
  const rows: string[][] = []
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = (row.values as unknown[]).slice(1)
    rows.push(
      values.map((v) =>
        v === null || v === undefined
          ? ''
          : typeof v === 'object' && 'text' in (v as object)
            ? String((v as { text: unknown }).text)
            : String(v),
      ),
    )
  })
  return rows
}

/** An uploaded CSV or XLSX as rows of cells; throws UploadRefused for a file it cannot or will not read. */
export async function readUploadTable(body: Buffer, contentType: string): Promise<string[][]> {
  try {
    if (isZip(body) || /spreadsheetml|excel/.test(contentType)) return await xlsxTable(body)
    return parseCsv(decodeText(body))
  } catch (err) {
    if (err instanceof UploadRefused) throw err
    throw new UploadRefused('文件无法读取：请上传 CSV 或 XLSX 文件')
  }
}
