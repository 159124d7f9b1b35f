import { isUnclosedQuote, parseCsv } from '../domain/parse-csv'
import { MAX_ROSTER_ROWS } from '../services/import-roster'
import { decodeText } from './decode-text'
import { UploadRefused } from './upload-refused'
import { multipartFile } from './multipart-file'
import { readXlsxTable, type XlsxLimits } from './xlsx/read-xlsx-table'

export { UploadRefused }

const MB = 1024 * 1024

/**
 * A province's roster (60,000 rows of five columns, saved by Excel) is about 14 MB of sheet and 3 MB of
 * some 110,000 shared strings unpacked: within these, and a zip bomb far above them.
 */
export const XLSX_LIMITS: XlsxLimits = {
  maxEntries: 1_000,
  maxEntryBytes: 32 * MB,
  maxTotalBytes: 40 * MB,
  maxSheets: 50,
  maxRows: MAX_ROSTER_ROWS + 1,
  maxColumns: 64,
  maxSharedStrings: 300_000,
}

const isZip = (body: Buffer) => body.length > 4 && body[0] === 0x50 && body[1] === 0x4b
/** An OLE compound file: Excel 97–2003 (.xls) and other old Office formats. */
const isOle = (body: Buffer) => body.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))

/**
 * An uploaded CSV or XLSX as rows of cells, sent as the body itself or as the file of a form
 * (multipart/form-data); throws UploadRefused for a file it cannot or will not read.
 */
export async function readUploadTable(upload: Buffer, uploadType: string): Promise<string[][]> {
  const file = multipartFile(upload, uploadType)
  const body = file?.data ?? upload
  const contentType = file ? file.contentType : uploadType
  try {
    // Browsers on Windows call a .csv "application/vnd.ms-excel": only spreadsheetml (or the bytes) say XLSX.
    if (isZip(body) || /spreadsheetml/.test(contentType)) return await readXlsxTable(body, XLSX_LIMITS)
    if (isOle(body)) throw new UploadRefused('这是旧版 Excel 文件（.xls）：请在 Excel 里另存为 .xlsx 或 CSV 后再上传')
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
