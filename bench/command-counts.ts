import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { manualClock } from '../src/clock'
import { silentLogger } from '../src/logger'
import { openJournal } from '../src/journal/message-journal'
import { startSimulatorSession } from '../bots/simulator-session'
import { simulatorContactId } from '../bots/simulator-world'
import { openBenchDb } from './bench-db'
import { BENCH_GROUP } from './real-bot'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'
const FIRST = '秀桂玉春丽淑凤红素美'
const SECOND = '兰英梅燕娟珍霞芬芳华'
/**
 * The n-th of 100 everyday names (王秀兰, 李秀英, …), no two with the same given name, so that logging
 * them one after another never raises "is this the one you logged?".
 */
const personName = (n: number) => `${SURNAMES[n % SURNAMES.length]}${FIRST[Math.floor(n / 10) % 10]}${SECOND[n % 10]}`

/**
 * What the database server receives per record in the pattern people make, counted from the driver's
 * command events after the batched bookkeeping is written: a freshly started bot process (nothing
 * cached) and registered executives (their WeChat ids on the roster, as an import gives them), each
 * writing once, `spacingMs` apart; one executive writing many in a row; and a sentence answered with 1.
 * Time runs 10× fast: messages `spacingMs` apart (2.5 s in life → 250 ms), and the minute that caches
 * keep the org tree, groups and lists and that bookkeeping waits for its batch is 24 spacings, so each
 * per-minute read or batch is shared by as many messages as in life.
 */
export async function commandCounts(people: number, spacingMs: number) {
  const db = await openBenchDb('counts')
  const org = await db.repos.orgs.ensure('襄阳市')
  const names = (set: string) => Array.from({ length: people }, (_, i) => `执委${set}${i}`)
  const [cold, sentence] = [names('甲'), names('乙')]
  const busy = '执委丙'
  for (const name of [...cold, ...sentence, busy]) {
    const m = await db.repos.members.upsertByName({ name, role: 'executive', orgId: org.id }, new Date())
    await db.repos.members.bindContact(m.id, simulatorContactId(name), new Date())
  }
  const admin = await db.repos.members.upsertByName({ name: '管理员', role: 'admin', orgId: org.id }, new Date())

  // A new bot process on that database: its own connection and repositories, nothing cached. The
  // executives have long been the bot's friends, as in life: the account lists them when it logs in.
  const proc = await db.attach({ repos: { batchMs: spacingMs * 24, cacheMs: spacingMs * 24 } })
  await proc.repos.init()
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-counts-'))
  const journal = await openJournal(join(dataDir, 'inbox.jsonl'))
  const session = await startSimulatorSession({
    journal,
    repos: proc.repos,
    clock: manualClock(new Date('2026-11-16T10:00:00+08:00')),
    log: silentLogger,
    tz: 'Asia/Shanghai',
    botName: '妇联助手',
    friends: [...cold, ...sentence, busy],
  })
  const roomId = session.world.room(BENCH_GROUP)
  await db.repos.groups.bind(
    { roomId, topic: BENCH_GROUP, kind: 'executive', orgId: org.id, boundBy: admin.id },
    new Date(),
  )
  const recorded = () => session.sent.filter((m) => m.text.includes('已记录')).length
  await session.bot.drain() // what the account does at login (listing its rooms and friends) is done

  const measure = async (records: number, run: () => Promise<void>) => {
    const before = proc.commandsSent()
    const answered = recorded()
    await run()
    await proc.repos.settle()
    if (recorded() - answered !== records) throw new Error(`expected ${records} records, got ${recorded() - answered}`)
    return Number(((proc.commandsSent() - before) / records).toFixed(2))
  }
  const coldPerLog = await measure(people, async () => {
    for (const [i, from] of cold.entries()) {
      await session.say({ room: BENCH_GROUP, from, text: `#联系 ${personName(i)}` })
      await sleep(spacingMs)
    }
  })
  const inARowPerLog = await measure(people, async () => {
    for (let i = 0; i < people; i++)
      await session.say({ room: BENCH_GROUP, from: busy, text: `#联系 ${personName(i)}` })
  })
  const sentencePerItem = await measure(people, async () => {
    for (const [i, from] of sentence.entries()) {
      await session.say({ from, text: `今天上午去看了${personName(i)}大姐，聊了她家孩子上学的事` })
      await session.say({ from, text: '1' })
      await sleep(spacingMs)
    }
  })
  await session.stop()
  await journal.close()
  rmSync(dataDir, { recursive: true, force: true })
  await proc.close()
  await db.close()
  return {
    name: 'database-commands',
    server: db.server,
    people,
    pattern: `a new process; ${people} registered executives one #联系 each in the group, ${spacingMs * 10} ms apart in life; one executive ${people} in a row; ${people} others a sentence and her 1, privately`,
    databaseCommandsPerDutyLog: coldPerLog,
    databaseCommandsPerDutyLogInARow: inARowPerLog,
    commandsPerSentenceItem: sentencePerItem,
    target: 'databaseCommandsPerDutyLog <= 4, commandsPerSentenceItem <= 6',
    ratio: Number((coldPerLog / 4).toFixed(3)),
  }
}
