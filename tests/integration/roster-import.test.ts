/** Roster import: all or nothing, whatever the cells hold. */
import iconv from 'iconv-lite'
import { openTestDb, type TestDb } from '../support/test-db'
import { startApiServer } from '../support/api-server'
import { registerRoster } from '../support/fixtures'

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
    body: ['姓名,角色,单位,上级单位,微信号', ...rows].join('\n'),
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
    expect(body).toEqual({
      imported: 0,
      rejected: [{ line: 3, reason: `角色“${word}”无法识别（执委、主席、管理员）` }],
    })
    expect(await db.repos.orgs.findByName(`先行镇${word}`)).toBeUndefined()
  })

  it('is plain text in the other cells', async () => {
    const { status, body } = await upload([`${word},执委,${word}镇,${word},wx_${word}`])
    expect({ status, body }).toEqual({ status: 200, body: { imported: 1, rejected: [] } })
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

  it('cannot move or re-role someone registered outside her units by naming her', async () => {
    const { status, body } = await upload(['丁四,执委,樊城区,,', '刘四,管理员,樊城区,,'], districtAdmin)
    expect(status).toBe(400)
    expect(body.rejected[0]!.reason).toContain('刘四')
    const liu = await db.repos.members.findByContactId('wxid_liusi')
    expect(liu?.role).toBe('executive')
    expect((await db.repos.orgs.findById(liu!.orgId))?.name).toBe('襄城区')
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
  expect(await res.json()).toEqual({ imported: 1, rejected: [] })
  const member = await db.repos.members.findByContactId('wxid_xinba')
  expect(member?.name).toBe('辛八')
  expect((await db.repos.orgs.findById(member!.orgId))?.name).toBe('太平店镇')
})

it('refuses a CSV with a quote left open, instead of reading the rest of the file as one cell', async () => {
  const { status, body } = await upload(['"辛九,执委,樊城区,,wxid_xinjiu', '壬十,执委,樊城区,,wxid_renshi'])
  expect(status).toBe(400)
  expect(body.rejected[0]!.reason).toContain('引号（"）没有配对')
  expect(await db.repos.members.findByContactId('wxid_renshi')).toBeUndefined()
})
