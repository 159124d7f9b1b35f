import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadConfig, ConfigError, CONFIG_KEYS } from '../../src/config'

describe('loadConfig', () => {
  it('applies the contract defaults', () => {
    expect(loadConfig({})).toMatchObject({ PORT: 3000, BOT_TIMEZONE: 'Asia/Shanghai', BOT_NAME: '妇联助手' })
  })

  it('listens on loopback unless HTTP_HOST says otherwise', () => {
    expect(loadConfig({}).HTTP_HOST).toBe('127.0.0.1')
    expect(loadConfig({ HTTP_HOST: '0.0.0.0', SIMULATOR_TOKEN: 'a-long-simulator-token' }).HTTP_HOST).toBe('0.0.0.0')
  })

  it('trusts no proxy unless told, and reads true as one proxy', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(0)
    expect(loadConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(0)
    expect(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(1)
    expect(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2)
  })

  it('reads the env it is given, not process.env (npm start loads .env into process.env before calling it)', () => {
    const saved = process.env.PORT
    process.env.PORT = '4321'
    try {
      expect(loadConfig({}).PORT).toBe(3000)
      expect(loadConfig({ PORT: '4000' }).PORT).toBe(4000)
      expect(loadConfig().PORT).toBe(4321)
    } finally {
      if (saved === undefined) delete process.env.PORT
      else process.env.PORT = saved
    }
  })

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', MONGODB_URI: ' ' })).toMatchObject({ PORT: 3000, MONGODB_URI: undefined })
  })

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['MONGODB_URI', 'http://example'],
    ['BOT_TIMEZONE', 'Mars/Olympus'],
    ['ADMIN_TOKEN', 'short'],
    ['WECHATY_PUPPET_SERVICE_ENDPOINT', 'no port'],
    ['TRUST_PROXY', 'yes'],
    ['HTTP_HOST', 'a host with spaces'],
    ['SIMULATOR_TOKEN', 'short'],
    ['TRUST_PROXY', '9'],
  ])('names %s when its value %p is bad', (variable, value) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError)
    expect(() => loadConfig({ [variable]: value })).toThrow(new RegExp(`Invalid environment variable ${variable}`))
  })
})

describe('.env.example', () => {
  it('lists every variable the configuration reads, and each example value loads', () => {
    const text = readFileSync(join(__dirname, '..', '..', '.env.example'), 'utf8')
    const env = Object.fromEntries(
      text
        .split('\n')
        .filter((l) => /^[A-Z_]+=/.test(l))
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    )
    for (const key of CONFIG_KEYS) expect(Object.keys(env)).toContain(key)
    expect(() => loadConfig(env)).not.toThrow()
  })
})
