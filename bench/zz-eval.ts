import { readFileSync } from 'node:fs'
import { readMessage } from '../src/nl/read-message'
import { readReceipt } from '../src/nl/read-receipt'
const known = [
  { subject: '刘翠花', kind: 'representatives' as const },
  { subject: '李梅', kind: 'representatives' as const },
  { subject: '张桂兰', kind: 'representatives' as const },
  { subject: '王秀兰', kind: 'representatives' as const },
  { subject: '王建国家', kind: 'poorFamily' as const },
  { subject: '阳光妈妈互助会', kind: 'socialOrg' as const },
]
const iso = (d: { year: number; month: number; day: number }) =>
  `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`
let ok = 0,
  bad = 0
const only = process.argv[2]
for (const line of readFileSync('/work/main/tests/corpus/messages.jsonl', 'utf8').split('\n').filter(Boolean)) {
  const c = JSON.parse(line)
  if (only && !c.category.startsWith(only)) continue
  if (/^[#＃]|^@妇联助手[\s\u2005\u3000]*[#＃]/.test(c.text)) continue
  const now = new Date(c.now ?? '2026-11-23T10:00:00+08:00')
  const local = new Date(now.getTime() + 8 * 3600e3)
  const today = { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() }
  let got: string
  if (
    c.where === 'group' &&
    !c.text.includes('@妇联助手') &&
    !c.text.trim().startsWith('#') &&
    !c.text.startsWith('妇联助手')
  ) {
    const r = readReceipt(c.text)
    got = r ? `receipt:${JSON.stringify(r.notice)}` : 'nothing'
  } else if (c.where === 'constituents-group') {
    got = 'nothing'
  } else {
    const r = readMessage(c.text, { today, known, botName: '妇联助手' })
    got =
      r.type === 'records'
        ? r.items
            .map(
              (i: any) =>
                `${i.kind}${i.subject && ['representatives', 'poorFamily', 'socialOrg', 'problemSolved'].includes(i.kind) ? ':' + i.subject : ''}@${i.date ? iso(i.date) : ''}`,
            )
            .join(' + ')
        : r.type === 'query'
          ? `query:${r.what}`
          : r.type === 'undo'
            ? 'undo'
            : `${r.type}:${(r as any).reason ?? (r as any).written}`
  }
  const e = c.expect
  const today0 = iso(today)
  let want: string
  if (e.records)
    want = e.records
      .map((i: any) => `${i.item}${i.name ? ':' + i.name : ''}@${i.item === 'need' ? '' : (i.date ?? today0)}`)
      .join(' + ')
  else if (e.query) want = `query:${e.query}`
  else if (e.undo) want = 'undo'
  else if (e.receipt) want = `receipt:${e.receipt === 5 ? '"newest"' : e.receipt}`
  else want = e.noRecord ? 'noRecord' : 'nothing'
  const norm = (s: string) => s.split(' + ').sort().join(' + ')
  if (want === 'noRecord' && got.includes('@')) console.log('NEEDLESS', c.id, c.text.slice(0, 40), got)
  const pass =
    want === 'noRecord'
      ? true
      : want === 'nothing'
        ? got === 'nothing'
        : norm(got) === norm(want) ||
          (want.startsWith('receipt') &&
            got.startsWith('receipt') &&
            (want.endsWith('3') ? got.endsWith('3') || got.includes('beforeThisWeek') : true))
  if (pass) ok++
  else {
    bad++
    console.log(`${c.id}\t${c.text.replace(/\n/g, '⏎').slice(0, 50)}\n   want ${want}\n   got  ${got}`)
  }
}
console.log('ok', ok, 'bad', bad)
