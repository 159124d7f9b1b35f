/**
 * npm run test:alone — runs every test of the unit project on its own (`jest FILE -t "^full name$"`), the
 * way someone fixing one test runs it, and reports each one that fails alone although it passes with its
 * file. Too slow for every CI run (a jest start per test); run it before a release and after moving code.
 * Options: --jobs N (parallel runs, default 2), --only TEXT (tests whose name contains TEXT).
 */
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { parseArgs } from 'node:util'

type JestJson = {
  testResults: { name: string; assertionResults: { fullName: string; status: string }[] }[]
}

const root = join(__dirname, '..')
const jest = join(root, 'node_modules', '.bin', 'jest')
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

function allTests(only?: string): { file: string; name: string }[] {
  const out = join(mkdtempSync(join(tmpdir(), 'alone-')), 'all.json')
  spawnSync(jest, ['--selectProjects', 'unit', '--json', '--outputFile', out], { cwd: root, stdio: 'ignore' })
  const report = JSON.parse(readFileSync(out, 'utf8')) as JestJson
  rmSync(out, { force: true })
  return report.testResults.flatMap((file) =>
    file.assertionResults
      .filter((t) => t.status === 'passed' && (!only || t.fullName.includes(only)))
      .map((t) => ({ file: relative(root, file.name), name: t.fullName })),
  )
}

/**
 * Whether the test passes when jest runs only it. Read from jest's JSON report, not its console: `-t` is
 * case-insensitive, so "History" also runs "history" (two tests, both must pass), and a test whose name
 * says "failed" is no failure.
 */
function runAlone(test: { file: string; name: string }): Promise<boolean> {
  const out = join(mkdtempSync(join(tmpdir(), 'alone-')), 'one.json')
  return new Promise((resolve) => {
    const args = ['--selectProjects', 'unit', '--runTestsByPath', test.file, '-t', `^${escape(test.name)}$`]
    const child = spawn(jest, [...args, '--json', '--outputFile', out], { cwd: root, stdio: 'ignore' })
    child.on('close', (code) => {
      let report: (JestJson & { numFailedTests: number }) | undefined
      try {
        report = JSON.parse(readFileSync(out, 'utf8')) as JestJson & { numFailedTests: number }
      } catch {
        report = undefined
      }
      rmSync(dirname(out), { recursive: true, force: true })
      const results = report?.testResults.flatMap((f) => f.assertionResults) ?? []
      const ran = results.filter((r) => r.fullName === test.name)
      resolve(code === 0 && report?.numFailedTests === 0 && ran.length > 0 && ran.every((r) => r.status === 'passed'))
    })
  })
}

async function main() {
  const { values } = parseArgs({ options: { jobs: { type: 'string' }, only: { type: 'string' } } })
  const tests = allTests(values.only)
  const failed: typeof tests = []
  let next = 0
  await Promise.all(
    Array.from({ length: Number(values.jobs ?? 2) }, async () => {
      while (next < tests.length) {
        const test = tests[next++]!
        if (!(await runAlone(test))) failed.push(test)
      }
    }),
  )
  for (const t of failed) process.stdout.write(`fails alone: ${t.file} › ${t.name}\n`)
  process.stdout.write(`each test alone: ${tests.length} run, ${failed.length} failed\n`)
  process.exit(failed.length ? 1 : 0)
}

void main()
