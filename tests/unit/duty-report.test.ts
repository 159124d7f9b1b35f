import { composeDutyReport, spread, type DutyReportInput } from '../../src/domain/compose-duty-report'
import { chineseOrdinal } from '../../src/domain/chinese-ordinal'
import { DEFAULT_CHECKLIST } from '../../src/domain/checklist'
import type { LedgerItem } from '../../src/domain/ledger'
import { dutyReportHtml } from '../../src/services/duty-report-html'

/** Her year from a list of records, each with what she wrote with it. */
function input(records: (Omit<LedgerItem, 'id' | 'at'> & { text?: string })[], more: Partial<DutyReportInput> = {}) {
  const items: LedgerItem[] = records.map(({ text: _text, ...r }, i) => ({ ...r, id: `r${i}`, at: i }))
  const texts = new Map(records.flatMap((r, i) => (r.text ? [[`r${i}`, r.text] as const] : [])))
  return {
    name: '刘翠花',
    unit: '白庙村',
    role: 'executive' as const,
    year: 2026,
    items,
    texts,
    needs: [],
    checklist: DEFAULT_CHECKLIST,
    today: { year: 2026, month: 12, day: 7 },
    ...more,
  }
}

describe('composeDutyReport', () => {
  it('lists each item of her checklist with its records in date order, her counts and whether it is done', () => {
    const r = composeDutyReport(
      input([
        { kind: 'representatives', subject: '李春梅', key: '李春梅', date: '2026-04-12' },
        { kind: 'representatives', subject: '张桂兰', key: '张桂兰', date: '2026-03-05', text: '电话了解家庭情况' },
        { kind: 'representatives', subject: '张桂兰', key: '张桂兰', date: '2026-09-03', text: '回访' },
        { kind: 'publicService', subject: '两癌筛查宣传', date: '2026-03-08' },
      ]),
    )
    expect(r.title).toBe('2026年度述职报告')
    expect(r.basics).toEqual([
      ['姓名', '刘翠花'],
      ['单位', '白庙村'],
      ['身份', '妇联执委'],
      ['述职年度', '2026年'],
    ])
    expect(r.items[0]).toEqual({
      label: '联系妇女代表',
      count: 2, // 张桂兰 twice counts once
      measure: '人',
      target: '5–7',
      done: false,
      entries: [
        { date: '3月5日', subject: '张桂兰', detail: '电话了解家庭情况' },
        { date: '4月12日', subject: '李春梅', detail: '' },
        { date: '9月3日', subject: '张桂兰', detail: '回访' },
      ],
      more: 0,
    })
    expect(r.items[5]).toMatchObject({ label: '参与公益服务', count: 1, measure: '次', done: true })
    expect(r.overview).toContain('本人共记录履职事项 4 条，履职清单 8 项中已完成 1 项')
    expect(r.overview).toContain('统计截至2026年12月7日')
    expect(r.blanks).toEqual(['存在的不足', '明年打算'])
  })

  it('masks phone and ID numbers in every text she wrote', () => {
    const r = composeDutyReport(
      input([
        { kind: 'poorFamily', subject: '王家13812345678', key: 'x', date: '2026-03-08', text: '电话 138 1234 5678' },
        { kind: 'diary', date: '2026-02-21', text: '身份证 420602198001011234 的大姐' },
      ]),
    )
    const all = JSON.stringify(r)
    expect(all).not.toMatch(/12345678|198001011234/)
    expect(r.items[1]!.entries[0]).toEqual({ date: '3月8日', subject: '王家138****5678', detail: '电话 138****5678' })
  })

  it('keeps a busy year within two pages: fewer entries per item, and says how many it left out', () => {
    const many = Array.from({ length: 45 }, (_, i) => ({
      kind: 'publicService' as const,
      subject: `活动${i}`,
      date: `2026-05-${String(1 + (i % 28)).padStart(2, '0')}`,
    }))
    const r = composeDutyReport(input(many))
    expect(r.items[5]).toMatchObject({ count: 45, more: 41 })
    expect(r.items[5]!.entries).toHaveLength(4)
  })

  it('spreads the diary excerpts over the year and clips long ones', () => {
    const diary = Array.from({ length: 24 }, (_, i) => ({
      kind: 'diary' as const,
      date: `2026-${String(1 + Math.floor(i / 2)).padStart(2, '0')}-${i % 2 ? 20 : '05'}`,
      text: '今天走访了几户人家，'.repeat(i === 0 ? 10 : 1),
    }))
    const r = composeDutyReport(input(diary))
    expect(r.diaryTotal).toBe(24)
    expect(r.diary).toHaveLength(8)
    expect(r.diary[0]!.date).toBe('1月5日')
    expect(r.diary.at(-1)!.date).toBe('12月20日')
    expect(r.diary[0]!.excerpt).toMatch(/^今天走访了几户人家，.{30}……$/)
  })

  it('names the needs she opened, resolved and still open, from the needs ledger', () => {
    const r = composeDutyReport(
      input(
        [
          { kind: 'need', subject: '3号', date: '2026-04-02', status: 'resolved' },
          { kind: 'need', subject: '7号', date: '2026-08-12', status: 'open' },
        ],
        {
          needs: [
            {
              id: 'r0',
              number: 3,
              content: '李大姐希望参加家政培训',
              date: '2026-04-02',
              resolvedOn: { year: 2026, month: 5, day: 10 },
            },
            { id: 'r1', number: 7, content: '刘阿姨家孩子放学无人接', date: '2026-08-12', resolvedOn: null },
            { id: 'other', number: 9, content: '不在她今年的台账里', date: '2025-08-12', resolvedOn: null },
          ],
        },
      ),
    )
    expect(r.resolvedNeeds).toEqual([
      { number: 3, content: '李大姐希望参加家政培训', opened: '4月2日', resolved: '5月10日' },
    ])
    expect(r.openNeeds).toEqual([{ number: 7, content: '刘阿姨家孩子放学无人接', opened: '8月12日' }])
  })

  it('lists records of an item her unit switched off, uncounted, and dates a past year to its end', () => {
    const checklist = DEFAULT_CHECKLIST.filter((i) => i.key !== 'onlineGroup')
    const r = composeDutyReport(
      input([{ kind: 'onlineGroup', subject: '巾帼志愿群', date: '2025-05-01' }], { checklist, year: 2025 }),
    )
    expect(r.items.map((i) => i.label)).not.toContain('建立正能量网群')
    expect(r.others).toEqual([
      expect.objectContaining({
        label: '建立正能量网群',
        count: 1,
        target: '',
        entries: [{ date: '5月1日', subject: '巾帼志愿群', detail: '' }],
      }),
    ])
    expect(r.overview).toContain('统计截至2025年12月31日')
  })
})

describe('helpers', () => {
  it('numbers parts as a Chinese report does', () => {
    expect([1, 9, 10, 11, 20, 23].map(chineseOrdinal)).toEqual([
      '（一）',
      '（九）',
      '（十）',
      '（十一）',
      '（二十）',
      '（二十三）',
    ])
  })

  it('spreads a list keeping its first and last', () => {
    expect(spread([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 4)).toEqual([1, 4, 7, 10])
    expect(spread([1, 2], 4)).toEqual([1, 2])
  })

  it('escapes everything she wrote in the printable page', () => {
    const r = composeDutyReport(
      input([{ kind: 'socialOrg', subject: '<script>alert(1)</script>', key: 's', date: '2026-05-18', text: '"&\'' }]),
    )
    const html = dutyReportHtml([r], '<title>')
    expect(html).not.toContain('<script>')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('&quot;&amp;&#39;')
    expect(html).toContain('<title>&lt;title&gt;</title>')
  })
})
