import { isUnclosedQuote, parseCsv } from '../domain/parse-csv'
import { MAX_ROSTER_ROWS } from '../services/import-roster'
import { decodeText } from './decode-text'
import { UploadRefused } from './upload-refused'
import { readXlsxTable, type XlsxLimits } from './xlsx/read-xlsx-table'

export { UploadRefused }

const MB = 1024 * 1024

/** A roster is a few thousand short rows: far below these, and a zip bomb far above. */
export const XLSX_LIMITS: XlsxLimits = {
  maxEntries: 1_000,
  maxEntryBytes: 10 * MB,
  maxTotalBytes: 20 * MB,
  maxSheets: 50,
  maxRows: MAX_ROSTER_ROWS + 1,
  maxColumns: 64,
  maxSharedStrings: 100_000,
}

const isZip = (body: Buffer) => body.length > 4 && body[0] === 0x50 && body[1] === 0x4b

/** An uploaded CSV or XLSX as rows of cells; throws UploadRefused for a file it cannot or will not read. */
export async function readUploadTable(body: Buffer, contentType: string): Promise<string[][]> {
  try {
    if (isZip(body) || /spreadsheetml|excel/.test(contentType)) return await readXlsxTable(body, XLSX_LIMITS)
    return parseCsv(decodeText(body))
  } catch (err) {
    if (err instanceof UploadRefused) throw err
    if (isUnclosedQuote(err))
      throw new UploadRefused(
        'CSV 文件里有一个引号（"）没有配对，之后的内容都读不出来：请在 Excel 里打开、另存为 CSV 后再上传',
      )
    throw new UploadRefused('文件无法读取：请上传 CSV 或 XLSX 文件')
  }
}
