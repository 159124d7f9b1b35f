import { findKnown, type Known } from '../../../src/nl/find-known'
import { indexKnown, indexListed, withOwn } from '../../../src/nl/known-index'
import { resolveSubject } from '../../../src/nl/resolve-subject'
import { readCorpus } from '../../corpus/run-corpus'
import { join } from 'node:path'
import { scanKnown } from './scan-known'

/** A small deterministic generator, so a failure names its seed and can be replayed. */
function random(seed: number) {
  let s = seed >>> 0
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return { next, pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]! }
}

const OWN: Known[] = [
  { subject: '刘翠花', kind: 'representatives' },
  { subject: '李梅', kind: 'representatives' },
  { subject: '王秀兰', kind: 'representatives' },
  { subject: '王建国家', kind: 'poorFamily' },
  { subject: '赵大山家', kind: 'poorFamily' },
  { subject: '孙家', kind: 'poorFamily' },
  { subject: '阳光妈妈互助会', kind: 'socialOrg' },
  { subject: '巧手编织合作社', kind: 'socialOrg' },
  { subject: '王婶', kind: 'representatives' },
]
const SURNAMES = [...'王李张刘陈杨赵孙周吴欧']
const GIVEN = ['翠花', '梅', '秀兰', '桂兰', '建国', '丽华', '秀英', '芳', '娟', '小红', '大山']
const LISTED = [
  ...new Set(['刘翠花', '王秀兰', '欧阳菲菲', '刘 翠兰', ...SURNAMES.flatMap((s) => GIVEN.map((g) => s + g))]),
].filter((_n, i) => i % 3 !== 1)

const PIECES = [
  ...OWN.map((k) => k.subject),
  ...LISTED.slice(0, 40),
  ...GIVEN,
  ...SURNAMES,
  '刘 翠花',
  '王  秀兰',
  '刘\u3000翠花',
  '刘翠华',
  '李玫',
  '王秀南',
  '阳光妈妈',
  '互助会',
  '护助会',
  '老王家',
  '老王那',
  '老孙家',
  '建国家',
  '建国叔家',
  '建国哥他家',
  '大山他家',
  '梅姐',
  '梅子',
  '给梅姐',
  '王阿姨',
  '刘大姐',
  '李婶子',
  '王婶',
  '他',
  '她',
  '家',
  '大姐',
  '阿姨',
  '老人家',
  '子',
  ' ',
  '，',
  '。',
  '去看了',
  '今天上午',
  '低保户',
  '代表',
  'ab',
  '12',
  '😀',
  '\n',
]

function text(r: ReturnType<typeof random>): string {
  const n = 1 + Math.floor(r.next() * 12)
  return Array.from({ length: n }, () => r.pick(PIECES)).join('')
}

describe('findKnown through the index', () => {
  it('finds across her names and two lists (a unit’s, the county’s) what the scan finds in one list', () => {
    const village = LISTED.slice(0, 40)
    const county = LISTED.slice(20)
    const merged = withOwn(OWN, indexListed(village), indexListed(county))
    const seen = new Set(OWN.map((k) => k.subject))
    const flat: Known[] = [...OWN]
    for (const subject of [...village, ...county])
      if (!seen.has(subject)) {
        seen.add(subject)
        flat.push({ subject, kind: 'representatives', listed: true })
      }
    for (let seed = 5001; seed <= 5500; seed++) {
      const t = text(random(seed))
      expect({ seed, t, found: findKnown(t, merged) }).toEqual({ seed, t, found: scanKnown(t, flat) })
    }
  })

  it('finds exactly what trying every known subject in turn finds (2,000 random messages)', () => {
    const listed = indexListed(LISTED)
    const merged = withOwn(OWN, listed)
    const seen = new Set(OWN.map((k) => k.subject))
    const flat: Known[] = [
      ...OWN,
      ...LISTED.filter((n) => !seen.has(n)).map((subject) => ({
        subject,
        kind: 'representatives' as const,
        listed: true as const,
      })),
    ]
    for (let seed = 1; seed <= 2000; seed++) {
      const t = text(random(seed))
      expect({ seed, t, found: findKnown(t, merged) }).toEqual({ seed, t, found: scanKnown(t, flat) })
      expect({ seed, t, found: findKnown(t, OWN) }).toEqual({ seed, t, found: scanKnown(t, OWN) })
    }
  })

  it('reads every corpus message the same way as the scan', () => {
    const corpus = join(__dirname, '..', '..', 'corpus')
    const lines = ['messages.jsonl', 'heldout.jsonl', 'third.jsonl'].flatMap((f) => readCorpus(join(corpus, f)))
    const merged = withOwn(OWN, indexListed(LISTED))
    const seen = new Set(OWN.map((k) => k.subject))
    const flat: Known[] = [
      ...OWN,
      ...LISTED.filter((n) => !seen.has(n)).map((subject) => ({
        subject,
        kind: 'representatives' as const,
        listed: true as const,
      })),
    ]
    for (const line of lines) expect(findKnown(line.text, merged)).toEqual(scanKnown(line.text, flat))
  })

  it('resolves a typed name the same way whether the list comes as an array or an index', () => {
    const merged = withOwn(OWN, indexListed(LISTED))
    const seen = new Set(OWN.map((k) => k.subject))
    const flat: Known[] = [
      ...OWN,
      ...LISTED.filter((n) => !seen.has(n)).map((subject) => ({
        subject,
        kind: 'representatives' as const,
        listed: true as const,
      })),
    ]
    for (const name of [
      '刘翠花',
      '刘翠华',
      '翠花',
      '刘阿姨',
      '王阿姨',
      '欧阳菲菲',
      '欧阳倩倩',
      '建国家',
      '老王家',
      '刘 翠兰',
      '李玫',
    ])
      expect(resolveSubject(name, 'representatives', merged)).toEqual(resolveSubject(name, 'representatives', flat))
  })

  it('builds the index of one list once', () => {
    const names = ['刘翠花', '李梅']
    expect(indexListed(names)).toBe(indexListed(names))
    expect(indexKnown(OWN)).toBe(indexKnown(OWN))
  })
})
