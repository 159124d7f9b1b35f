import { readMessage } from '../src/nl/read-message'
import { readIntent } from '../src/parser/read-intent'
import { indexListed, withOwn, type Known } from '../src/nl/known-index'
import { MESSAGE_LIMITS } from '../src/domain/vocabulary'
import { warmReader } from '../src/parser/warm-reader'

const TODAY = { year: 2026, month: 11, day: 23 }
const BOT = '妇联助手'
const LOGGED: Known[] = [
  { subject: '刘翠花', kind: 'representatives' },
  { subject: '李梅', kind: 'representatives' },
  { subject: '张桂兰', kind: 'representatives' },
  { subject: '王秀兰', kind: 'representatives' },
  { subject: '王建国家', kind: 'poorFamily' },
  { subject: '阳光妈妈互助会', kind: 'socialOrg' },
]
const LISTED = [...'王李张刘陈杨黄赵吴周'].flatMap((s) => [...'秀丽美玉芳桂兰英华红'].map((g) => `${s}${g}`))
const KNOWN = withOwn(LOGGED, indexListed(LISTED))

/** What people write (from the corpora), and the shapes that once made a pattern try a run from every character. */
const SENTENCES = [
  '今天上午去看了刘翠花大姐，聊了她家孩子上学的事。',
  '下午去低保户王建国家，帮他们把医保卡激活了。',
  '上周五跟李梅打了个电话，问了问她们组两癌筛查的情况',
  '昨天和阳光妈妈互助会的姐妹们一起去敬老院包饺子',
  '新选的妇女代表赵小红大姐，今天上门认识了一下',
  '前天去了王秀兰家 大前天去了张桂兰家',
  '写了篇调研报告《关于留守妇女就业的调查》',
  '11月20日建了个村里的正能量群，叫巾帼心向党',
]
const SHAPES: Record<string, string> = {
  sentences: SENTENCES.join(''),
  'dates and spaces': '上周五 3号 昨天上午 ',
  'names and honorifics': '翠花姐王阿姨刘翠花大姐',
  numerals: '一二三',
  'relatives and families': '刘翠花她婆婆王建国家里',
  commas: '去看了，',
}

const fill = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n)
const read = (text: string) => readMessage(text, { today: TODAY, known: KNOWN, botName: BOT })

/**
 * This process's CPU time per read, the least of three batches: on a shared machine wall time (and even
 * one batch's CPU time, through cache and frequency) swings with what other processes do, and the ratio
 * of two such figures swung from 7 to 19 between runs of the same code.
 */
function averageMs(text: string, runs: number): number {
  for (let i = 0; i < Math.min(3, runs); i++) read(text)
  let least = Infinity
  for (let batch = 0; batch < 3; batch++) {
    const before = process.cpuUsage()
    for (let i = 0; i < runs; i++) read(text)
    const used = process.cpuUsage(before)
    least = Math.min(least, (used.user + used.system) / 1000 / runs)
  }
  return least
}

/**
 * The sentence reader (src/nl/read-message) on the longest message the bot reads and on ten times
 * that: linear reading gives about 10, the quadratic date pattern gave 50 and more. Each shape is
 * measured; `ratio` is the realistic one, `worstRatio` the worst shape's. And a 200-character message
 * read whole (intent, then sentence), as people send them, with her logged names and a list of 100.
 * The two lengths are compared in CPU time (see averageMs); the 200-character p50/p99 in both.
 */
export function readScale(runs: number) {
  const all = SENTENCES.join('')
  const messages = Array.from({ length: 50 }, (_, i) => fill(all.slice((i * 13) % all.length) + all, 200))
  // Wall time, and this process's CPU time (on a shared machine a wall-clock p99 is mostly the time
  // another process held the core).
  const times: number[] = []
  const cpu: number[] = []
  const readOne = (text: string, into: { times: number[]; cpu: number[] }) => {
    const started = performance.now()
    const cpuBefore = process.cpuUsage()
    const intent = readIntent({ text, kind: 'text', toBot: true, inGroup: false }, BOT)
    if (intent?.type === 'sentence') read(intent.text)
    const used = process.cpuUsage(cpuBefore)
    into.times.push(performance.now() - started)
    into.cpu.push((used.user + used.system) / 1000)
  }
  // First, before the long texts leave garbage behind. The first 100 reads of a process that did not
  // warm its reader (patterns compiled, functions optimised on first use) are reported apart; the bot
  // warms it as it starts (src/parser/warm-reader), and the p99 is of reads after that.
  const cold = { times: [] as number[], cpu: [] as number[] }
  for (let round = 0; round < 2; round++) for (const text of messages) readOne(text, cold)
  warmReader(BOT)
  for (let round = 0; round < Math.max(20, runs / 2); round++)
    for (const text of messages) readOne(text, { times, cpu })
  const pct = (list: number[], p: number) => {
    const sorted = [...list].sort((a, b) => a - b)
    return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!
  }
  const short = MESSAGE_LIMITS.chars
  const long = short * 10
  const shapes = Object.entries(SHAPES).map(([shape, unit]) => {
    const a = averageMs(fill(unit, short), runs)
    const b = averageMs(fill(unit, long), Math.max(2, Math.round(runs / 10)))
    return { shape, shortMs: a, longMs: b, ratio: b / a }
  })
  const worst = shapes.reduce((w, s) => (s.ratio > w.ratio ? s : w))
  const [realistic] = shapes
  return {
    name: 'read-scale',
    chars: short,
    charsLong: long,
    shortMs: Number(realistic!.shortMs.toFixed(2)),
    longMs: Number(realistic!.longMs.toFixed(2)),
    ratio: Number(realistic!.ratio.toFixed(2)),
    worstShape: worst.shape,
    worstRatio: Number(worst.ratio.toFixed(2)),
    shapes: Object.fromEntries(shapes.map((s) => [s.shape, Number(s.ratio.toFixed(2))])),
    p50Ms200: Number(pct(times, 0.5).toFixed(3)),
    p99Ms200: Number(pct(times, 0.99).toFixed(3)),
    p50CpuMs200: Number(pct(cpu, 0.5).toFixed(3)),
    p99CpuMs200: Number(pct(cpu, 0.99).toFixed(3)),
    firstReadsP99Ms200: Number(pct(cold.times, 0.99).toFixed(3)),
    firstReadMs200: Number(cold.times[0]!.toFixed(3)),
    target:
      'ratio <= 15 (linear: 10) and p99Ms200 < 5 after the warm-up the bot does as it starts (p99CpuMs200 on a busy machine); firstReads* are a process that did not warm, for reference',
  }
}
