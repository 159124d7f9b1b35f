import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

const root = join(__dirname, '..', '..')

describe('npm run bench', () => {
  it('prints one JSON object per benchmark, each with a name and a ratio (quick sizes)', () => {
    const run = spawnSync(
      join(root, 'node_modules', '.bin', 'tsx'),
      [
        join(root, 'bench', 'run-benchmarks.ts'),
        '--json',
        '--quick',
        '--only',
        'notice-send-plan,weekly-progress-scale',
      ],
      { cwd: root, env: process.env, encoding: 'utf8', timeout: 120_000 },
    )
    expect(run.status).toBe(0)
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines.map((l) => l.name)).toEqual(['weekly-progress-scale', 'notice-send-plan'])
    for (const line of lines) expect(typeof line.ratio).toBe('number')
    expect(lines[0].server).toMatch(/FerretDB|MongoDB/)
  }, 150_000)
})
