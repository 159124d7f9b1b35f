import iconv from 'iconv-lite'

const UTF8 = new TextDecoder('utf-8', { fatal: true })

/**
 * The text of an uploaded CSV, whatever Excel saved it as: UTF-8 with or without a BOM, UTF-16 with a
 * BOM ("Unicode text"), or, on Chinese Windows, the ANSI code page GBK. Bytes that are not valid UTF-8
 * are read as GB18030, GBK's superset, so names with rarer characters survive too.
 */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8')
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return iconv.decode(bytes.subarray(2), 'utf-16le')
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return iconv.decode(bytes.subarray(2), 'utf-16be')
  try {
    return UTF8.decode(bytes)
  } catch {
    return iconv.decode(bytes, 'gb18030')
  }
}
