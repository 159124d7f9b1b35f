import { parseScenario, ScenarioError } from '../../bots/scenario/parse-scenario'

const noJobs = () => false

describe('parseScenario', () => {
  it('reads every kind of line and skips blanks and comments', () => {
    const lines = parseScenario(
      [
        '// a comment',
        '{"at":"2026-11-16T09:00:00+08:00"}',
        '',
        '{"roster":[{"name":"张三","role":"executive","org":"樊城区","parent":"襄阳市"}]}',
        '{"room":"执委工作交流群","from":"张三","text":"#联系 李四"}',
        '{"from":"张三","text":"#进度"}',
      ].join('\n'),
      noJobs,
    )
    expect(lines.map((l) => l.type)).toEqual(['at', 'roster', 'message', 'message'])
    expect(lines[0]).toEqual({ type: 'at', at: new Date('2026-11-16T01:00:00Z') })
  })

  it('takes a roster whose villages come before their township (CONTRACT.md §2: rows in any order)', () => {
    const [line] = parseScenario(
      '{"roster":[{"name":"甲","role":"executive","org":"马庄村","parent":"双沟镇"},{"name":"乙","role":"executive","org":"双沟镇","parent":"襄州区"}]}',
      noJobs,
    )
    expect(line).toMatchObject({ type: 'roster' })
  })

  it.each([
    ['{"at":"tomorrow"}', 1],
    ['{"from":"张三"}', 1],
    ['{"roster":[{"name":"张三","role":"boss","org":"x"}]}', 1],
    ['{"job":"weekly-progress"}', 1],
    ['{"form":"张三","text":"#进度"}', 1],
    ['{"from":"张三","text":"#进度"}\nnot json', 2],
    // A roster line is an import: a unit with two parents, a loop or an invisible character is refused.
    [
      '\n{"roster":[{"name":"甲","role":"executive","org":"东村","parent":"甲镇"},{"name":"乙","role":"executive","org":"东村","parent":"乙镇"}]}',
      2,
    ],
    [
      '{"roster":[{"name":"甲","role":"executive","org":"东村","parent":"西村"},{"name":"乙","role":"executive","org":"西村","parent":"东村"}]}',
      1,
    ],
    ['{"roster":[{"name":"王\u200b芳","role":"executive","org":"东村"}]}', 1],
  ])('names the line of a malformed script: %s', (source, line) => {
    expect(() => parseScenario(source, noJobs)).toThrow(ScenarioError)
    expect(() => parseScenario(source, noJobs)).toThrow(`line ${line}:`)
  })
})
