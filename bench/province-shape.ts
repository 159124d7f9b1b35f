import { Types, type Connection } from 'mongoose'
import { DUTY_KINDS } from '../src/domain/checklist'
import { countLedger, lastDiaryOf, type LedgerItem } from '../src/domain/ledger'
import { simulatorContactId } from '../bots/simulator-world'

/** The levels above the villages; villages hold two executives each. */
export interface ProvinceShape {
  cities: number
  districts: number
  townships: number
}

/** The province: 1 province, 12 cities, ~100 districts, ~1,000 townships, villages below. */
export const PROVINCE: ProvinceShape = { cities: 12, districts: 100, townships: 1_000 }
/** The same shape, small: for the smoke run. */
export const SMALL_PROVINCE: ProvinceShape = { cities: 3, districts: 6, townships: 20 }

export const PROVINCE_NAME = '省妇联'
export const PROVINCE_CHAIR = '省主席'
const EXECUTIVES_PER_VILLAGE = 2

/** One roster row as an admin's file has it (名单导入: 姓名, 角色, 单位, 上级单位). */
export interface ProvinceRow {
  name: string
  role: 'executive' | 'chair'
  org: string
  parent: string | null
}

interface Unit {
  _id: Types.ObjectId
  name: string
  parentId: Types.ObjectId | null
  ancestors: Types.ObjectId[]
  settings: Record<string, never>
  rotation: null
}

/** Every unit, parents before children: the province, its cities, districts, townships and villages. */
export function provinceUnits(shape: ProvinceShape, executives: number): Unit[] {
  const units: Unit[] = []
  const add = (name: string, parent: Unit | null) => {
    const unit: Unit = {
      _id: new Types.ObjectId(),
      name,
      parentId: parent?._id ?? null,
      ancestors: parent ? [...parent.ancestors, parent._id] : [],
      settings: {},
      rotation: null,
    }
    units.push(unit)
    return unit
  }
  const province = add(PROVINCE_NAME, null)
  const level = (count: number, prefix: string, parents: Unit[]) =>
    Array.from({ length: count }, (_, i) =>
      add(`${prefix}${String(i + 1).padStart(5, '0')}`, parents[i % parents.length]!),
    )
  const cities = level(shape.cities, '市', [province])
  const districts = level(shape.districts, '区', cities)
  const townships = level(shape.townships, '镇', districts)
  level(Math.max(1, Math.ceil(executives / EXECUTIVES_PER_VILLAGE)), '村', townships)
  return units
}

/** The roster of a province: each village's executives, and the province's chair. */
export function provinceRows(shape: ProvinceShape, executives: number): ProvinceRow[] {
  const units = provinceUnits(shape, executives)
  const byId = new Map(units.map((u) => [String(u._id), u]))
  const villages = units.filter((u) => u.name.startsWith('村'))
  const parentOf = (u: Unit) => (u.parentId ? byId.get(String(u.parentId))!.name : null)
  return [
    { name: PROVINCE_CHAIR, role: 'chair', org: PROVINCE_NAME, parent: null },
    ...Array.from({ length: executives }, (_, i) => {
      const village = villages[i % villages.length]!
      return { name: `执委${i}`, role: 'executive' as const, org: village.name, parent: parentOf(village) }
    }),
  ]
}

/** Her year's items: 0 to 12 records of varied kinds (some executives have none yet). */
function itemsOf(i: number): LedgerItem[] {
  const n = (i * 7) % 13
  return Array.from({ length: n }, (_, k) => {
    const kind = k % 5 === 4 ? 'diary' : DUTY_KINDS[(i + k) % DUTY_KINDS.length]!
    const subject = kind === 'diary' ? undefined : `对象${(i + k) % 9}`
    return {
      id: `seed-${i}-${k}`,
      kind,
      ...(subject ? { subject, key: subject } : {}),
      date: `2026-${String(1 + ((i + k) % 10)).padStart(2, '0')}-15`,
      at: Date.UTC(2026, (i + k) % 10, 15),
    }
  })
}

const insertAll = async (conn: Connection, name: string, docs: object[]) => {
  for (let i = 0; i < docs.length; i += 5_000) await conn.collection(name).insertMany(docs.slice(i, i + 5_000))
}

/**
 * Writes a province of `executives` straight into the database with bulk inserts (through the message
 * path it would take hours): its units, its executives (two per village) each with her year's items and
 * counts as the year writer keeps them, a chair at the province bound to the simulator's WeChat id, and
 * one bound executives' group per unit. Returns the province's id and how many units and groups.
 */
export async function seedProvince(conn: Connection, shape: ProvinceShape, executives: number, at: Date) {
  const units = provinceUnits(shape, executives)
  const villages = units.filter((u) => u.name.startsWith('村'))
  await insertAll(conn, 'org_units', units)
  const chair = { _id: new Types.ObjectId(), name: PROVINCE_CHAIR, role: 'chair', orgId: units[0]!._id }
  const contactId = simulatorContactId(PROVINCE_CHAIR)
  const members = [
    { ...chair, contactIds: [contactId], createdAt: at },
    ...Array.from({ length: executives }, (_, i) => ({
      _id: new Types.ObjectId(),
      name: `执委${i}`,
      role: 'executive',
      orgId: villages[i % villages.length]!._id,
      contactIds: [],
      createdAt: at,
    })),
  ]
  await insertAll(conn, 'members', members)
  const { _id: memberId, ...copy } = chair
  await conn
    .collection('contacts')
    .insertOne({ _id: contactId as never, memberId, at, member: { ...copy, contactIds: [contactId] } })
  const ledgers = members.slice(1).flatMap((m, i) => {
    const items = itemsOf(i)
    if (items.length === 0) return []
    const counts = countLedger(items)
    return [
      {
        _id: `${m._id}:2026`,
        memberId: m._id,
        orgId: m.orgId,
        year: 2026,
        v: 1,
        items,
        counts,
        lastDiary: lastDiaryOf(items),
        pending: [],
        updatedAt: at,
      },
    ]
  })
  await insertAll(conn, 'ledgers', ledgers)
  const groups = units.map((u, i) => ({
    _id: `province-room-${i}@chatroom`,
    topic: `${u.name}执委工作交流群`,
    kind: 'executive',
    orgId: u._id,
    boundBy: chair._id,
    boundAt: at,
    mentionBehind: false,
  }))
  await insertAll(conn, 'groups', groups)
  return { provinceId: String(units[0]!._id), units: units.length, groups: groups.length, ledgers: ledgers.length }
}
