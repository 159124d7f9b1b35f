import ExcelJS from 'exceljs'
import { reviewCsv, reviewWorkbook } from '../../src/services/review-workbook'
import { parseCsv } from '../../src/domain/parse-csv'
import { buildOrgTree } from '../../src/domain/org-tree'
import { composeUnitReport } from '../../src/domain/compose-unit-report'
import { reviewSample } from '../support/review-sample'
import { fitWidth, textWidth, titleLine } from '../../src/services/print-layout'

/** One person per entry, each in the unit named (units are roots, created as needed). */
const reportOf = (people: { name: string; org: string }[]) => {
  const orgs = [...new Set(people.map((p) => p.org))]
  const tree = buildOrgTree(
    orgs.map((name) => ({ id: `org:${name}`, name, parentId: null, ancestors: [], settings: {}, rotation: null })),
  )
  const members = people.map((p, i) => ({
    id: `m${i}`,
    name: p.name,
    role: 'executive' as const,
    orgId: `org:${p.org}`,
  }))
  return composeUnitReport({ tree, members, counts: new Map(), year: 2026, today: { year: 2026, month: 11, day: 23 } })
}
const rows = (...names: string[]) => reportOf(names.map((name) => ({ name, org: '樊城区' })))

describe('reviewCsv', () => {
  it('keeps a carriage return, line feed, quote or comma inside its field, so no new row can start', () => {
    const csv = reviewCsv(rows('张三\r=2+5', '李四\n@SUM(A1)', '王"五"', '赵,六'))
    // Outside quotes, only the CRLF between records may appear.
    const outside = csv.replace(/"(?:[^"]|"")*"/g, '')
    expect(outside.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    const table = parseCsv(csv.slice(1))
    expect(table).toHaveLength(5)
    expect(table.slice(1).map((r) => r[0])).toEqual(['张三\r=2+5', '李四\n@SUM(A1)', '王"五"', '赵,六'])
  })

  it.each(['=2+5', '+2+5', '-2+5', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("http://x","y")'])(
    'neutralises a cell starting a formula: %p',
    (name) => {
      const cell = parseCsv(reviewCsv(rows(name)).slice(1))[1]![0]
      expect(cell).toBe(`'${name}`)
    },
  )

  it('leaves ordinary names and counts alone', () => {
    const csv = reviewCsv(rows('刘翠花'))
    // Eight items, 名单外代表, diary, two needs, items done, grade.
    expect(csv.split('\r\n')[1]).toBe('刘翠花,樊城区,0,0,0,0,0,0,0,0,0,0,0,0,0,不合格')
  })
})

describe('reviewWorkbook sheet names', () => {
  const sheetsOf = async (orgs: string[]) => {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(
      (await reviewWorkbook(reportOf(orgs.map((org, i) => ({ name: `人${i}`, org }))), {
        year: 2026,
        month: 11,
        day: 23,
      })) as unknown as ArrayBuffer,
    )
    return wb.worksheets.map((w) => w.name)
  }

  it.each([
    ["'引号单位'", '引号单位'],
    ['History', 'History_'],
    ['history', 'history_'],
    ['a/b\\c?d*e[f]g:h', 'abcdefgh'],
    ['很长的单位名称'.repeat(6), '很长的单位名称'.repeat(6).slice(0, 31)],
  ])('turns the unit %p into a sheet Excel accepts', async (org, sheet) => {
    expect(await sheetsOf([org])).toEqual(['汇总', sheet])
  })

  it('gives units that sanitise alike, or that differ only in case, distinct sheets', async () => {
    const names = await sheetsOf(["'甲'", '甲', '[甲]', 'Abc', 'abc', '汇总', '汇 总'])
    expect(names).toHaveLength(8)
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(8)
    for (const n of names) {
      expect(n.length).toBeLessThanOrEqual(31)
      expect(n).not.toMatch(/[\\/?*[\]:]|^'|'$/)
    }
  })
})

describe('reviewWorkbook on paper', () => {
  const loaded = async () => {
    const wb = new ExcelJS.Workbook()
    const data = await reviewWorkbook(reviewSample('双沟镇', 10, 2), { year: 2026, month: 12, day: 7 })
    await wb.xlsx.load(data as unknown as ArrayBuffer)
    return wb
  }

  it('sets every sheet to print A4 landscape, one page wide, titles and names repeated, page numbers at the foot', async () => {
    for (const sheet of (await loaded()).worksheets) {
      expect(sheet.pageSetup).toMatchObject({
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: '1:2',
        printTitlesColumn: 'A:A',
      })
      expect(sheet.headerFooter.oddFooter).toBe('&C第 &P 页，共 &N 页')
    }
  })

  it('heads each sheet with 单位 · 年度 · 打印日期, and puts the grade next to the name', async () => {
    const wb = await loaded()
    expect(wb.getWorksheet('汇总')!.getCell('A1').value).toBe(
      '双沟镇 · 2026年度执委履职考核汇总（每个单位含全部下级） · 打印日期 2026年12月7日',
    )
    const village = wb.getWorksheet('白庙村')!
    expect(village.getCell('A1').value).toBe('白庙村 · 2026年度执委履职考核 · 打印日期 2026年12月7日')
    expect((village.getRow(2).values as unknown[]).slice(1, 4)).toEqual(['姓名', '考核等级', '完成项数'])
    expect((village.getRow(3).values as unknown[]).slice(1, 4)).toEqual(['刘翠花', '优秀', 8])
  })

  it('indents the unit tree in 汇总', async () => {
    const summary = (await loaded()).getWorksheet('汇总')!
    expect(summary.getCell('A3').value).toBe('双沟镇')
    expect(summary.getCell('A3').alignment.indent ?? 0).toBe(0)
    expect(summary.getCell('A4').alignment).toMatchObject({ horizontal: 'left', indent: 2 })
  })

  it('sizes columns from their text: a Chinese character about two widths, headers on two even lines', () => {
    expect(textWidth('刘翠花')).toBeCloseTo(6.3)
    expect(textWidth('5/8')).toBeCloseTo(3.3)
    expect(fitWidth('需求已办结', [])).toBe(8) // 需求已 / 办结
    expect(fitWidth('姓名', ['刘翠花（白庙村）'], 8)).toBe(18)
    expect(titleLine('白庙村', 2026, '执委履职考核', { year: 2026, month: 1, day: 5 })).toBe(
      '白庙村 · 2026年度执委履职考核 · 打印日期 2026年1月5日',
    )
  })
})
