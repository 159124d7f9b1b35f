import { startRealBot, BENCH_GROUP } from './real-bot'
import { drive } from './drive'
import { quietWechatyLogs } from '../bots/quiet-wechaty-logs'
async function main() {
  quietWechatyLogs('silent')
  const { session, db, stop } = await startRealBot('prof', 50)
  const texts = (i: number) => [`#联系 代表${i % 7}`, '#公益 义诊', `#日记 第${i}篇`, '#进度'][i % 4]!
  await drive(200, 8, (i) => session.say({ from: `执委${i % 50}`, text: texts(i), room: BENCH_GROUP }))
  const stats = new Map<string, { n: number; ms: number }>()
  const started = new Map<number, string>()
  const client = db.conn.getClient()
  client.on('commandStarted', (e) => started.set(e.requestId, `${e.commandName} ${e.command[e.commandName]}`))
  client.on('commandSucceeded', (e) => {
    const k = started.get(e.requestId) ?? '?'
    const s = stats.get(k) ?? { n: 0, ms: 0 }
    s.n++
    s.ms += e.duration
    stats.set(k, s)
  })
  const cpu0 = process.cpuUsage()
  const t = performance.now()
  const r = await drive(1000, 8, (i) =>
    session.say({ from: `执委${i % 50}`, text: `${texts(i)} ${i}`, room: BENCH_GROUP }),
  )
  const wall = (performance.now() - t) / 1000
  const cpu = process.cpuUsage(cpu0)
  console.log(
    'wall s',
    wall.toFixed(2),
    'node cpu s',
    ((cpu.user + cpu.system) / 1e6).toFixed(2),
    r.perSecond.toFixed(0),
  )
  for (const [k, s] of stats) console.log(k, s.n, (s.ms / s.n).toFixed(2), 'ms avg')
  await stop()
  process.exit(0)
}
main()
