/**
 * npm run bench -- [--json] [--quick]
 * Each figure is measured against a floor measured in the same run and printed with its ratio
 * (CONTRACT.md §5). --quick uses small sizes, for a smoke run.
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { defaultSendPolicy, planSends } from '../src/domain/send-policy'
import { quietWechatyLogs } from '../bots/quiet-wechaty-logs'
import { startDingDongBot } from './ding-dong-bot'
import { BENCH_GROUP, startRealBot } from './real-bot'
import { drive } from './drive'
import { weeklyProgressScale } from './weekly-progress-scale'
import { commandLatencyScale } from './command-latency-scale'
import { commandCounts } from './command-counts'
import { burst } from './burst'
import { maskScale } from './mask-scale'
import { readScale } from './read-scale'
import { representativesScale } from './representatives-scale'
import { provinceScale } from './province-scale'
import { PROVINCE, SMALL_PROVINCE } from './province-shape'

type Result = Record<string, unknown> & { name: string }

async function commandThroughput(count: number, coldPerDutyLog?: number): Promise<Result> {
  const texts = (i: number) => [`#联系 代表${i % 7}`, '#公益 义诊', `#日记 第${i}篇`, '#进度'][i % 4]!
  const ding = await startDingDongBot('妇联助手')
  const warmUp = Math.min(200, count)
  await drive(warmUp, 8, (i) => ding.say({ from: `执委${i % 50}`, text: texts(i), room: '执委群' }))
  const floor = await drive(count, 8, (i) => ding.say({ from: `执委${i % 50}`, text: texts(i), room: '执委群' }))
  await ding.stop()

  // Commands counted on a bot of their own: command monitoring would slow the timed run.
  const counted = await startRealBot('commands', 50, { count: true })
  const say = (bot: typeof counted, i: number, text: string) =>
    bot.session.say({ from: `执委${i % 50}`, text, room: BENCH_GROUP })
  await drive(warmUp, 8, (i) => say(counted, i, texts(i)))
  // What one #联系 from a known executive in a bound group costs, alone on the connection.
  const dutyLogs = Math.min(100, count)
  const beforeDuty = counted.db.commandsSent()
  await drive(dutyLogs, 1, (i) => say(counted, i, `#联系 代表${i}`))
  const commandsPerDutyLog = (counted.db.commandsSent() - beforeDuty) / dutyLogs
  const beforeMix = counted.db.commandsSent()
  await drive(count, 8, (i) => say(counted, i, `${texts(i)} ${i}`))
  const commandsPerMessage = (counted.db.commandsSent() - beforeMix) / count
  await counted.stop()

  const { session, server, db, stop } = await startRealBot('throughput', 50)
  await drive(warmUp, 8, (i) => session.say({ from: `执委${i % 50}`, text: texts(i), room: BENCH_GROUP }))
  const real = await drive(count, 8, (i) =>
    session.say({ from: `执委${i % 50}`, text: `${texts(i)} ${i}`, room: BENCH_GROUP }),
  )
  // A second floor: one small insert per message at the same concurrency on the same server, the least
  // that any bot which stores a command before answering it must pay. Its ratio to the ding-dong floor
  // is the most any such bot can reach on this server.
  const writes = db.conn.collection('bench_floor')
  const dbFloor = await drive(count, 8, (i) => writes.insertOne({ i, text: texts(i), at: new Date() }))
  await stop()
  return {
    name: 'command-throughput',
    server,
    messages: count,
    concurrency: 8,
    perSecond: Math.round(real.perSecond),
    floorPerSecond: Math.round(floor.perSecond),
    p50Ms: Number(real.p50Ms.toFixed(1)),
    p99Ms: Number(real.p99Ms.toFixed(1)),
    floorP50Ms: Number(floor.p50Ms.toFixed(1)),
    ratio: Number((real.perSecond / floor.perSecond).toFixed(3)),
    target: 'ratioToOneInsert >= 0.25, databaseCommandsPerDutyLog <= 4',
    // The pattern people make (see database-commands): registered executives writing once, a new process.
    ...(coldPerDutyLog !== undefined ? { databaseCommandsPerDutyLog: coldPerDutyLog } : {}),
    databaseCommandsPerDutyLogWarm: Number(commandsPerDutyLog.toFixed(2)),
    databaseCommandsPerMessage: Number(commandsPerMessage.toFixed(2)),
    oneInsertPerSecond: Math.round(dbFloor.perSecond),
    ratioToOneInsert: Number((real.perSecond / dbFloor.perSecond).toFixed(3)),
    ceilingRatio: Number((dbFloor.perSecond / floor.perSecond).toFixed(3)),
  }
}

function sendPlan(groups: number): Result {
  const policy = defaultSendPolicy('Asia/Shanghai')
  const targets = Array.from({ length: groups }, (_, i) => `room:${i}`)
  const start = new Date('2026-11-16T20:00:00+08:00')
  const t = performance.now()
  const plan = planSends(targets, { recent: [] }, start, policy, false)
  const planningMs = performance.now() - t
  const spanMs = plan[plan.length - 1]!.getTime() - start.getTime()
  return {
    name: 'notice-send-plan',
    groups,
    planningMs: Number(planningMs.toFixed(2)),
    plannedSpanHours: Number((spanMs / 3_600_000).toFixed(1)),
    perMinuteCap: policy.perMinute,
    perDayCap: policy.perDay,
    ratio: Number((planningMs / spanMs).toExponential(2)),
    target: 'planning time negligible next to the sends it plans',
  }
}

function memory(count: number): Result {
  const child = (kind: string) => {
    const run = spawnSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', join(__dirname, 'memory-child.ts'), kind, String(count)],
      {
        env: process.env,
        encoding: 'utf8',
      },
    )
    if (run.status !== 0) throw new Error(`memory child ${kind} failed: ${run.stderr}`)
    return JSON.parse(run.stdout.trim().split('\n').pop()!) as { rssMb: number }
  }
  const floor = child('dingdong')
  const real = child('real')
  return {
    name: 'memory-after-messages',
    messages: count,
    rssMb: Math.round(real.rssMb),
    floorRssMb: Math.round(floor.rssMb),
    ratio: Number((real.rssMb / floor.rssMb).toFixed(3)),
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean' },
      quick: { type: 'boolean' },
      only: { type: 'string' },
      messages: { type: 'string' },
    },
  })
  quietWechatyLogs('silent')
  console.log = console.error
  const quick = !!values.quick
  const print = (r: Result) =>
    process.stdout.write(values.json ? JSON.stringify(r) + '\n' : `${r.name}: ${JSON.stringify(r)}\n`)
  const want = (name: string) => !values.only || values.only.split(',').includes(name)
  const counts =
    want('database-commands') || want('command-throughput')
      ? await commandCounts(quick ? 20 : 100, quick ? 50 : 250)
      : undefined
  if (want('database-commands')) print(counts!)
  if (want('command-throughput'))
    print(await commandThroughput(Number(values.messages ?? (quick ? 200 : 2000)), counts?.databaseCommandsPerDutyLog))
  if (want('burst')) print(await burst(quick ? 100 : 500, quick ? 5 : 20, quick ? 20 : 50, quick ? 5 : 60))
  if (want('weekly-progress-scale'))
    print(await weeklyProgressScale(quick ? 500 : 10_000, quick ? 5_000 : 100_000, quick ? 50_000 : 1_000_000))
  if (want('command-latency-scale')) print(await commandLatencyScale(1_000, quick ? 5_000 : 100_000, quick ? 20 : 100))
  if (want('notice-send-plan')) print(sendPlan(1000))
  if (want('memory-after-messages')) print(memory(quick ? 500 : 10_000))
  if (want('mask-scale')) print(maskScale(quick ? 50 : 500))
  if (want('read-scale')) print(readScale(quick ? 10 : 50))
  if (want('province-scale'))
    print(await provinceScale(quick ? [200, 1_000] : [5_000, 50_000], quick ? SMALL_PROVINCE : PROVINCE))
  if (want('representatives-scale')) print(await representativesScale(100, quick ? 2_000 : 10_000, quick ? 20 : 60))
}

main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`)
    process.exit(1)
  },
)
