/**
 * `npm start` with the built-in simulator, stopped and started again on the same database: the bot is
 * still in its groups and friends with the people it met, so what was queued before the restart is
 * delivered after it, and a `我是` reaches the admin it says it asked.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openTestDb, type TestDb } from '../support/test-db'
import { loadConfig } from '../../src/config'
import { systemClock } from '../../src/clock'
import { silentLogger } from '../../src/logger'
import { startServices, type RunningServices } from '../../bots/start-services'
import { quietWechatyLogs } from '../../bots/quiet-wechaty-logs'
import { simulatorContactId } from '../../bots/simulator-world'
import { targetOfContact, targetOfRoom } from '../../src/domain/send-target'
import { GROUP_KINDS } from '../../src/domain/vocabulary'

let db: TestDb
let dataDir: string
let services: RunningServices | undefined

beforeAll(async () => {
  quietWechatyLogs('silent')
  db = await openTestDb()
  dataDir = mkdtempSync(join(tmpdir(), 'sim-restart-'))
})
afterAll(async () => {
  await services?.stop()
  await db.close()
  rmSync(dataDir, { recursive: true, force: true })
})

// No quiet hours and no spacing: the test is about whether a message can be delivered, not when.
const start = () =>
  startServices({
    config: {
      ...loadConfig({ DATA_DIR: dataDir, BOT_QUIET_HOURS: '00:00-00:00', SEND_GAP_MS: '0-0' }),
      PORT: 0,
    },
    repos: db.repos,
    clock: systemClock,
    log: silentLogger,
  })

/** The outbox items of this kind once none is waiting any more (at most 20 s). */
async function settled(kind: string) {
  for (let i = 0; i < 200; i++) {
    const items = await db.conn.collection('outbox').find({ kind }).toArray()
    if (items.length && items.every((d) => d.status === 'sent' || d.status === 'failed')) return items
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`outbox items of kind ${kind} still waiting`)
}

it('delivers after a restart what was queued for its groups and friends, and a 我是 reaches the admin', async () => {
  services = await start() // an empty database: the demo federation, its groups and people
  await services.stop()
  services = undefined
  const saved = await db.conn.collection('simulator_world').find({}).toArray()
  expect(saved.filter((d) => d.kind === 'room').map((d) => d.name)).toEqual(
    expect.arrayContaining(['襄阳市执委工作交流群', '襄阳市联系群众群']),
  )

  // While it is down: a notice for the executives' group and a word for the admin, queued.
  const groups = await db.repos.groups.listBound(GROUP_KINDS)
  const room = groups.find((g) => g.kind === 'executive')!.roomId
  const now = new Date()
  await db.repos.outbox.enqueue(
    [
      { dedupeKey: 'restart:room', kind: 'restart-test', target: targetOfRoom(room), text: '明天开会', notBefore: now },
      {
        dedupeKey: 'restart:admin',
        kind: 'restart-test',
        target: targetOfContact(simulatorContactId('李干部')),
        text: '请查收',
        notBefore: now,
      },
    ],
    now,
  )
  const city = await db.repos.orgs.findByName('樊城区')
  await db.repos.members.upsertByName({ name: '赵六', role: 'executive', orgId: city!.id }, now)

  services = await start()
  expect((await settled('restart-test')).map((d) => d.status)).toEqual(['sent', 'sent'])
  // A stranger asks to be 赵六: the question goes to 李干部, who is still the bot's friend.
  const said = await fetch(`http://127.0.0.1:${services.port}/simulator/api/say`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ from: '赵六', text: '我是 赵六' }),
  })
  expect(said.status).toBe(200)
  const [question] = await settled('bind-request')
  expect(question).toMatchObject({ status: 'sent', target: targetOfContact(simulatorContactId('李干部')) })
}, 60_000)
