/**
 * Every line of every corpus with what the bot did with it, one line each (id, R when right, the records
 * made, the replies): two versions of the reader give the same file when a change meant to keep
 * behaviour kept it. `npx tsx tests/corpus/outcomes.ts > before.txt`, change, run again, `diff`.
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { playLine, readCorpus } from './run-corpus'

async function main(): Promise<void> {
  for (const file of readdirSync(__dirname)
    .filter((f) => f.endsWith('.jsonl'))
    .sort())
    for (const line of readCorpus(join(__dirname, file))) {
      const o = await playLine(line)
      const replies = o.replies.join(' ⏎ ').replace(/\n/g, '⏎').slice(0, 300)
      console.log(`${line.id}\t${o.right ? 'R' : '-'}\t${o.got}\t${replies}`)
    }
}

void main()
