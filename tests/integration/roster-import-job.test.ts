/**
 * A roster too large for one request, written as a job: answered at once, written in batches by key,
 * resumed where a stopped process left it without adding anyone twice, one import at a time, and
 * stopped (what it wrote staying) when it keeps failing. Its cost follows the file, not the database.
 */
import { openTestDb, type TestDb } from '../support/test-db'
import { startApiServer } from '../support/api-server'
import { manualClock, systemClock } from '../../src/clock'
import { importRoster } from '../../src/services/import-roster'
import { LEASE_MS, MAX_FAILURES, reserveRosterJob, resumeRosterJobs, runRosterJob } from '../../src/services/roster-job'
import { readUnitIndex, writeRosterBatch } from '../../src/services/write-roster-batch'
import type { RosterBatch } from '../../src/domain/roster-batches'
import type { ImportJob } from '../../src/repos/import-job-repo'
import { createRepos } from '../../src/repos/create-repos'

const ADMIN = 'roster-job-admin-token-0001'
const HEADER = '姓名,角色,单位,上级单位,微信号'
const table = (rows: string[]) => [HEADER, ...rows].map((r) => r.split(','))
const SURNAMES = '王李张刘陈杨黄赵吴周'
const GIVEN = '秀丽美玉芳桂兰英华红'

/** `n` executives in villages of four under one new township of the county, each with a WeChat id. */
function villageRows(n: number, tag: string): string[] {
  const wx = `wx_${Buffer.from(tag).toString('hex')}`
  const rows = [`${tag}镇长,主席,${tag}镇,襄州区,${wx}_chair`]
  for (let i = 0; i < n; i++) {
    const name = SURNAMES[i % 10]! + GIVEN[Math.floor(i / 10) % 10]! + GIVEN[Math.floor(i / 100) % 10]!
    rows.push(
      `${name},执委,${tag}${GIVEN[Math.floor(i / 4) % 10]}${SURNAMES[Math.floor(i / 40) % 10]}村,${tag}镇,${wx}_${i}`,
    )
  }
  return rows
}

let db: TestDb
beforeEach(async () => {
  db = await openTestDb()
  await db.repos.orgs.ensure('襄州区', '襄阳市')
})
afterEach(async () => {
  await db.close()
})

/** Everyone the file names, and whether each WeChat id finds her (the copy on her contact). */
async function written(rows: string[]) {
  const cells = rows.map((r) => r.split(','))
  const people = await db.repos.members.listByNames([...new Set(cells.map((c) => c[0]!))])
  const found = await Promise.all(cells.map(async (c) => (await db.repos.members.findByContactId(c[4]!))?.name))
  return { people: people.length, recognised: found.filter((name, i) => name === cells[i]![0]).length }
}

it('answers a confirmed roster past the inline limit at once with its job, and the job writes every row', async () => {
  await db.repos.tokens.bootstrap(ADMIN, new Date())
  const server = await startApiServer(db.repos, { importInlineRows: 5 })
  try {
    const rows = villageRows(12, '双沟')
    const send = (query: string) =>
      fetch(`${server.base}/api/v1/members/import${query}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'text/csv' },
        body: [HEADER, ...rows].join('\n'),
      })
    // The leaders' figures are held in memory (standings): read them before, so the import must move them.
    const county = (await db.repos.orgs.findByName('襄州区'))!
    const today = { year: 2026, month: 11, day: 20 }
    expect((await db.repos.standings.view(2026, today)).tally(county.id).counted).toBe(0)
    const preview = (await (await send('?preview=1')).json()) as { plan: string; busy?: unknown }
    expect(preview.busy).toBeUndefined()
    const res = await send(`?confirm=1&plan=${preview.plan}`)
    expect(res.status).toBe(202)
    const body = (await res.json()) as { imported: number; job: { id: string; rows: number; status: string } }
    expect(body).toMatchObject({ imported: 0, job: { rows: 13, status: 'running' } })
    const poll = async () =>
      (await (
        await fetch(`${server.base}/api/v1/members/import/jobs/${body.job.id}`, {
          headers: { authorization: `Bearer ${ADMIN}` },
        })
      ).json()) as { status: string; rowsDone: number; percent: number; bound: number }
    let job = await poll()
    for (let i = 0; i < 100 && job.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 200))
      job = await poll()
    }
    expect(job).toMatchObject({ status: 'done', rowsDone: 13, percent: 100, bound: 13 })
    expect(await written(rows)).toEqual({ people: 13, recognised: 13 })
    expect((await db.repos.standings.view(2026, today)).tally(county.id).counted).toBe(12)
    const tree = await db.repos.orgs.tree()
    const village = (await db.repos.orgs.findByName('双沟秀王村'))!
    expect(tree.chain(village.id).map((u) => u.name)).toEqual(['双沟秀王村', '双沟镇', '襄州区', '襄阳市'])
    const list = await fetch(`${server.base}/api/v1/members/import/jobs`, {
      headers: { authorization: `Bearer ${ADMIN}` },
    })
    expect(((await list.json()) as { id: string }[])[0]!.id).toBe(body.job.id)
  } finally {
    await server.close()
  }
})

it('resumes a job where a stopped process left it, and a batch written twice adds no one', async () => {
  const clock = manualClock(new Date('2026-11-20T02:00:00Z'))
  const rows = villageRows(10, '张集')
  const options = { confirm: true, inlineRows: 0, batchRows: 3, owner: 'stopped-process' }
  const { job } = await importRoster(db.repos, table(rows), null, clock, options)
  expect(job).toMatchObject({ status: 'running', rows: 11, rowsDone: 0 })
  // The confirming process wrote the units and three batches of rows, recorded two of them, and stopped.
  const batches = await db.repos.imports.chunks(job!.id, 0)
  const units = await readUnitIndex(db.repos)
  const peopleAt = batches.findIndex((b) => b.kind === 'people')
  for (const batch of batches.slice(0, peopleAt + 3))
    await writeRosterBatch(db.repos, batch as RosterBatch, units, clock.now())
  const recorded = { chunksDone: peopleAt + 2, rowsDone: 6, bound: 6, taken: [] }
  const lease = new Date(clock.now().getTime() + LEASE_MS)
  expect(await db.repos.imports.progress(job!.id, 'stopped-process', recorded, clock.now(), lease)).toBe(true)

  // Held by it until its lease lapses; then another process goes on from the first batch not recorded.
  expect(await runRosterJob({ repos: db.repos, clock }, job!.id, 'next-process')).toBeUndefined()
  clock.set(new Date(clock.now().getTime() + LEASE_MS + 1_000))
  const done = await runRosterJob({ repos: db.repos, clock }, job!.id, 'next-process')
  expect(done).toMatchObject({ status: 'done', rowsDone: 11, bound: 11, taken: [], chunksDone: batches.length })
  expect(await written(rows)).toEqual({ people: 11, recognised: 11 })
  expect(await db.conn.collection('members').countDocuments()).toBe(11)
  expect(await db.conn.collection('import_chunks').countDocuments()).toBe(0)
  // Done is done: running it again writes nothing.
  expect(await runRosterJob({ repos: db.repos, clock }, job!.id, 'next-process')).toMatchObject({ status: 'done' })
  expect(await db.conn.collection('members').countDocuments()).toBe(11)
})

it('writes one roster import at a time: another is refused (409) until the first is in', async () => {
  await db.repos.tokens.bootstrap(ADMIN, new Date())
  const server = await startApiServer(db.repos)
  try {
    const first = await importRoster(db.repos, table(villageRows(3, '龙王')), null, systemClock, {
      confirm: true,
      inlineRows: 0,
      owner: 'another-process',
    })
    const second = ['周秀英,执委,古驿村,龙王镇,wx_zhou']
    const send = (query: string) =>
      fetch(`${server.base}/api/v1/members/import${query}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'text/csv' },
        body: [HEADER, ...second].join('\n'),
      })
    const preview = await send('?preview=1')
    expect(preview.status).toBe(200)
    expect(await preview.json()).toMatchObject({ busy: { status: 'running', percent: 0, rows: 4, rowsDone: 0 } })
    const refused = await send('?confirm=1')
    expect(refused.status).toBe(409)
    expect(await refused.json()).toMatchObject({ imported: 0, busy: { rows: 4 } })
    expect(await db.repos.members.findByName('周秀英')).toEqual([])
    await runRosterJob({ repos: db.repos, clock: systemClock }, first.job!.id, 'another-process')
    const after = await send('?confirm=1')
    expect(after.status).toBe(200)
    expect(await after.json()).toMatchObject({ imported: 1, bound: 1 })
  } finally {
    await server.close()
  }
})

it('stops a job that keeps failing, keeps what it wrote, and lets the next import start', async () => {
  const clock = manualClock(new Date('2026-11-20T02:00:00Z'))
  await db.repos.orgs.ensure('老村', '襄州区')
  const rows = ['王秀英,执委,襄州区,,wx_wang', '李秀兰,执委,老村,襄州区,wx_li']
  const { job } = await importRoster(db.repos, table(rows), null, clock, { confirm: true, inlineRows: 0, batchRows: 1 })
  // The unit its second batch names goes away after the plan was checked: that batch fails every time.
  await db.conn.collection('org_units').deleteOne({ name: '老村' })
  let state: ImportJob | undefined
  for (let attempt = 1; attempt <= MAX_FAILURES; attempt++) {
    clock.set(new Date(clock.now().getTime() + 10 * 60_000))
    state = await runRosterJob({ repos: db.repos, clock }, job!.id, `process-${attempt}`)
    expect(state?.error).toContain('老村')
    if (attempt < MAX_FAILURES) expect(state).toMatchObject({ status: 'running', failures: attempt })
  }
  expect(state).toMatchObject({ status: 'stopped', rowsDone: 1 })
  expect((await db.repos.members.findByName('王秀英')).length).toBe(1)
  expect(await db.repos.imports.current()).toBeUndefined()
  const next = await importRoster(db.repos, table(['赵秀华,执委,襄州区,,wx_zhao']), null, clock, { confirm: true })
  expect(next).toMatchObject({ imported: 1, bound: 1 })
})

it('reads what is there in the same few queries whatever the size of the file, and writes new people by insert only', async () => {
  const cost = async (rows: string[]) => {
    const before = { find: db.commands(['find', 'getMore']), update: db.commands(['update']) }
    const result = await importRoster(db.repos, table(rows), null, systemClock, { confirm: true })
    expect(result).toMatchObject({ imported: rows.length, rejected: [] })
    return { find: db.commands(['find', 'getMore']) - before.find, update: db.commands(['update']) - before.update }
  }
  const small = await cost(villageRows(30, '峪山'))
  const large = await cost(villageRows(600, '古驿'))
  expect(large.find).toBe(small.find)
  // The job's own bookkeeping: taking it, one record per batch (units by level, then rows), and its end.
  expect(large.update).toBe(small.update)
  expect(large.update).toBeLessThanOrEqual(6)
  // The same file again: nothing to write about anyone.
  const again = await cost(villageRows(600, '古驿'))
  expect(again.update).toBeLessThanOrEqual(large.update)
  expect(await db.conn.collection('members').countDocuments()).toBe(31 + 601)
})

it('keeps the copy on her contacts right when a row moves her, changes her role and binds a further WeChat id', async () => {
  const old = await db.repos.orgs.ensure('老村', '襄州区')
  const wang = await db.repos.members.upsertByName({ name: '王芳', role: 'executive', orgId: old.id }, new Date())
  await db.repos.members.bindContact(wang.id, 'wx_wang_a', new Date())
  const file = [[...HEADER.split(','), '原单位'], '王芳,主席,新村,襄州区,wx_wang_b,老村'.split(',')]
  const asked = await importRoster(db.repos, file, null, systemClock, { confirm: false })
  expect(asked).toMatchObject({ needsConfirmation: true, imported: 0 })
  expect(await importRoster(db.repos, file, null, systemClock, { confirm: true })).toMatchObject({
    imported: 1,
    bound: 1,
  })
  // Another process, nothing cached: who each WeChat id is comes from the copy on its contact.
  const fresh = createRepos(db.conn)
  const village = (await fresh.orgs.findByName('新村'))!
  for (const contactId of ['wx_wang_a', 'wx_wang_b'])
    expect(await fresh.members.findByContactId(contactId)).toEqual({
      id: wang.id,
      name: '王芳',
      role: 'chair',
      orgId: village.id,
      contactIds: ['wx_wang_a', 'wx_wang_b'],
    })
  expect(await db.conn.collection('members').countDocuments()).toBe(1)
})

it('gives the place back when the process that was planning an import stopped, and not before its hold lapses', async () => {
  const clock = manualClock(new Date('2026-11-20T02:00:00Z'))
  const reserved = await reserveRosterJob(db.repos, { by: '另一位管理员', scopeOrgId: null }, 'planner', clock.now())
  expect(reserved).toMatchObject({ job: { status: 'planning' } })
  const rows = villageRows(2, '黄集')
  expect(await importRoster(db.repos, table(rows), null, clock, { confirm: true })).toMatchObject({
    imported: 0,
    busy: { status: 'planning', rows: 0 },
  })
  await resumeRosterJobs({ repos: db.repos, clock }, 'worker')
  expect(await db.repos.imports.current()).toMatchObject({ status: 'planning' })
  clock.set(new Date(clock.now().getTime() + LEASE_MS + 1_000))
  await resumeRosterJobs({ repos: db.repos, clock }, 'worker')
  expect(await db.repos.imports.current()).toBeUndefined()
  expect(await importRoster(db.repos, table(rows), null, clock, { confirm: true })).toMatchObject({ imported: 3 })
})
