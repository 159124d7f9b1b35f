import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { manualClock } from '../src/clock'
import { silentLogger } from '../src/logger'
import { openJournal } from '../src/journal/message-journal'
import { startSimulatorSession } from '../bots/simulator-session'
import { simulatorContactId } from '../bots/simulator-world'
import { openBenchDb } from './bench-db'
import { drive } from './drive'

const GIVEN = '秀兰英梅燕娟珍霞芬芳华'

/** What the n-th message of the burst says: mostly records, some questions and sentences, as a Monday brings. */
function textOf(n: number, person: number): string {
  switch (n % 10) {
    case 0:
    case 1:
    case 2:
    case 3:
      return `#联系 ${'王李张刘陈杨黄赵吴周'[n % 10]}${GIVEN[person % 11]}${GIVEN[(n >> 3) % 11]}`
    case 4:
    case 5:
      return `#公益 周末义诊第${n}场`
    case 6:
    case 7:
      return `#日记 走访了${n % 7}户，两户反映孩子放学无人接`
    case 8:
      return '#进度'
    default:
      return `@妇联助手 今天上午去看了${'孙马朱胡郭'[n % 5]}${GIVEN[person % 11]}大姐，聊了她家孩子上学的事`
  }
}

/**
 * A province's Monday morning on one process: `people` registered executives in `groups` bound groups
 * send `perSecond` messages a second for `seconds` seconds, open loop (each sent on its schedule whatever
 * the bot is doing). Reported: messages without exactly one answer, apologies, handling time from the
 * moment each was sent, the process's memory, and the one-insert floor of the same server measured in the
 * same run.
 */
export async function burst(people: number, groups: number, perSecond: number, seconds: number) {
  const db = await openBenchDb('burst')
  const names = Array.from({ length: people }, (_, i) => `执委${i}`)
  const rooms = Array.from({ length: groups }, (_, g) => `第${g + 1}片执委群`)
  const units = await Promise.all(rooms.map((_, g) => db.repos.orgs.ensure(`第${g + 1}片`, '全省')))
  for (const [i, name] of names.entries()) {
    const m = await db.repos.members.upsertByName({ name, role: 'executive', orgId: units[i % groups]!.id }, new Date())
    await db.repos.members.bindContact(m.id, simulatorContactId(name), new Date())
  }
  const admin = await db.repos.members.upsertByName({ name: '管理员', role: 'admin', orgId: units[0]!.id }, new Date())
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-burst-'))
  const journal = await openJournal(join(dataDir, 'inbox.jsonl'))
  const session = await startSimulatorSession({
    journal,
    repos: db.repos,
    clock: manualClock(new Date('2026-11-16T09:00:00+08:00')),
    log: silentLogger,
    tz: 'Asia/Shanghai',
    botName: '妇联助手',
    friends: names,
  })
  for (const [g, room] of rooms.entries())
    await db.repos.groups.bind(
      { roomId: session.world.room(room), topic: room, kind: 'executive', orgId: units[g]!.id, boundBy: admin.id },
      new Date(),
    )
  await session.bot.drain()

  const total = perSecond * seconds
  const rssBefore = process.memoryUsage().rss
  let rssPeak = rssBefore
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 250)
  const latencies: number[] = []
  const started = performance.now()
  await Promise.all(
    Array.from({ length: total }, async (_, n) => {
      const due = started + (n * 1000) / perSecond
      await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())))
      const person = n % people
      await session.say(
        { room: rooms[person % groups]!, from: names[person]!, text: textOf(n, person), id: `burst-${n}` },
        { handledOnly: true },
      )
      latencies.push(performance.now() - due)
    }),
  )
  const drainedAfter = (performance.now() - started) / 1000
  clearInterval(sampler)
  await session.bot.drain()

  // Every message has its one answer: by the text of the answer to each command kind.
  const answered = session.sent.filter((m) => m.room !== null).length
  const apologies = session.sent.filter((m) => m.text.includes('抱歉')).length
  const events = await db.conn.collection('ledger_events').countDocuments()
  // Each "已记录" or diary answer told her of one record: the same number must be stored.
  const toldRecorded = session.sent.filter((m) => /已记录|已记下妇情日记/.test(m.text)).length
  latencies.sort((a, b) => a - b)
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]!
  const writes = db.conn.collection('bench_floor')
  const floor = await drive(Math.min(total, 2000), 8, (i) => writes.insertOne({ i, at: new Date() }))

  await session.stop()
  await journal.close()
  rmSync(dataDir, { recursive: true, force: true })
  await db.close()
  return {
    name: 'burst',
    server: db.server,
    pattern: `${people} registered executives in ${groups} groups, ${perSecond} messages/s for ${seconds} s, open loop (8 in 10 records, 1 #进度, 1 sentence)`,
    messages: total,
    lost: total - answered,
    apologies,
    recordsStored: events,
    recordsAnswered: toldRecorded,
    p50Ms: Math.round(pct(0.5)),
    p99Ms: Math.round(pct(0.99)),
    maxMs: Math.round(latencies[latencies.length - 1]!),
    allHandledAfterSeconds: Number(drainedAfter.toFixed(1)),
    rssMb: { before: Math.round(rssBefore / 2 ** 20), peak: Math.round(rssPeak / 2 ** 20) },
    oneInsertPerSecond: Math.round(floor.perSecond),
    ratio: Number((perSecond / floor.perSecond).toFixed(3)),
    target: 'lost 0, apologies 0, p99Ms <= 2000',
  }
}
