import { createDeflateRaw, crc32 } from 'node:zlib'

export interface ZipPart {
  name: string
  /** The content, produced piece by piece so a test can zip hundreds of megabytes without holding them. */
  chunks: () => Iterable<string | Buffer>
  /** What the headers claim the inflated size is (a lying zip); the real size when absent. */
  declaredSize?: number
}

async function deflate(part: ZipPart): Promise<{ data: Buffer; crc: number; size: number }> {
  const deflater = createDeflateRaw({ level: 9 })
  const out: Buffer[] = []
  deflater.on('data', (b: Buffer) => out.push(b))
  const done = new Promise((resolve, reject) => deflater.on('end', resolve).on('error', reject))
  let crc = 0
  let size = 0
  for (const chunk of part.chunks()) {
    const bytes = Buffer.from(chunk)
    crc = crc32(bytes, crc)
    size += bytes.length
    if (!deflater.write(bytes)) await new Promise((r) => deflater.once('drain', r))
  }
  deflater.end()
  await done
  return { data: Buffer.concat(out), crc, size }
}

/** A plain zip (deflate, no zip64), written by hand so tests can make malformed and hostile ones. */
export async function makeZip(parts: ZipPart[]): Promise<Buffer> {
  const locals: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const part of parts) {
    const { data, crc, size } = await deflate(part)
    const name = Buffer.from(part.name, 'utf8')
    const header = (sig: number, length: number) => {
      const b = Buffer.alloc(length)
      b.writeUInt32LE(sig, 0)
      return b
    }
    const local = header(0x04034b50, 30)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6) // UTF-8 names
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(crc >>> 0, 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(part.declaredSize ?? size, 22)
    local.writeUInt16LE(name.length, 26)
    const cd = header(0x02014b50, 46)
    cd.writeUInt16LE(20, 4)
    cd.writeUInt16LE(20, 6)
    cd.writeUInt16LE(0x0800, 8)
    cd.writeUInt16LE(8, 10)
    cd.writeUInt32LE(crc >>> 0, 16)
    cd.writeUInt32LE(data.length, 20)
    cd.writeUInt32LE(part.declaredSize ?? size, 24)
    cd.writeUInt16LE(name.length, 28)
    cd.writeUInt32LE(offset, 42)
    locals.push(local, name, data)
    central.push(cd, name)
    offset += local.length + name.length + data.length
  }
  const cdSize = central.reduce((n, b) => n + b.length, 0)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(parts.length, 8)
  end.writeUInt16LE(parts.length, 10)
  end.writeUInt32LE(cdSize, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, ...central, end])
}

const once = (text: string) => () => [text]

/** The parts of a minimal XLSX whose first sheet is `sheet` (the <sheetData> rows), with `sheets` sheets. */
export function workbookParts(sheet: () => Iterable<string>, sheets = 1): ZipPart[] {
  const ids = Array.from({ length: sheets }, (_, i) => i + 1)
  return [
    {
      name: '[Content_Types].xml',
      chunks: once(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      chunks: once(
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ),
    },
    {
      name: 'xl/workbook.xml',
      chunks: once(
        '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
          ids.map((i) => `<sheet name="表${i}" sheetId="${i}" r:id="rId${i}"/>`).join('') +
          '</sheets></workbook>',
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      chunks: once(
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          ids
            .map(
              (i) =>
                `<Relationship Id="rId${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i}.xml"/>`,
            )
            .join('') +
          '</Relationships>',
      ),
    },
    ...ids.map((i) => ({
      name: `xl/worksheets/sheet${i}.xml`,
      chunks: i === 1 ? () => sheetXml(sheet) : () => sheetXml(() => []),
    })),
  ]
}

function* sheetXml(rows: () => Iterable<string>): Iterable<string> {
  yield '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
  yield* rows()
  yield '</sheetData></worksheet>'
}

/** One row of inline-string cells. */
export const inlineRow = (cells: string[]) =>
  `<row>${cells.map((c) => `<c t="inlineStr"><is><t>${c}</t></is></c>`).join('')}</row>`
