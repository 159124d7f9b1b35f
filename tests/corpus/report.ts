/** npm run corpus [-- FILE]: how the message path does on a corpus, per category, and each miss. */
import { join } from 'node:path'
import { playLine, readCorpus, report } from './run-corpus'

async function main() {
  const file = process.argv[2] ?? join(__dirname, 'messages.jsonl')
  const outcomes = []
  for (const line of readCorpus(file)) outcomes.push(await playLine(line))
  for (const o of outcomes.filter((x) => !x.right || x.wrongUnconfirmed || x.needlessQuestion))
    console.log(
      `${o.line.id}\t${o.line.text.replace(/\n/g, '⏎').slice(0, 40)}\n\twant ${JSON.stringify(o.line.expect)}\n\tgot  ${o.got}\n\t${o.replies.join(' ⏎ ').slice(0, 160)}`,
    )
  console.log(
    '| category | messages | right after ≤ one 1 | wrong records without a 1 | wrong records after a 1 | needless questions |',
  )
  console.log('| --- | --- | --- | --- | --- | --- |')
  for (const r of report(outcomes))
    console.log(
      `| ${r.category} | ${r.messages} | ${r.right} (${((100 * r.right) / r.messages).toFixed(0)}%) | ${r.wrongUnconfirmed} | ${r.wrongConfirmed} | ${r.needlessQuestions} |`,
    )
}

main()
