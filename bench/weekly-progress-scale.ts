import { Types } from 'mongoose'
import { countProgress } from '../src/domain/progress'
import { DUTY_KINDS } from '../src/domain/checklist'
import { toLocal } from '../src/domain/zoned-time'
import { unitReport } from '../src/services/unit-report'
import { composeWeeklyPost } from '../src/services/weekly-post'
import { openBenchDb } from './bench-db'
import { createRepos } from '../src/repos/create-repos'
import { seedDutyLogs } from './seed-duty-logs'

/**
 * The weekly-progress computation for one org tree of `executives`, timed with `logsA` logs stored and
 * again with `logsB`: the ratio shows whether the cost follows executives (it should) or logs.
 */
export async function weeklyProgressScale(executives: number, logsA: number, logsB: number) {
  const db = await openBenchDb('weekly')
  try {
    const root = await db.repos.orgs.ensure('襄阳市')
    const units = await Promise.all(Array.from({ length: 10 }, (_, i) => db.repos.orgs.ensure(`区${i}`, '襄阳市')))
    const now = new Date('2026-11-23T09:00:00+08:00')
    const members = Array.from({ length: executives }, (_, i) => ({
      _id: new Types.ObjectId(),
      name: `执委${i}`,
      role: 'executive',
      orgId: new Types.ObjectId(units[i % units.length]!.id),
      contactIds: [],
      createdAt: now,
    }))
    for (let i = 0; i < members.length; i += 5000)
      await db.conn.collection('members').insertMany(members.slice(i, i + 5000))

    const perMember = new Map<string, { kind: (typeof DUTY_KINDS)[number]; subjectKey: string }[]>()
    const addLogs = async (from: number, to: number) => {
      await seedDutyLogs(db.conn, from, to, (i) => {
        const log = {
          memberId: members[i % members.length]!._id,
          kind: DUTY_KINDS[i % DUTY_KINDS.length]!,
          subjectKey: `对象${i % 13}`,
        }
        const list = perMember.get(String(log.memberId)) ?? []
        list.push(log)
        perMember.set(String(log.memberId), list)
        return log
      })
      // Stored counts as her year keeps them, computed with the same pure function (the views read only
      // the counts, so the items are left out here). Replaced with delete + insert: FerretDB 1.24 hung on
      // bulk upserts of existing documents here.
      const docs = members.map((m) => ({
        _id: `${m._id}:2026` as unknown as Types.ObjectId,
        memberId: m._id,
        orgId: m.orgId,
        year: 2026,
        v: 1,
        items: [],
        counts: countProgress(perMember.get(String(m._id)) ?? [], { diary: 0, needsOpen: 0, needsResolved: 0 }),
        lastDiary: null,
        updatedAt: now,
      }))
      await db.conn.collection('ledgers').deleteMany({})
      for (let i = 0; i < docs.length; i += 5000)
        await db.conn.collection('ledgers').insertMany(docs.slice(i, i + 5000))
    }
    // What the weekly job does in a process that has read nothing yet: the standings read once (tree,
    // roster, every count), then the real post and chart of the city's group (one bar per district: see
    // domain/weekly-view) and of a district's group (its people: a tenth of all, more than a chart's 40
    // bars), drawn in full.
    const compute = async () => {
      const t = performance.now()
      const today = toLocal(now, 'Asia/Shanghai')
      const repos = createRepos(db.conn)
      const city = await unitReport(repos, root.id, 2026, today)
      const post = composeWeeklyPost(city, root.id, { today, week: 48 })
      const district = composeWeeklyPost(await unitReport(repos, units[0]!.id, 2026, today), units[0]!.id, {
        today,
        week: 48,
      })
      return { ms: performance.now() - t, standings: city.unit(root.id)!.counted, post, district }
    }
    await addLogs(0, logsA)
    await compute() // warm-up
    const first = await compute()
    await addLogs(logsA, logsB)
    await compute()
    const second = await compute()
    return {
      name: 'weekly-progress-scale',
      server: db.server,
      executives: first.standings,
      logsFirst: logsA,
      logsSecond: logsB,
      msFirst: Math.round(first.ms),
      msSecond: Math.round(second.ms),
      chartBytes: second.post.chart.length,
      chartWidth: second.post.chart.readUInt32BE(16),
      chartHeight: second.post.chart.readUInt32BE(20),
      chartBars: second.post.bars,
      chartView: second.post.view.kind,
      postChars: second.post.text.length,
      districtChartBytes: second.district.chart.length,
      districtChartHeight: second.district.chart.readUInt32BE(20),
      districtChartBars: second.district.bars,
      districtPeople: second.district.view.kind === 'people' ? second.district.view.people.length : 0,
      ratio: Number((second.ms / first.ms).toFixed(3)),
      target: '<= 1.3',
    }
  } finally {
    await db.close()
  }
}
