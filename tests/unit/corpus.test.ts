/**
 * The corpora of realistic messages through the message path: messages.jsonl (written by someone who
 * had not read the parser, used while building it) and heldout.jsonl … thirty-third.jsonl, each written later
 * by another who had read neither the parser nor the corpora before it; each was run once before any
 * change made for it (the first-look figures in the README), then taught from. Every one is held to
 * no record she did not ask for, and to 95% right — or, while still being taught from, to where it
 * stands. npm run corpus [-- FILE] prints the same figures.
 */
import { join } from 'node:path'
import { playLine, readCorpus, report, type Outcome } from '../corpus/run-corpus'

describe.each([
  ['messages.jsonl', 300, 0.95],
  ['heldout.jsonl', 200, 0.95],
  ['third.jsonl', 150, 0.95],
  ['fourth.jsonl', 150, 0.95],
  ['fifth.jsonl', 150, 0.95],
  ['sixth.jsonl', 200, 0.95],
  ['seventh.jsonl', 150, 0.95],
  ['eighth.jsonl', 150, 0.95],
  ['ninth.jsonl', 150, 0.95],
  ['tenth.jsonl', 150, 0.95],
  ['eleventh.jsonl', 150, 0.95],
  ['twelfth.jsonl', 150, 0.95],
  ['thirteenth.jsonl', 150, 0.95],
  ['fourteenth.jsonl', 150, 0.95],
  // Taught from after their first looks (173/193, 163/193, 169/193, 164/193, 179/197, 181/195, 178/195).
  ['fifteenth.jsonl', 150, 0.95],
  ['sixteenth.jsonl', 150, 0.95],
  ['seventeenth.jsonl', 150, 0.95],
  ['eighteenth.jsonl', 150, 0.95],
  ['nineteenth.jsonl', 150, 0.95],
  ['twentieth.jsonl', 150, 0.95],
  ['twenty-first.jsonl', 150, 0.95],
  // First looks 178/198, 182/195, 173/195 on e61efd6.
  ['twenty-second.jsonl', 150, 0.95],
  ['twenty-third.jsonl', 150, 0.95],
  ['twenty-fourth.jsonl', 150, 0.95],
  // First looks 180/196, 188/201, 179/195 on cc47d81.
  ['twenty-fifth.jsonl', 150, 0.95],
  ['twenty-sixth.jsonl', 150, 0.95],
  ['twenty-seventh.jsonl', 150, 0.95],
  // First looks 185/195, 174/197 (one record she did not confirm: a constituent's thanks passed on as a
  // plea, mended since), 180/195 on ecebff7.
  ['twenty-eighth.jsonl', 150, 0.95],
  ['twenty-ninth.jsonl', 150, 0.95],
  ['thirtieth.jsonl', 150, 0.95],
  // First looks 183/195, 178/195, 180/195 on 19999aa.
  ['thirty-first.jsonl', 150, 0.95],
  ['thirty-second.jsonl', 150, 0.95],
  ['thirty-third.jsonl', 150, 0.95],
])('the corpus %s', (file, size, floor) => {
  const lines = readCorpus(join(__dirname, '..', 'corpus', file))
  let outcomes: Outcome[] = []

  beforeAll(async () => {
    outcomes = []
    for (const line of lines) outcomes.push(await playLine(line))
  }, 120_000)

  it(`has at least ${size} messages`, () => {
    expect(lines.length).toBeGreaterThanOrEqual(size)
  })

  it('never records anything she did not ask for or confirm', () => {
    expect(outcomes.filter((o) => o.wrongUnconfirmed).map((o) => `${o.line.id}: ${o.got}`)).toEqual([])
  })

  it(`reaches the right outcome for at least ${floor * 100}% of messages after at most one "1"`, () => {
    const all = report(outcomes).at(-1)!
    const wrong = outcomes.filter((o) => !o.right).map((o) => `${o.line.id} ${o.line.text.slice(0, 30)} → ${o.got}`)
    expect({ share: all.right / all.messages >= floor, wrong }).toMatchObject({ share: true })
  })
})
