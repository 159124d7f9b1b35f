/**
 * The weekly post of a unit with 10,000 executives, through the real job and the real database: it used to
 * draw one bar per person (a 34 MB picture the send queue could not store) and @-mention everyone behind.
 */
import { Types } from 'mongoose'
import { openTestDb, type TestDb } from '../support/test-db'
import { emptyCounts } from '../../src/domain/progress'
import { DUTY_KINDS } from '../../src/domain/checklist'
import { MAX_MENTIONS } from '../../src/domain/weekly-view'
import { CHART_BOUND } from '../../src/charts/render-progress-chart'
import { silentLogger } from '../../src/logger'
import { findJob } from '../../jobs'

const NOW = new Date('2026-11-23T09:30:00+08:00')
const EXECUTIVES = 10_000
/** The bound the README states: 900 px wide, at most 1,564 px tall, and well under 1 MB (here 300 KB). */
const MAX_BYTES = 300_000
let db: TestDb

beforeAll(async () => {
  db = await openTestDb()
  const levels = ['湖北省', '襄阳市', '樊城区', '太平店镇', '新农村']
  for (let i = 0; i < levels.length; i++) await db.repos.orgs.ensure(levels[i]!, levels[i - 1])
  const village = (await db.repos.orgs.findByName('新农村'))!
  const members = Array.from({ length: EXECUTIVES }, (_, i) => ({
    _id: new Types.ObjectId(),
    name: `执委${i}`,
    role: 'executive',
    orgId: new Types.ObjectId(village.id),
    contactIds: [`wx_${i}`],
    createdAt: NOW,
  }))
  const progress = members.map((m, i) => {
    const counts = emptyCounts()
    for (const kind of DUTY_KINDS.slice(0, i % 9)) counts[kind] = kind === 'representatives' ? 5 : 1
    return {
      _id: `${m._id}:2026`,
      memberId: m._id,
      orgId: m.orgId,
      year: 2026,
      v: 1,
      items: [],
      counts,
      lastDiary: null,
      updatedAt: NOW,
    }
  })
  for (let i = 0; i < EXECUTIVES; i += 2_500) {
    await db.conn.collection('members').insertMany(members.slice(i, i + 2_500))
    await db.conn.collection('ledgers').insertMany(progress.slice(i, i + 2_500) as never[])
  }
  const admin = await db.repos.members.upsertByName({ name: '管理员', role: 'admin', orgId: village.id }, NOW)
  for (const unit of ['湖北省', '新农村']) {
    const org = (await db.repos.orgs.findByName(unit))!
    await db.repos.groups.bind(
      { roomId: `room-${unit}`, topic: `${unit}执委群`, kind: 'executive', orgId: org.id, boundBy: admin.id },
      NOW,
    )
    await db.repos.groups.setMentionBehind(`room-${unit}`, true)
  }
}, 120_000)
afterAll(async () => {
  await db?.close()
})

it('queues a post of 10,000 executives with a bounded chart and at most 10 @-mentions', async () => {
  const enqueued = await findJob('weekly-progress')!.run({
    repos: db.repos,
    now: NOW,
    tz: 'Asia/Shanghai',
    log: silentLogger,
    force: true,
    followUpHours: 24,
    auditRetentionDays: 365,
  })
  expect(enqueued).toBe(2)
  const queued = await db.conn.collection('outbox').find({ kind: 'weekly-progress' }).toArray()
  for (const doc of queued) {
    const png = Buffer.from(doc.fileData.buffer as Uint8Array)
    expect(png.readUInt32BE(16)).toBe(CHART_BOUND.width)
    expect(png.readUInt32BE(20)).toBeLessThanOrEqual(CHART_BOUND.maxHeight)
    expect(png.length).toBeLessThan(MAX_BYTES)
    expect(doc.mentionIds.length).toBeLessThanOrEqual(MAX_MENTIONS)
  }
  const village = queued.find((d) => d.target === 'room:room-新农村')!
  expect(village.text).toContain(`执委 ${EXECUTIVES} 人`)
  expect(village.text).toMatch(/进度落后 \d+ 人：(执委\d+、){9}执委\d+ 等 \d+ 人/)
  expect(village.mentionIds).toHaveLength(MAX_MENTIONS)
  const province = queued.find((d) => d.target === 'room:room-湖北省')!
  expect(province.text).toContain(`含下级单位共执委 ${EXECUTIVES} 人`)
  expect(province.mentionIds).toEqual([])
}, 120_000)
