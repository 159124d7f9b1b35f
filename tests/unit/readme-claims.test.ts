/**
 * What the README says about the code, checked where it is cheap: the fields of a job, and that the
 * command table and #帮助 name every command the parser knows (both come from the command specs).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { JOBS } from '../../jobs'
import { COMMAND_SPECS } from '../../src/parser/command-specs'
import { createHandlerHarness } from '../support/handler-harness'

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8')

describe('the README', () => {
  it('names the fields every job has', () => {
    const said = /定时任务（\{ ([^}]+) \}）/.exec(readme)?.[1]
    expect(said?.split(', ').sort()).toEqual(Object.keys(JOBS[0]!).sort())
    for (const job of JOBS) expect(Object.keys(job).sort()).toEqual(Object.keys(JOBS[0]!).sort())
  })

  it('lists every command in its table, and #帮助 lists them too', async () => {
    const table = readme.slice(readme.indexOf('| 命令'), readme.indexOf('`#` 可以是全角'))
    const missing = COMMAND_SPECS.filter((s) => !table.includes(`#${s.word}`)).map((s) => s.word)
    expect(missing).toEqual([])
    const h = createHandlerHarness()
    await h.roster([{ name: '张三', role: 'executive', org: '襄阳市' }])
    await h.say({ from: '张三', text: '#帮助' })
    const help = h.take()[0]!.text
    expect(COMMAND_SPECS.filter((s) => !help.includes(`#${s.word}`)).map((s) => s.word)).toEqual([])
  })
})
