/**
 * The corpus of realistic messages (tests/corpus/messages.jsonl, written by someone who had not read
 * the parser) through the message path. npm run corpus prints the same figures per category.
 */
import { join } from 'node:path'
import { playLine, readCorpus, report, type Outcome } from '../corpus/run-corpus'

const lines = readCorpus(join(__dirname, '..', 'corpus', 'messages.jsonl'))
let outcomes: Outcome[] = []

beforeAll(async () => {
  outcomes = []
  for (const line of lines) outcomes.push(await playLine(line))
}, 120_000)

describe('the corpus of how people really write', () => {
  it('has at least 300 messages', () => {
    expect(lines.length).toBeGreaterThanOrEqual(300)
  })

  it('never records anything she did not ask for or confirm', () => {
    expect(outcomes.filter((o) => o.wrongUnconfirmed).map((o) => `${o.line.id}: ${o.got}`)).toEqual([])
  })

  it('reaches the right outcome for at least 95% of messages after at most one "1"', () => {
    const all = report(outcomes).at(-1)!
    const wrong = outcomes.filter((o) => !o.right).map((o) => `${o.line.id} ${o.line.text.slice(0, 30)} → ${o.got}`)
    expect({ share: all.right / all.messages >= 0.95, wrong }).toMatchObject({ share: true })
  })
})
