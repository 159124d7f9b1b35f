import { UploadRefused } from './upload-refused'

export interface UploadedFile {
  data: Buffer
  /** The part's own Content-Type (the browser's guess from the file name), or ''. */
  contentType: string
}

const CRLF2 = Buffer.from('\r\n\r\n')

/**
 * The file inside a multipart/form-data body (an HTML form, `curl -F file=@名单.xlsx`): the first part
 * that carries a filename, else the first part. Undefined when the body is not multipart; refused when
 * it is but holds no part.
 */
export function multipartFile(body: Buffer, contentType: string): UploadedFile | undefined {
  if (!/^multipart\/form-data/i.test(contentType)) return undefined
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType)
  if (!boundary) throw new UploadRefused('表单上传缺少分隔符（boundary），请直接上传文件')
  const delimiter = Buffer.from(`\r\n--${boundary[1] ?? boundary[2]}`)
  const text = Buffer.concat([Buffer.from('\r\n'), body])
  const parts: UploadedFile[] = []
  let named: UploadedFile | undefined
  for (let at = text.indexOf(delimiter); at >= 0;) {
    const start = at + delimiter.length
    const next = text.indexOf(delimiter, start)
    if (next < 0 || text.subarray(start, start + 2).toString() === '--') break
    const headerEnd = text.indexOf(CRLF2, start)
    if (headerEnd < 0 || headerEnd > next) break
    const headers = text.subarray(start, headerEnd).toString('utf8')
    const part = {
      data: text.subarray(headerEnd + CRLF2.length, next),
      contentType: /^content-type:\s*([^\r\n;]+)/im.exec(headers)?.[1]?.trim() ?? '',
    }
    parts.push(part)
    if (!named && /filename\*?=/i.test(headers)) named = part
    at = next
  }
  const file = named ?? parts[0]
  if (!file) throw new UploadRefused('表单里没有文件：请选一个 CSV 或 XLSX 文件再上传')
  return file
}
