import { createLogger } from '../../src/logger'

describe('logger', () => {
  it('never writes tokens, secrets or authorization headers', () => {
    const lines: string[] = []
    const log = createLogger('debug', (l) => lines.push(l))
    log.info('request', { authorization: 'Bearer abc', adminToken: 'fl_secret', password: 'p', roomId: 'r1' })
    expect(lines[0]).not.toMatch(/abc|fl_secret|"p"/)
    expect(JSON.parse(lines[0]!)).toMatchObject({ authorization: '[redacted]', adminToken: '[redacted]', roomId: 'r1' })
  })

  it('stays quiet below its level', () => {
    const lines: string[] = []
    createLogger('warn', (l) => lines.push(l)).info('hidden')
    expect(lines).toEqual([])
  })
})
