import yauzl, { type Entry } from 'yauzl'
import type { Readable } from 'node:stream'
import { UploadRefused } from '../upload-refused'

export interface ZipLimits {
  maxEntries: number
  maxEntryBytes: number
  maxTotalBytes: number
}

export interface OpenZip {
  has(name: string): boolean
  /** The entry's inflated bytes as UTF-8 text chunks; yauzl stops it past the size the directory declared. */
  stream(name: string): Promise<Readable>
}

const MB = 1024 * 1024

/**
 * Reads a zip's central directory and refuses it before inflating a byte when it has too many entries,
 * or declares one entry or all of them together larger than the limits. The sizes come from the zip
 * itself, so each entry is also held to its declared size while it inflates (yauzl's
 * validateEntrySizes): a zip that lies about them fails there instead of filling memory.
 */
export async function openZip(body: Buffer, limits: ZipLimits): Promise<OpenZip> {
  const zip = await yauzl.fromBufferPromise(body, { validateEntrySizes: true, strictFileNames: false })
  if (zip.entryCount > limits.maxEntries) {
    throw new UploadRefused(`文件里有 ${zip.entryCount} 个部件，超过上限 ${limits.maxEntries}，不像是一份名单`)
  }
  const entries = new Map<string, Entry>()
  let total = 0
  for await (const entry of zip.eachEntry()) {
    total += entry.uncompressedSize
    if (entry.uncompressedSize > limits.maxEntryBytes || total > limits.maxTotalBytes) {
      throw new UploadRefused(
        `文件解压后超过 ${Math.round(limits.maxTotalBytes / MB)} MB（单个部件最多 ${Math.round(limits.maxEntryBytes / MB)} MB），请只保留名单那一张表后再上传`,
      )
    }
    if (entry.isEncrypted()) throw new UploadRefused('文件有密码保护，请取消密码后再上传')
    entries.set(entry.fileName, entry)
  }
  return {
    has: (name) => entries.has(name),
    async stream(name) {
      const entry = entries.get(name)
      if (!entry) throw new UploadRefused(`文件缺少 ${name}，不是有效的 XLSX 工作簿`)
      const stream = await zip.openReadStreamPromise(entry)
      return stream.setEncoding('utf8')
    },
  }
}
