import { composeUnitReport } from '../../src/domain/compose-unit-report'
import { levelReport } from '../../src/domain/level-report'
import { buildOrgTree, type OrgTree } from '../../src/domain/org-tree'
import { progressPage, readCursor } from '../../src/domain/progress-page'
import type { OrgSettings } from '../../src/domain/entities'
import type { ProgressCounts } from '../../src/domain/progress'
import { createStandingsRepo, type CountsRow, type RosterEntry } from '../../src/repos/standings-repo'
import { fiveLevelInMemory } from '../support/five-level-tree'

const today = { year: 2026, month: 11, day: 23 }

/** The real standings over sources in memory that a test changes as it goes; `reads` counts count reads. */
function standingsOver(settings: Record<string, OrgSettings> = {}) {
  const world = fiveLevelInMemory(settings)
  let tree: OrgTree = world.tree
  const roster: RosterEntry[] = world.members.filter((m) => m.role !== 'admin')
  const rows = new Map<string, CountsRow>(
    [...world.counts].map(([memberId, counts]) => [memberId, { memberId, v: 1, counts }]),
  )
  const reads: (Date | undefined)[] = []
  let clock = 1_000_000
  const standings = createStandingsRepo(
    {
      tree: async () => tree,
      roster: async () => roster.map((m) => ({ ...m })),
      rosterOf: async (ids) => roster.filter((m) => ids.includes(m.id)),
      counts: async (_year, since) => (reads.push(since), [...rows.values()]),
    },
    { now: () => clock },
  )
  return {
    world,
    standings,
    roster,
    rows,
    reads,
    tick: (ms: number) => (clock += ms),
    setTree: (t: OrgTree) => (tree = t),
    view: () => standings.view(2026, today),
  }
}

const idOf = (tree: OrgTree, name: string) => tree.all().find((u) => u.name === name)!.id

describe('standings: the roll-up kept per unit', () => {
  it('gives every unit and its children the same figures as the whole roll-up, and names the same people', async () => {
    const s = standingsOver({ 湖北省: { countChairs: true } })
    const view = await s.view()
    for (const unit of s.world.tree.all()) {
      const full = composeUnitReport({ ...s.world, year: 2026, today, rootId: unit.id })
      const level = levelReport(view, unit.id)
      expect(level.unit(unit.id)).toEqual(full.unit(unit.id))
      for (const child of s.world.tree.children(unit.id)) expect(level.unit(child.id)).toEqual(full.unit(child.id))
      expect(level.units).toHaveLength(1 + s.world.tree.children(unit.id).length)
      const named = (r: typeof full) => {
        const v = r.units[0]!
        const kids = r.units.filter((u) => u.parentId === v.orgId && u.counted > 0)
        const small = r.tree.height(v.orgId) <= 1 && v.counted <= 40
        return r.people.filter((p) => kids.length === 0 || small || p.orgId === v.orgId).map((p) => p.displayName)
      }
      expect(named(level).sort()).toEqual(named(full).sort())
    }
  })

  it('takes in a year this process wrote at once, and never an older version of it', async () => {
    const s = standingsOver()
    const village = idOf(s.world.tree, '新农村')
    const before = (await s.view()).tally(village).done
    const zhao = 'm:赵敏'
    const done: ProgressCounts = { ...s.rows.get(zhao)!.counts, poorFamily: 1, problemSolved: 1 }
    s.standings.noteYear(zhao, 2026, 2, () => done)
    const reads = s.reads.length
    expect((await s.view()).tally(village).done).toBe(before + 2)
    expect(s.reads).toHaveLength(reads) // within the freshness: no read
    // A refresh that read the year before that write (version 1) does not take the count back.
    s.tick(1_500)
    expect((await s.view()).tally(village).done).toBe(before + 2)
    expect(s.reads.length).toBe(reads + 1)
  })

  it('reads what others wrote once a view begins past the freshness, from the last refresh less the margin', async () => {
    const s = standingsOver()
    await s.view()
    expect(s.reads).toEqual([undefined]) // the first read takes the whole year
    s.rows.set('m:刘英', { memberId: 'm:刘英', v: 2, counts: { ...s.rows.get('m:刘英')!.counts, report: 1 } })
    s.tick(500)
    const village = idOf(s.world.tree, '白庙村')
    expect((await s.view()).tally(village).itemsDone.report).toBe(1) // 王芳's only: within 1 s, no read
    s.tick(600)
    expect((await s.view()).tally(village).itemsDone.report).toBe(2)
    expect(s.reads).toHaveLength(2)
    expect(s.reads[1]!.getTime()).toBe(1_000_000 - 15_000)
  })

  it('moves a person whose unit changes, and counts chairs once their federation says so', async () => {
    const s = standingsOver()
    const [xinnong, baimiao] = ['新农村', '白庙村'].map((n) => idOf(s.world.tree, n))
    const before = await s.view()
    const [a, b] = [before.tally(xinnong!).counted, before.tally(baimiao!).counted]
    const chen = s.roster.find((m) => m.name === '陈红')!
    chen.orgId = baimiao!
    s.standings.rosterChanged()
    const after = await s.view()
    expect([after.tally(xinnong!).counted, after.tally(baimiao!).counted]).toEqual([a - 1, b + 1])
    expect(after.people(baimiao!).map((p) => p.name)).toContain('陈红')
    const units = s.world.tree.all().map((u) => (u.name === '湖北省' ? { ...u, settings: { countChairs: true } } : u))
    s.setTree(buildOrgTree(units))
    expect((await s.view()).tally(idOf(s.world.tree, '湖北省')).chairs).toBe(3)
  })
})

describe('progress pages', () => {
  it('lists everyone below a unit once, unit by unit in tree order, by name within a unit', async () => {
    const s = standingsOver()
    const view = await s.view()
    const root = idOf(s.world.tree, '湖北省')
    const seen: string[] = []
    let cursor: string | undefined
    do {
      const page = progressPage(view, [root], 3, cursor ? readCursor(cursor) : undefined)
      expect(page.people.length).toBeLessThanOrEqual(3)
      seen.push(...page.people.map((p) => `${s.world.tree.get(p.orgId)!.name}:${p.name}`))
      cursor = page.next
    } while (cursor)
    const expected = s.world.tree.subtree(root).flatMap((u) => view.people(u.id).map((p) => `${u.name}:${p.name}`))
    expect(seen).toEqual(expected)
    expect(seen).toHaveLength(view.tally(root).counted)
    expect(readCursor('not a cursor')).toBeUndefined()
  })
})
