import type { Repos } from '../../src/repos/create-repos'
import type { Member, OrgSettings, Role } from '../../src/domain/entities'
import { DUTY_KINDS, type DutyKind } from '../../src/domain/checklist'
import { buildOrgTree, type OrgTree } from '../../src/domain/org-tree'
import { emptyCounts, type ProgressCounts } from '../../src/domain/progress'
import { recordDuties, registerRoster } from './fixtures'

/**
 * A province → city → district → township → village federation, the shape the leaders' views must hold
 * for: who is in each unit, and how many checklist items each has done (0 with `started`: one contact
 * logged, nothing complete; 0 without it: no record at all this year).
 */
export const UNITS: { name: string; parent?: string }[] = [
  { name: '湖北省' },
  { name: '襄阳市', parent: '湖北省' },
  { name: '十堰市', parent: '湖北省' },
  { name: '樊城区', parent: '襄阳市' },
  { name: '襄城区', parent: '襄阳市' },
  { name: '太平店镇', parent: '樊城区' },
  { name: '牛首镇', parent: '樊城区' },
  { name: '新农村', parent: '太平店镇' },
  { name: '白庙村', parent: '太平店镇' },
  { name: '竹条村', parent: '牛首镇' },
]

export interface PersonSpec {
  name: string
  role: Role
  org: string
  done: number
  started?: boolean
}

export const PEOPLE: PersonSpec[] = [
  { name: '省主席', role: 'chair', org: '湖北省', done: 2 },
  { name: '省管理员', role: 'admin', org: '湖北省', done: 0 },
  { name: '省执委甲', role: 'executive', org: '湖北省', done: 7 },
  { name: '省执委乙', role: 'executive', org: '湖北省', done: 3 },
  { name: '市主席', role: 'chair', org: '襄阳市', done: 8 },
  { name: '市执委甲', role: 'executive', org: '襄阳市', done: 6 },
  { name: '市执委乙', role: 'executive', org: '襄阳市', done: 0 },
  { name: '区执委甲', role: 'executive', org: '樊城区', done: 8 },
  { name: '区执委乙', role: 'executive', org: '樊城区', done: 2 },
  { name: '镇执委', role: 'executive', org: '太平店镇', done: 5 },
  { name: '陈红', role: 'executive', org: '新农村', done: 6 },
  { name: '李梅', role: 'executive', org: '新农村', done: 4 },
  { name: '赵敏', role: 'executive', org: '新农村', done: 0, started: true },
  { name: '村主席', role: 'chair', org: '新农村', done: 1 },
  { name: '王芳', role: 'executive', org: '白庙村', done: 7 },
  { name: '刘英', role: 'executive', org: '白庙村', done: 0 },
  { name: '牛首执委', role: 'executive', org: '牛首镇', done: 3 },
  { name: '孙丽', role: 'executive', org: '竹条村', done: 6 },
  { name: '周静', role: 'executive', org: '竹条村', done: 1 },
  { name: '襄城执委甲', role: 'executive', org: '襄城区', done: 5 },
  { name: '襄城执委乙', role: 'executive', org: '襄城区', done: 6 },
  { name: '十堰执委甲', role: 'executive', org: '十堰市', done: 2 },
  { name: '十堰执委乙', role: 'executive', org: '十堰市', done: 8 },
  { name: '十堰执委丙', role: 'executive', org: '十堰市', done: 0 },
]

/** Her records: the first `done` checklist items complete (five distinct representatives for the first). */
export function itemsOf(spec: PersonSpec): { kind: DutyKind; subject: string }[] {
  const items: { kind: DutyKind; subject: string }[] = []
  DUTY_KINDS.slice(0, spec.done).forEach((kind) => {
    const n = kind === 'representatives' ? 5 : 1
    for (let i = 0; i < n; i++) items.push({ kind, subject: `${spec.name}的${kind}${i}` })
  })
  if (spec.done === 0 && spec.started) items.push({ kind: 'representatives', subject: `${spec.name}的代表` })
  return items
}

/** Counts as the ledger would keep them for these records. */
export function countsOf(spec: PersonSpec): ProgressCounts {
  const counts = emptyCounts()
  for (const item of itemsOf(spec)) counts[item.kind]++
  return counts
}

/** The tree, members and counts in memory, for pure tests of the roll-up and the views. */
export function fiveLevelInMemory(settings: Record<string, OrgSettings> = {}): {
  tree: OrgTree
  members: Member[]
  counts: Map<string, ProgressCounts>
} {
  const id = (name: string) => `org:${name}`
  const units = UNITS.map((u) => {
    const chain: string[] = []
    for (let p = u.parent; p; p = UNITS.find((x) => x.name === p)?.parent) chain.unshift(id(p))
    return {
      id: id(u.name),
      name: u.name,
      parentId: u.parent ? id(u.parent) : null,
      ancestors: chain,
      settings: settings[u.name] ?? {},
      rotation: null,
    }
  })
  const members = PEOPLE.map((p) => ({
    id: `m:${p.name}`,
    name: p.name,
    role: p.role,
    orgId: id(p.org),
    contactIds: [],
  }))
  const counts = new Map(PEOPLE.map((p) => [`m:${p.name}`, countsOf(p)]))
  return { tree: buildOrgTree(units), members, counts }
}

/** The same federation in a database (or the in-memory repositories), with every record logged. */
export async function seedFiveLevel(
  repos: Pick<Repos, 'orgs' | 'members' | 'progress'>,
  now = new Date('2026-11-16T01:00:00Z'),
  /** The WeChat id each person writes from (default: the simulator's contact of her name). */
  contactIdOf?: (name: string) => string,
): Promise<Record<string, Member>> {
  for (const u of UNITS) await repos.orgs.ensure(u.name, u.parent)
  const people = await registerRoster(
    repos,
    PEOPLE.map((p) => ({ name: p.name, role: p.role, org: p.org })),
    now,
    { contactIdOf },
  )
  for (const spec of PEOPLE) {
    const items = itemsOf(spec)
    if (items.length && spec.role !== 'admin') await recordDuties(repos, people[spec.name]!, items, now)
  }
  return people
}
