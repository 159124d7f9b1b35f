/** Roster import: all or nothing, whatever the cells hold. */
import iconv from 'iconv-lite'
import { openTestDb, type TestDb } from '../support/test-db'
import { startApiServer } from '../support/api-server'
import { registerRoster } from '../support/fixtures'
import { createRepos } from '../../src/repos/create-repos'

const ADMIN = 'roster-import-admin-token-1'
let db: TestDb
let server: Awaited<ReturnType<typeof startApiServer>>
let districtAdmin: string

beforeAll(async () => {
  db = await openTestDb()
  await db.repos.tokens.bootstrap(ADMIN, new Date())
  const people = await registerRoster(db.repos, [
    { name: '王主席', role: 'chair', org: '樊城区', parent: '襄阳市' },
    { name: '刘四', role: 'executive', org: '襄城区', parent: '襄阳市' },
  ])
  await db.repos.members.bindContact(people['刘四']!.id, 'wxid_liusi', new Date())
  districtAdmin = await db.repos.tokens.issue(
    { role: 'admin', orgId: people['王主席']!.orgId, label: '樊城区管理员' },
    new Date(),
  )
  server = await startApiServer(db.repos)
})
afterAll(async () => {
  await server.close()
  await db.close()
})

const upload = async (rows: string[], token = ADMIN) => {
  const res = await fetch(server.base + '/api/v1/members/import', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    body: ['姓名,角色,单位,上级单位,微信号,原单位', ...rows].join('\n'),
  })
  return {
    status: res.status,
    body: (await res.json()) as { imported: number; rejected: { line: number; reason: string }[] },
  }
}

describe.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])('the word %s', (word) => {
  it('is not a role: the file is refused and the good row before it is not imported', async () => {
    const { status, body } = await upload([`先行${word},执委,先行镇${word},樊城区,`, `后来${word},${word},樊城区,,`])
    expect(status).toBe(400)
    expect(body).toMatchObject({
      imported: 0,
      rejected: [{ line: 3, reason: `角色“${word}”无法识别（执委、主席、管理员）` }],
    })
    expect(await db.repos.orgs.findByName(`先行镇${word}`)).toBeUndefined()
  })

  it('is plain text in the other cells', async () => {
    const { status, body } = await upload([`${word},执委,${word}镇,${word},wx_${word}`])
    expect({ status, body }).toMatchObject({ status: 200, body: { imported: 1, rejected: [] } })
    const member = await db.repos.members.findByContactId(`wx_${word}`)
    expect(member).toMatchObject({ name: word, role: 'executive' })
    expect((await db.repos.orgs.findById(member!.orgId))?.name).toBe(`${word}镇`)
  })
})

describe('a scoped admin', () => {
  it('imports nothing when one row lies outside her units, whatever the order', async () => {
    const { status, body } = await upload(
      ['甲一,执委,樊城区,,', '乙二,执委,襄城区,,', '丙三,执委,新镇甲,樊城区,'],
      districtAdmin,
    )
    expect(status).toBe(400)
    expect(body.rejected).toEqual([{ line: 3, reason: '单位“襄城区”不在您的管辖范围内' }])
    expect(await db.repos.orgs.findByName('新镇甲')).toBeUndefined()
  })

  it('cannot move, re-role or rebind someone outside her units by naming her: the row is another person of that name', async () => {
    const { status, body } = await upload(['丁四,执委,樊城区,,', '刘四,管理员,樊城区,,'], districtAdmin)
    expect({ status, imported: body.imported }).toEqual({ status: 200, imported: 2 })
    const liu = await db.repos.members.findByContactId('wxid_liusi')
    expect(liu?.role).toBe('executive')
    expect((await db.repos.orgs.findById(liu!.orgId))?.name).toBe('襄城区')
    expect((await db.repos.members.findByName('刘四')).map((m) => m.role).sort()).toEqual(['admin', 'executive'])
    // Nor by the 原单位 column, nor by re-parenting a unit that is not hers.
    const moved = await upload(
      ['刘四,执委,樊城区,,,襄城区'].map((r) => r),
      districtAdmin,
    )
    expect(moved.status).toBe(400)
    const reparent = await upload(['戊戌,执委,襄城区,樊城区,'], districtAdmin)
    expect(reparent.body.rejected[0]!.reason).toContain('不在您的管辖范围内')
  })
})

it('refuses a WeChat id already bound to someone else, or given twice in the file', async () => {
  const { status, body } = await upload([
    '戊五,执委,樊城区,,wxid_liusi',
    '己六,执委,樊城区,,wxid_same',
    '庚七,执委,樊城区,,wxid_same',
  ])
  expect(status).toBe(400)
  expect(body.rejected.map((r) => r.line)).toEqual([2, 4])
  expect(await db.repos.members.findByContactId('wxid_same')).toBeUndefined()
})

it('imports a roster saved by Excel on Chinese Windows (GBK)', async () => {
  const res = await fetch(server.base + '/api/v1/members/import', {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'text/csv' },
    body: iconv.encode('姓名,角色,单位,上级单位,微信号\r\n辛八,执委,太平店镇,樊城区,wxid_xinba\r\n', 'gbk'),
  })
  expect(await res.json()).toMatchObject({ imported: 1, rejected: [] })
  const member = await db.repos.members.findByContactId('wxid_xinba')
  expect(member?.name).toBe('辛八')
  expect((await db.repos.orgs.findById(member!.orgId))?.name).toBe('太平店镇')
})

describe('changes to people and units already there', () => {
  type Body = { imported: number; changes: { line: number; change: string }[]; needsConfirmation?: boolean }
  const send = async (rows: string[], query = '') => {
    const res = await fetch(server.base + '/api/v1/members/import' + query, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'text/csv' },
      body: ['姓名,角色,单位,上级单位,微信号,原单位', ...rows].join('\n'),
    })
    return { status: res.status, body: (await res.json()) as Body }
  }

  it('lists a new role, a move and a new parent, writes nothing, and writes them all once confirmed', async () => {
    await send(['壬九,执委,白庙村,樊城区,,', '癸十,执委,李庄村,樊城区,,'])
    const rows = ['壬九,主席,白庙村,樊城区,,', '癸十,执委,白庙村,樊城区,,李庄村', '子一,执委,襄阳市,湖北省,,']
    const first = await send(rows)
    expect(first.status).toBe(409)
    expect(first.body).toMatchObject({ imported: 0, needsConfirmation: true })
    expect(first.body.changes.map((c) => c.change)).toEqual([
      '单位“襄阳市”的上级由“无”改为“湖北省”',
      '“壬九”（白庙村）的角色由执委改为主席',
      '“癸十”从“李庄村”调到“白庙村”',
    ])
    expect(await db.repos.orgs.findByName('湖北省')).toBeUndefined()
    const confirmed = await send(rows, '?confirm=1')
    expect(confirmed.status).toBe(200)
    const province = (await db.repos.orgs.findByName('湖北省'))!
    // The city and everything below it now sit under the province.
    const village = (await db.repos.orgs.findByName('白庙村'))!
    expect(await db.repos.orgs.isWithin(village.id, province.id)).toBe(true)
    const [gui] = await db.repos.members.findByName('癸十')
    expect(gui!.orgId).toBe(village.id)
    expect((await db.repos.members.findByName('壬九'))[0]!.role).toBe('chair')
  })
})

describe('the representatives’ list', () => {
  const send = async (rows: string[], token = ADMIN) => {
    const res = await fetch(server.base + '/api/v1/representatives/import', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: ['姓名,单位', ...rows].join('\n'),
    })
    return {
      status: res.status,
      body: (await res.json()) as { imported: number; rejected: { line: number; reason: string }[] },
    }
  }

  it('imports names per unit in scope, all or nothing', async () => {
    const refused = await send(['刘翠花,樊城区', '李梅,襄城区'], districtAdmin)
    expect(refused).toMatchObject({ status: 400, body: { imported: 0, rejected: [{ line: 3 }] } })
    const fan = (await db.repos.orgs.findByName('樊城区'))!
    expect(await db.repos.representatives.namesFor(fan.id)).toEqual([])
    const ok = await send(['刘翠花,樊城区', '李梅,樊城区', '刘翠花,樊城区'], districtAdmin)
    expect(ok).toEqual({ status: 200, body: { imported: 2, rejected: [] } })
    expect((await createRepos(db.conn).representatives.namesFor(fan.id)).sort()).toEqual(['刘翠花', '李梅'])
  })

  it('hands every unit below a list the same array of it, so its index is built once', async () => {
    const repos = createRepos(db.conn)
    const [a, b] = [await repos.orgs.ensure('甲村', '樊城区'), await repos.orgs.ensure('乙村', '樊城区')]
    await repos.representatives.add(a.id, ['赵小红'], new Date())
    const [ownA, districtA] = await repos.representatives.listsFor(a.id)
    const [districtB] = await repos.representatives.listsFor(b.id)
    expect(ownA).toEqual(['赵小红'])
    expect([...districtA!].sort()).toEqual(['刘翠花', '李梅'])
    expect(districtB).toBe(districtA)
  })

  it('lists 10,000 names in a few round trips, and refuses a longer file or a list past 10,000', async () => {
    const names = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'].flatMap((s) =>
      [...'秀丽美玉芳桂兰英华红春梅冬雪晓静小淑金银凤彩云海燕'].flatMap((a) =>
        [...'珍娟萍霞琴莲娥香敏婷娜慧洁颖倩芬瑶琳菊艳'].map((b) => s + a + b),
      ),
    )
    expect(new Set(names).size).toBe(10_000)
    const inserts = db.commands(['insert'])
    expect(await send(names.map((n) => `${n},襄城区`))).toEqual({
      status: 200,
      body: { imported: 10_000, rejected: [] },
    })
    // Batches of 1,000 (and the audit line): not one insert per name.
    expect(db.commands(['insert']) - inserts).toBeLessThanOrEqual(12)
    const xiang = (await db.repos.orgs.findByName('襄城区'))!
    expect((await createRepos(db.conn).representatives.namesFor(xiang.id)).length).toBe(10_000)
    const full = await send(['欧阳菲菲,襄城区'])
    expect(full.status).toBe(400)
    expect(full.body.rejected[0]!.reason).toBe('“襄城区”的代表名单最多 10000 人（已有 10000 人，这次要加 1 人）')
    const long = await send([...names.map((n) => `${n},樊城区`), '欧阳菲菲,樊城区'])
    expect(long).toMatchObject({
      status: 400,
      body: { imported: 0, rejected: [{ reason: '一次最多导入 10000 行，请分几个文件导入' }] },
    })
  }, 120_000)
})

it('refuses a CSV with a quote left open, instead of reading the rest of the file as one cell', async () => {
  const { status, body } = await upload(['"辛九,执委,樊城区,,wxid_xinjiu', '壬十,执委,樊城区,,wxid_renshi'])
  expect(status).toBe(400)
  expect(body.rejected[0]!.reason).toContain('引号（"）没有配对')
  expect(await db.repos.members.findByContactId('wxid_renshi')).toBeUndefined()
})
