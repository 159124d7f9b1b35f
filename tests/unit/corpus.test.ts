/**
 * The corpora of realistic messages through the message path: messages.jsonl (written by someone who
 * had not read the parser, used while building it), heldout.jsonl, third.jsonl, fourth.jsonl and
 * fifth.jsonl (each written later by another who had not either; their first-look figures are in the
 * README) and sixth.jsonl (the last held out: 187/223 at first look, not yet worked on, so its floor is
 * where it stands — a ratchet, to be raised to 95% by whoever teaches the reader from it).
 * npm run corpus [-- FILE] prints the same figures.
 */
import { join } from 'node:path'
import { playLine, readCorpus, report, type Outcome } from '../corpus/run-corpus'

describe.each([
  ['messages.jsonl', 300, 0.95],
  ['heldout.jsonl', 200, 0.95],
  ['third.jsonl', 150, 0.95],
  ['fourth.jsonl', 150, 0.95],
  ['fifth.jsonl', 150, 0.95],
  ['sixth.jsonl', 200, 0.84],
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
