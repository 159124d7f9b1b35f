import type { Role } from './entities'
import { LIMITS } from './vocabulary'
import { nameRefusal } from './name-refusal'

export interface RosterRow {
  line: number
  name: string
  role: Role
  org: string
  parent?: string
  wechatId?: string
  /** 原单位: she moves from this unit to `org` (a person never moves by a name match alone). */
  fromOrg?: string
}

export interface RejectedRow {
  line: number
  reason: string
}

/** A Map, not an object literal: a cell reading __proto__ or constructor must not find Object.prototype's. */
const ROLES = new Map<string, Role>([
  ['执委', 'executive'],
  ['executive', 'executive'],
  ['主席', 'chair'],
  ['副主席', 'chair'],
  ['chair', 'chair'],
  ['管理员', 'admin'],
  ['妇联干部', 'admin'],
  ['admin', 'admin'],
])
const HEADERS = {
  name: '姓名',
  role: '角色',
  org: '单位',
  parent: '上级单位',
  wechatId: '微信号',
  fromOrg: '原单位',
} as const

/** Cells an admin typed whose invisible characters would make two names that look alike differ. */
const TYPED = [
  ['name', '姓名'],
  ['org', '单位'],
  ['parent', '上级单位'],
  ['fromOrg', '原单位'],
] as const

/**
 * Table rows (first row: Chinese headers) to roster entries, with every rejected row and why. The
 * caller imports nothing unless every row is good.
 */
export function readRosterTable(table: string[][]): { rows: RosterRow[]; rejected: RejectedRow[] } {
  const [header, ...body] = table
  if (!header) return { rows: [], rejected: [{ line: 1, reason: '文件是空的' }] }
  const col = (h: string) => header.findIndex((x) => x.trim() === h)
  const idx = {
    name: col(HEADERS.name),
    role: col(HEADERS.role),
    org: col(HEADERS.org),
    parent: col(HEADERS.parent),
    wechatId: col(HEADERS.wechatId),
    fromOrg: col(HEADERS.fromOrg),
  }
  const missing = (['name', 'role', 'org'] as const).filter((k) => idx[k] < 0).map((k) => HEADERS[k])
  if (missing.length) return { rows: [], rejected: [{ line: 1, reason: `缺少表头：${missing.join('、')}` }] }
  const rows: RosterRow[] = []
  const rejected: RejectedRow[] = []
  const seen = new Map<string, number>()
  body.forEach((cells, i) => {
    const line = i + 2
    const get = (k: keyof typeof idx) => (idx[k] >= 0 ? (cells[idx[k]] ?? '').trim() : '')
    const name = get('name')
    const role = ROLES.get(get('role'))
    const org = get('org')
    const reasons: string[] = []
    if (!name) reasons.push('姓名为空')
    else if (name.length > LIMITS.name) reasons.push(`姓名超过 ${LIMITS.name} 字`)
    if (!role) reasons.push(`角色“${get('role')}”无法识别（执委、主席、管理员）`)
    if (!org) reasons.push('单位为空')
    else if (org.length > LIMITS.name) reasons.push(`单位名称超过 ${LIMITS.name} 字`)
    if (get('parent').length > LIMITS.name) reasons.push(`上级单位名称超过 ${LIMITS.name} 字`)
    if (get('wechatId') && !/^[\w-]{3,64}$/.test(get('wechatId'))) reasons.push('微信号格式不对')
    if (get('fromOrg').length > LIMITS.name) reasons.push(`原单位名称超过 ${LIMITS.name} 字`)
    for (const [key, field] of TYPED) {
      const refusal = nameRefusal(get(key), field)
      if (refusal) reasons.push(refusal)
    }
    // One person is a name in a unit: two 王芳 in two villages are two rows, one 王芳 twice in one is not.
    const person = `${name}\u0000${org}`
    if (name && seen.has(person)) reasons.push(`与第 ${seen.get(person)} 行是同一单位的同一人`)
    if (name) seen.set(person, line)
    if (reasons.length) rejected.push({ line, reason: reasons.join('；') })
    else
      rows.push({
        line,
        name,
        role: role!,
        org,
        parent: get('parent') || undefined,
        wechatId: get('wechatId') || undefined,
        fromOrg: get('fromOrg') || undefined,
      })
  })
  return { rows, rejected }
}
