import type { Role } from './entities'
import { LIMITS } from './vocabulary'

export interface RosterRow {
  line: number
  name: string
  role: Role
  org: string
  parent?: string
  wechatId?: string
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
const HEADERS = { name: '姓名', role: '角色', org: '单位', parent: '上级单位', wechatId: '微信号' } as const

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
    if (name && seen.has(name)) reasons.push(`与第 ${seen.get(name)} 行重名`)
    if (name) seen.set(name, line)
    if (reasons.length) rejected.push({ line, reason: reasons.join('；') })
    else
      rows.push({
        line,
        name,
        role: role!,
        org,
        parent: get('parent') || undefined,
        wechatId: get('wechatId') || undefined,
      })
  })
  return { rows, rejected }
}
