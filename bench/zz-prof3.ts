import { Session } from 'node:inspector/promises'
import { writeFileSync } from 'node:fs'
import { startRealBot, BENCH_GROUP } from './real-bot'
import { drive } from './drive'
import { quietWechatyLogs } from '../bots/quiet-wechaty-logs'
async function main() {
  quietWechatyLogs('silent')
  const { session, stop } = await startRealBot('prof', 50)
  const texts = (i: number) => [`#联系 代表${i % 7}`, '#公益 义诊', `#日记 第${i}篇`, '#进度'][i % 4]!
  await drive(300, 8, (i) => session.say({ from: `执委${i % 50}`, text: texts(i), room: BENCH_GROUP }))
  const s = new Session()
  s.connect()
  await s.post('Profiler.enable')
  await s.post('Profiler.start')
  const cpu0 = process.cpuUsage()
  const r = await drive(1000, 8, (i) =>
    session.say({ from: `执委${i % 50}`, text: `${texts(i)} ${i}`, room: BENCH_GROUP }),
  )
  const cpu = process.cpuUsage(cpu0)
  const { profile } = await s.post('Profiler.stop')
  writeFileSync('/tmp/window.cpuprofile', JSON.stringify(profile))
  console.log('per s', r.perSecond.toFixed(0), 'node cpu ms/msg', ((cpu.user + cpu.system) / 1e3 / 1000).toFixed(2))
  await stop()
  process.exit(0)
}
main()
