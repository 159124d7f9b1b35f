/**
 * The production transport end to end: our bot talks gRPC (wechaty-puppet-service) to a local
 * PuppetServer that wraps PuppetMock, exactly as it would talk to a hosted WeChat puppet service.
 */
import { createServer } from 'node:net'
import { randomBytes } from 'node:crypto'
import { PuppetMock, mock } from 'wechaty-puppet-mock'
import { PuppetServer } from 'wechaty-puppet-service'
import { openTestDb, type TestDb } from '../support/test-db'
import { registerRoster } from '../support/fixtures'
import { createPuppet } from '../../bots/create-puppet'
import { createBot, type RunningBot } from '../../bots/create-bot'
import { createSimulatorWorld, type SimulatorWorld } from '../../bots/simulator-world'
import { quietWechatyLogs } from '../../bots/quiet-wechaty-logs'
import { systemClock } from '../../src/clock'
import { silentLogger } from '../../src/logger'
import { createSendLog } from '../../src/services/send-log'
import { defaultSendPolicy } from '../../src/domain/send-policy'

const BOT = '妇联助手'
const GROUP = '襄阳市执委工作交流群'

let db: TestDb
let server: PuppetServer
let bot: RunningBot
let world: SimulatorWorld
const received: { roomId?: string; listenerId?: string; text: string }[] = []

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
  })
}

async function waitFor<T>(what: string, check: () => T | undefined, ms = 15_000): Promise<T> {
  const until = Date.now() + ms
  for (;;) {
    const value = check()
    if (value !== undefined) return value
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** Sends as a person and returns the bot's replies that arrive for it over gRPC. */
async function say(input: { from: string; text: string; room?: string; id?: string }, replies = 1) {
  const start = received.length
  world.say({ ...input, timestamp: Date.now() })
  await waitFor(`${replies} repl(ies) to ${input.text}`, () => (received.length >= start + replies ? true : undefined))
  await new Promise((r) => setTimeout(r, 150)) // a second reply would be a bug: give it time to show
  return received.slice(start)
}

beforeAll(async () => {
  quietWechatyLogs(process.env.E2E_LOG ?? 'silent')
  db = await openTestDb()
  await registerRoster(db.repos, [
    { name: '张三', role: 'executive', org: '襄阳市' },
    { name: '李干部', role: 'admin', org: '襄阳市' },
  ])
  const mocker = new mock.Mocker()
  const puppetMock = new PuppetMock({ mocker })
  // wechaty-token reads the TLS server name from what precedes the last "_": it must be "insecure".
  const token = `insecure_${randomBytes(8).toString('hex')}`
  const endpoint = `127.0.0.1:${await freePort()}`
  server = new PuppetServer({ puppet: puppetMock, token, endpoint })
  await server.start()
  world = createSimulatorWorld(mocker, BOT)
  puppetMock.on('message', ({ messageId }) => {
    const payload = mocker.messagePayload(messageId) as {
      talkerId?: string
      roomId?: string
      listenerId?: string
      text?: string
    }
    if (payload.talkerId === world.botId)
      received.push({ roomId: payload.roomId, listenerId: payload.listenerId, text: payload.text ?? '' })
  })

  const choice = createPuppet({ WECHATY_PUPPET_SERVICE_TOKEN: token, WECHATY_PUPPET_SERVICE_ENDPOINT: endpoint })
  expect(choice.kind).toBe('service')
  bot = await createBot({
    puppet: choice.puppet,
    repos: db.repos,
    clock: systemClock,
    log: silentLogger,
    tz: 'Asia/Shanghai',
    botName: BOT,
    instance: 'e2e',
    replies: createSendLog(),
    policy: defaultSendPolicy('Asia/Shanghai'),
    followUpHours: 24,
  })
  world.login()
  await waitFor('login over gRPC', () => (bot.isLoggedIn() ? true : undefined))
}, 60_000)

afterAll(async () => {
  await bot?.stop()
  await server?.stop()
  await db?.close()
}, 30_000)

describe('the bot over wechaty-puppet-service', () => {
  it('binds a group, logs a duty and answers in the group with the progress line', async () => {
    const [bound] = await say({ room: GROUP, from: '李干部', text: '#绑定 执委群' })
    expect(bound!.text).toContain('已将本群设为【执委工作交流群】')
    const [reply] = await say({ room: GROUP, from: '张三', text: '＃联系　刘翠花 电话了解家庭情况。' })
    expect(reply!.roomId).toBe(world.room(GROUP))
    expect(reply!.text).toContain('@张三')
    expect(reply!.text).toContain('联系妇女代表 1/5–7')
  })

  it('answers privately with the whole checklist', async () => {
    const [reply] = await say({ from: '张三', text: '#进度' })
    expect(reply!.listenerId).toBe(world.contact('张三'))
    expect(reply!.text).toContain('已完成 0/8 项')
  })

  it('counts a message delivered twice over gRPC once and answers once', async () => {
    const id = `e2e-dup-${randomBytes(3).toString('hex')}`
    await say({ room: GROUP, from: '张三', text: '#联系 陈桂英', id })
    const start = received.length
    world.redeliver(id)
    await new Promise((r) => setTimeout(r, 1_000))
    await bot.drain()
    expect(received.length).toBe(start)
    expect(await db.conn.collection('ledger_events').countDocuments({ 'change.add.subject': '陈桂英' })).toBe(1)
  })

  it('answers a stranger with one sentence and stores nothing', async () => {
    const replies = await say({ room: GROUP, from: '陌生人', text: '#联系 某人' })
    expect(replies).toHaveLength(1)
    expect(replies[0]!.text).toContain('还不在执委名单里')
    expect(await db.conn.collection('ledger_events').countDocuments({ 'change.add.subject': '某人' })).toBe(0)
  })
})
