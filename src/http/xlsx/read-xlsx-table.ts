import { posix } from 'node:path'
import { UploadRefused } from '../upload-refused'
import { openZip, type OpenZip, type ZipLimits } from './open-zip'
import { parseXml } from './parse-xml'

export interface XlsxLimits extends ZipLimits {
  maxSheets: number
  maxRows: number
  maxColumns: number
  maxSharedStrings: number
}

/** Relationship targets by type (the part after the last /), resolved against the part that owns them. */
async function relationships(zip: OpenZip, part: string): Promise<{ id: string; type: string; target: string }[]> {
  const relsPath = posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`)
  if (!zip.has(relsPath)) return []
  const out: { id: string; type: string; target: string }[] = []
  await parseXml(await zip.stream(relsPath), {
    open(name, a) {
      if (name !== 'Relationship' || !a.Target || a.TargetMode === 'External') return
      const target = a.Target.startsWith('/') ? a.Target.slice(1) : posix.join(posix.dirname(part), a.Target)
      out.push({ id: a.Id ?? '', type: (a.Type ?? '').split('/').pop()!, target })
    },
  })
  return out
}

async function sharedStrings(zip: OpenZip, path: string | undefined, max: number): Promise<string[]> {
  const strings: string[] = []
  if (!path) return strings
  let current = ''
  let depthInPhonetic = 0
  let inText = false
  await parseXml(await zip.stream(path), {
    open(name) {
      if (name === 'si') current = ''
      else if (name === 'rPh') depthInPhonetic++
      else if (name === 't') inText = depthInPhonetic === 0
    },
    text(t) {
      if (inText) current += t
    },
    close(name) {
      if (name === 't') inText = false
      else if (name === 'rPh') depthInPhonetic--
      else if (name === 'si' && strings.push(current) > max) {
        throw new UploadRefused(`工作簿里的文字条目超过 ${max} 条，不像是一份名单`)
      }
    },
  })
  return strings
}

/** "BC12" → 54 (zero-based column); undefined when the reference has no letters. */
function columnOf(ref: string | undefined): number | undefined {
  const letters = /^[A-Z]{1,3}/.exec(ref ?? '')?.[0]
  return letters ? [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1 : undefined
}

/** The first worksheet's rows, read as a stream and given up at `maxRows`. */
async function sheetRows(zip: OpenZip, path: string, strings: string[], limits: XlsxLimits): Promise<string[][]> {
  const rows: string[][] = []
  let row: string[] = []
  let cell: { column: number; type: string; value: string } | undefined
  let inValue = false
  await parseXml(await zip.stream(path), {
    open(name, a) {
      if (name === 'row') row = []
      else if (name === 'c') cell = { column: columnOf(a.r) ?? row.length, type: a.t ?? 'n', value: '' }
      else if (name === 'v' || (name === 't' && cell?.type === 'inlineStr')) inValue = true
    },
    text(t) {
      if (inValue && cell) cell.value += t
    },
    close(name) {
      if (name === 'v' || name === 't') inValue = false
      else if (name === 'c' && cell) {
        const value = cell.type === 's' ? (strings[Number(cell.value)] ?? '') : cell.value
        if (cell.column < limits.maxColumns) row[cell.column] = value
        cell = undefined
      } else if (name === 'row' && row.some((v) => v && v.trim() !== '')) {
        if (rows.push(Array.from(row, (v) => v ?? '')) > limits.maxRows) {
          throw new UploadRefused(`一次最多导入 ${limits.maxRows - 1} 行`)
        }
      }
    },
  })
  return rows
}

/**
 * The first worksheet of an XLSX as rows of text, without ExcelJS: the zip is checked before anything
 * inflates, every part is streamed, and reading stops at the first limit passed, so memory stays small
 * whatever the upload claims or holds.
 */
export async function readXlsxTable(body: Buffer, limits: XlsxLimits): Promise<string[][]> {
  const zip = await openZip(body, limits)
  const workbook = (await relationships(zip, '')).find((r) => r.type === 'officeDocument')?.target ?? 'xl/workbook.xml'
  const sheetIds: string[] = []
  await parseXml(await zip.stream(workbook), {
    open(name, a) {
      if (name !== 'sheet') return
      if (
        sheetIds.push(a['r:id'] ?? Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1] ?? '') > limits.maxSheets
      ) {
        throw new UploadRefused(`工作簿里的工作表超过 ${limits.maxSheets} 张，请只保留名单那一张表`)
      }
    },
  })
  const rels = await relationships(zip, workbook)
  const first = rels.find((r) => r.id === sheetIds[0] && r.type === 'worksheet')
  if (!first) return []
  const strings = await sharedStrings(
    zip,
    rels.find((r) => r.type === 'sharedStrings')?.target,
    limits.maxSharedStrings,
  )
  return sheetRows(zip, first.target, strings, limits)
}
