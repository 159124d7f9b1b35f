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

  it.each([
    ['{"at":"tomorrow"}', 1],
    ['{"from":"张三"}', 1],
    ['{"roster":[{"name":"张三","role":"boss","org":"x"}]}', 1],
    ['{"job":"weekly-progress"}', 1],
    ['{"form":"张三","text":"#进度"}', 1],
    ['{"from":"张三","text":"#进度"}\nnot json', 2],
  ])('names the line of a malformed script: %s', (source, line) => {
    expect(() => parseScenario(source, noJobs)).toThrow(ScenarioError)
    expect(() => parseScenario(source, noJobs)).toThrow(`line ${line}:`)
  })
})
