/**
 * npm run corpus [-- FILE]: how the message path does on a corpus, per category, and each miss.
 * npm run corpus -- --from-db: the messages the bot did not understand (MONGODB_URI's database), as
 * corpus lines on standard output, masked as they were kept.
 */
import { join } from 'node:path'
import { playLine, readCorpus, report } from './run-corpus'
import { misreadLines } from './misread-lines'
import { loadConfig } from '../../src/config'
import { connectDatabase } from '../../src/repos/connect'
import { createRepos } from '../../src/repos/create-repos'

async function fromDb(): Promise<void> {
  const config = loadConfig()
  if (!config.MONGODB_URI) throw new Error('set MONGODB_URI to the bot’s database to export what it did not understand')
  const conn = await connectDatabase(config.MONGODB_URI)
  try {
    const repos = createRepos(conn)
    for (const line of misreadLines(await repos.misreads.recent(undefined, 100_000)))
      process.stdout.write(JSON.stringify(line) + '\n')
  } finally {
    await conn.close()
  }
}

async function main() {
  if (process.argv.includes('--from-db')) return fromDb()
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

main().catch((err) => {
  process.stderr.write(`corpus: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
