import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'

const root = join(__dirname, '..', '..')

/** Runs `npm run simulate` as its users do: a separate process, JSON lines on stdout. */
function simulate(args: string[], database = `sim_${randomBytes(4).toString('hex')}`) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'bots', 'simulate.ts'), ...args], {
      cwd: root,
      env: { ...process.env, SIMULATE_DATABASE: database },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

/** Plays an example scenario with its summary; every line it prints must be JSON. */
async function playExample(name: string) {
  const { code, stdout } = await simulate(['--script', join(root, 'examples', name), '--summary'])
  expect(code).toBe(0)
  return stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l))
}

function script(lines: string[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'scenario-')), 'script.jsonl')
  writeFileSync(file, lines.join('\n'))
  return file
}

describe('npm run simulate', () => {
  it('plays the example scenario and prints only JSON lines, ending with the summary', async () => {
    const lines = await playExample('first-week.jsonl')
    expect(lines).toHaveLength(14) // one reply for each of the 13 messages, then the summary
    expect(lines[1]).toEqual({
      room: '执委工作交流群',
      to: null,
      mentions: ['张三'],
      file: null,
      text: '✏️ 已记录：联系妇女代表「刘翠花」（今天）\n⬜ 联系妇女代表 1/5–7 ▓░░░░░░',
    })
    expect(lines.slice(0, -1).every((l) => typeof l.text === 'string' && l.text.length > 0)).toBe(true)
    expect(lines.at(-1)).toEqual({
      summary: {
        张三: {
          representatives: 2,
          poorFamily: 1,
          problemSolved: 1,
          onlineGroup: 0,
          socialOrg: 0,
          publicService: 0,
          report: 0,
          proposal: 0,
          diary: 1,
          needsOpen: 0,
          needsResolved: 1,
        },
        王主席: {
          representatives: 0,
          poorFamily: 0,
          problemSolved: 0,
          onlineGroup: 0,
          socialOrg: 0,
          publicService: 0,
          report: 0,
          proposal: 0,
          diary: 0,
          needsOpen: 0,
          needsResolved: 0,
        },
      },
    })
  }, 60_000)

  it('keeps namesakes apart and binds a nickname that differs from the roster name after 我是 and an admin’s 1', async () => {
    const lines = await playExample('namesakes-and-nicknames.jsonl')
    const summary = lines.at(-1).summary
    expect(Object.keys(summary).sort()).toEqual(['张秀英', '王芳（李庄村）', '王芳（白庙村）'])
    expect(summary['王芳（白庙村）']).toMatchObject({ representatives: 1, poorFamily: 0 })
    expect(summary['王芳（李庄村）']).toMatchObject({ representatives: 1, poorFamily: 1 })
    expect(summary['张秀英']).toMatchObject({ representatives: 1 })
    expect(lines.some((l) => l.to === '秀英🌸' && l.text.includes('管理员已确认：您是白庙村的张秀英'))).toBe(true)
  })

  it('binds only the claimant the admin meant when a stranger claims the same name before she answers (ID-01)', async () => {
    const lines = await playExample('claim-after-claim.jsonl')
    const to = (who: string) => lines.filter((l) => l.to === who).map((l) => l.text as string)
    // The second claim is numbered; a bare 1 lands on neither; 1-1 binds the first claimant only.
    expect(to('许干部').some((t) => t.includes('回复 2-1 确认绑定'))).toBe(true)
    expect(to('许干部').some((t) => t.startsWith('您有 2 个问题在等回复'))).toBe(true)
    expect(to('秀英🌸').some((t) => t.includes('管理员已确认：您是白庙村的张秀英'))).toBe(true)
    expect(to('冒充者').at(-1)).toContain('您还不在执委名单里')
    expect(lines.at(-1).summary['张秀英']).toMatchObject({ representatives: 1 })
  })

  it('plays a county’s own checklist end to end: #议事 counted below it, the default eight in a sibling county', async () => {
    const lines = await playExample('custom-checklist.jsonl')
    const to = (name: string) => lines.filter((l) => l.to === name).map((l) => l.text as string)
    expect(to('王兰')[0]).toContain('📋 新集村的履职清单（襄州区设定，共 10 项）')
    expect(to('王兰').at(-1)).toContain('⬜ 参加议事会 2/4')
    expect(to('王兰').at(-1)).toContain('✅ 联系妇女代表 3/3–5')
    expect(to('李芳').at(-1)).toContain('⬜ 联系妇女代表 1/5–7')
    expect(to('李芳').at(-1)).toContain('已完成 0/8 项')
    expect(to('省主席').at(-1)).toContain('· 参加议事会 0/1 人完成（0%）')
    const weekly = lines.filter((l) => l.file === 'progress.png').map((l) => l.text as string)
    expect(weekly.find((t) => t.includes('新集村'))).toContain('平均完成 1.0/10 项')
    expect(weekly.find((t) => t.includes('白庙村'))).toContain('平均完成 0.0/8 项')
    const summary = lines.at(-1).summary
    expect(summary['王兰']).toMatchObject({
      representatives: 3,
      added: { meetings: { entries: 2 }, grassroots: { days: 1 } },
    })
  }, 60_000)

  it('plays a roster with villages before their townships: the county chair’s #汇总 covers every village', async () => {
    const lines = await playExample('roster-any-order.jsonl')
    const [county, township] = lines.filter((l) => l.to === '刘主席').map((l) => l.text as string)
    expect(county).toContain('📈 襄州区 2026年履职汇总（含下级单位，执委 5 人）')
    expect(county).toContain('1. 双沟镇 0.3 项 · 正常 0% · 无记录 33%（3 人）')
    expect(county).toContain('2. 张家集镇 0.0 项 · 正常 0% · 无记录 50%（2 人）')
    expect(township).toContain('徐岗村 1.0 项')
    expect(township).toContain('马庄村 0.0 项')
    expect(Object.keys(lines.at(-1).summary).sort()).toEqual(['刘主席', '张晓燕', '徐桂英', '赵红', '陈玉梅', '马秀兰'])
  }, 60_000)

  it('plays a constituent’s request end to end: passed on, told privately, taken once, resolved as hers', async () => {
    const lines = await playExample('constituent-request.jsonl')
    const inPublic = lines.filter((l) => l.room === '白庙村联系群众群' && l.mentions.includes('开心每一天'))
    expect(inPublic.map((l) => l.text as string)).toEqual([
      expect.stringContaining('@我 直接说'),
      expect.stringContaining('您好！有事需要妇联帮忙'),
      expect.stringContaining('您的问题已转给白庙村妇联的执委（第 1 号）'),
    ])
    expect(inPublic.map((l) => l.text).join('\n')).not.toMatch(/还不在执委名单|#联系|#认领/)
    expect(inPublic[2].text).not.toMatch(/两癌|138|开心每一天|王芳|张秀英/)
    const told = lines.filter((l) => l.room === null && (l.text as string).startsWith('📮'))
    expect(told.map((l) => l.to).sort()).toEqual(['张秀英', '王芳'])
    expect(told.every((l) => l.text.includes('两癌筛查') && l.text.includes('138****5678'))).toBe(true)
    expect(lines.find((l) => l.to === '王芳' && l.text.startsWith('✅ 您已认领 1 号需求'))).toBeDefined()
    expect(lines.find((l) => l.mentions.includes('张秀英'))!.text).toBe('1 号需求已由王芳认领了，不用再认领。')
    const summary = lines.at(-1).summary
    expect(summary['王芳']).toMatchObject({ needsOpen: 0, needsResolved: 1 })
    expect(summary['张秀英']).toMatchObject({ needsOpen: 0, needsResolved: 0 })
  }, 60_000)

  it('refuses a checklist line whose command word is one of the bot’s own, naming the line', async () => {
    const line = JSON.stringify({
      checklist: {
        org: '襄州区',
        config: { added: [{ key: 'meetings', label: '参加议事会', words: ['联系'], rule: 'entries', min: 4 }] },
      },
    })
    const { code, stderr } = await simulate(['--script', script(['{"at":"2026-11-16T09:00:00+08:00"}', line])])
    expect(code).toBe(2)
    expect(stderr).toContain('line 2')
  }, 60_000)

  it('stops with exit status 2 and names the line of a malformed script, printing nothing', async () => {
    const file = script(['{"at":"2026-11-16T09:00:00+08:00"}', '// fine', '{"room":"群","from":"张三"}'])
    const { code, stdout, stderr } = await simulate(['--script', file])
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain('line 3')
  }, 60_000)

  it('treats an unknown job name as a malformed line', async () => {
    const { code, stderr } = await simulate(['--script', script(['{"job":"no-such-job"}'])])
    expect(code).toBe(2)
    expect(stderr).toContain('line 1: unknown job "no-such-job"')
  }, 60_000)

  it('keeps the database between runs with --keep and starts empty without it', async () => {
    const database = `sim_keep_${randomBytes(4).toString('hex')}`
    const roster = '{"roster":[{"name":"周敏","role":"executive","org":"襄阳市"}]}'
    const first = script(['{"at":"2026-11-16T09:00:00+08:00"}', roster, '{"from":"周敏","text":"#联系 甲"}'])
    const second = script(['{"at":"2026-11-17T09:00:00+08:00"}', '{"from":"周敏","text":"#联系 乙"}'])
    await simulate(['--script', first], database)
    const kept = await simulate(['--script', second, '--keep', '--summary'], database)
    expect(JSON.parse(kept.stdout.trim().split('\n').at(-1)!).summary.周敏.representatives).toBe(2)
    const fresh = await simulate(['--script', second, '--summary'], database)
    expect(JSON.parse(fresh.stdout.trim().split('\n').at(-1)!).summary).toEqual({})
  }, 90_000)
})
