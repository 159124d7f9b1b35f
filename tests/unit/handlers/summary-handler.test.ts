/** #汇总 over the in-memory repositories on a five-level federation: figures, rankings, names and scope. */
import { createHandlerHarness } from '../../support/handler-harness'
import { seedFiveLevel } from '../../support/five-level-tree'

async function setup() {
  // 2026-11-23 China time: 6 of 8 items is on track (see domain/standing).
  const h = createHandlerHarness({ at: '2026-11-23T10:00:00+08:00' })
  await seedFiveLevel(h.repos, h.clock.now(), h.contactId)
  return h
}

async function summary(h: Awaited<ReturnType<typeof setup>>, from: string, text: string, room?: string) {
  await h.say({ from, text, room, mention: !!room })
  return h.take().at(-1)!.text
}

describe('#汇总', () => {
  it('gives a province chair a district with its whole subtree, every sub-unit ranked, its own level named', async () => {
    const h = await setup()
    const text = await summary(h, '省主席', '#汇总 樊城区')
    expect(text.split('\n').slice(0, 2)).toEqual([
      '📈 樊城区 2026年履职汇总（含下级单位，执委 11 人）',
      '平均完成 3.8 项；进度正常 4 人（36%），落后 7 人；今年还没有记录 1 人（9%）',
    ])
    expect(text).toContain('· 联系妇女代表 9/11 人完成（82%）')
    expect(text).toContain('1. 太平店镇 3.7 项 · 正常 33% · 无记录 17%（6 人）')
    expect(text).toContain('2. 牛首镇 3.3 项 · 正常 33% · 无记录 0%（3 人）')
    expect(text).toContain('本级落后的执委：区执委乙')
    expect(text).not.toMatch(/李梅|赵敏/)
  })

  it('names everyone behind in a township, with the villages ranked', async () => {
    const h = await setup()
    const text = await summary(h, '省主席', '#汇总 太平店镇')
    expect(text).toContain('1. 白庙村 3.5 项 · 正常 50% · 无记录 50%（2 人）')
    expect(text).toContain('2. 新农村 3.3 项')
    // Behind with something recorded first (fewest items first), then those with nothing this year.
    expect(text).toContain('落后的执委：赵敏、李梅、镇执委、刘英')
  })

  it('counts neither the asking chair nor any admin, and says so by counting executives', async () => {
    const h = await setup()
    const text = await summary(h, '省主席', '#汇总')
    expect(text).toContain('（含下级单位，执委 20 人）')
    expect(text).not.toMatch(/省主席|省管理员|市主席/)
  })

  it('keeps names from an executive and refuses a unit outside a chair’s subtree', async () => {
    const h = await setup()
    const mine = await summary(h, '陈红', '#汇总 湖北省')
    expect(mine).toContain('📈 新农村 2026年履职汇总（执委 3 人）')
    expect(mine).toContain('落后执委名单只对主席和管理员显示。')
    expect(mine).not.toMatch(/赵敏|李梅/)
    expect(await summary(h, '村主席', '#汇总 樊城区')).toBe('樊城区不在您的管辖范围内。')
  })
})
