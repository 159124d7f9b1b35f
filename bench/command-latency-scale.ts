import { Types } from 'mongoose'
import { drive } from './drive'
import { BENCH_GROUP, startRealBot } from './real-bot'
import { seedDutyLogs } from './seed-duty-logs'

/**
 * One duty command at a time through the real bot, timed with `logsA` and then `logsB` records of
 * other executives stored: the ratio shows whether a command's cost follows her own records (it should,
 * on a server that uses secondary indexes) or everybody's (FerretDB 1.x on SQLite pushes down only
 * `_id` lookups, so there it follows everybody's).
 */
export async function commandLatencyScale(logsA: number, logsB: number, commands: number) {
  const { session, server, db, stop } = await startRealBot('latency', 20)
  try {
    const others = Array.from({ length: 1000 }, () => new Types.ObjectId())
    const addLogs = (from: number, to: number) =>
      seedDutyLogs(db.conn, from, to, (i) => ({
        memberId: others[i % others.length]!,
        kind: 'representatives',
        subjectKey: `代表${i % 7}`,
      }))
    let n = 0
    const run = () =>
      drive(commands, 1, () => session.say({ from: `执委${n % 20}`, text: `#联系 代表${n++ % 7}`, room: BENCH_GROUP }))
    await addLogs(0, logsA)
    // Every executive has written before, so both runs measure the same warm path.
    await drive(40, 1, () => session.say({ from: `执委${n % 20}`, text: `#联系 热身${n++}`, room: BENCH_GROUP }))
    const first = await run()
    await addLogs(logsA, logsB)
    const second = await run()
    return {
      name: 'command-latency-scale',
      server,
      commands,
      otherLogsFirst: logsA,
      otherLogsSecond: logsB,
      p50MsFirst: Number(first.p50Ms.toFixed(1)),
      p50MsSecond: Number(second.p50Ms.toFixed(1)),
      ratio: Number((second.p50Ms / first.p50Ms).toFixed(3)),
      target: '<= 1.5 on any MongoDB-compatible server: a command reads and writes by key only',
    }
  } finally {
    await stop()
  }
}
