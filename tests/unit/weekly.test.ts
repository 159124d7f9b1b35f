import { weekKey, weekRange } from '../../src/domain/week'
import { parseSlot, hasSlotPassed, describeSlot } from '../../src/domain/weekly-slot'
import { expectedDone } from '../../src/domain/standing'
import { formatWeeklyPost } from '../../src/domain/format-weekly-post'
import { formatSummary } from '../../src/domain/format-summary'
import { emptyCounts } from '../../src/domain/progress'
import { buildOrgTree } from '../../src/domain/org-tree'
import { composeUnitReport } from '../../src/domain/compose-unit-report'
import { weeklyView } from '../../src/domain/weekly-view'
import { parseCommand } from '../../src/parser/parse-command'

describe('weeks and slots', () => {
  it('names ISO weeks, including the ones at the turn of the year', () => {
    expect(weekKey({ year: 2026, month: 11, day: 22 })).toBe('2026-W47')
    expect(weekKey({ year: 2026, month: 11, day: 23 })).toBe('2026-W48')
    expect(weekKey({ year: 2027, month: 1, day: 1 })).toBe('2026-W53')
    expect(weekRange({ year: 2026, month: 11, day: 22 })).toMatchObject({ from: '2026-11-16', to: '2026-11-22' })
  })

  it('reads a weekly time as people write it', () => {
    expect(parseSlot('周一 09:00')).toEqual({ weekday: 1, hour: 9, minute: 0 })
    expect(parseSlot('星期五18点')).toEqual({ weekday: 5, hour: 18, minute: 0 })
    expect(parseSlot('周日 7:30')).toEqual({ weekday: 7, hour: 7, minute: 30 })
    expect(parseSlot('周八 9:00')).toBeUndefined()
    expect(describeSlot({ weekday: 5, hour: 18, minute: 0 })).toBe('周五 18:00')
  })

  it('knows whether this week’s slot has passed, in China time', () => {
    const monday9 = { weekday: 1, hour: 9, minute: 0 }
    expect(hasSlotPassed(monday9, new Date('2026-11-23T08:59:00+08:00'), 'Asia/Shanghai')).toBe(false)
    expect(hasSlotPassed(monday9, new Date('2026-11-23T09:00:00+08:00'), 'Asia/Shanghai')).toBe(true)
    expect(hasSlotPassed(monday9, new Date('2026-11-29T23:00:00+08:00'), 'Asia/Shanghai')).toBe(true)
  })
})

describe('standing and posts', () => {
  const today = { year: 2026, month: 11, day: 23 }
  const done = {
    ...emptyCounts(),
    representatives: 5,
    poorFamily: 1,
    problemSolved: 1,
    onlineGroup: 1,
    socialOrg: 1,
    publicService: 1,
  }
  /** One unit of three: 张三 on track, 刘四 behind, 陈五 with nothing yet. */
  const oneUnit = () => {
    const tree = buildOrgTree([
      { id: 'o', name: '樊城区', parentId: null, ancestors: [], settings: {}, rotation: null },
    ])
    const members = ['张三', '刘四', '陈五'].map((name) => ({ id: name, name, role: 'executive' as const, orgId: 'o' }))
    const counts = new Map([
      ['张三', done],
      ['刘四', { ...emptyCounts(), report: 1 }],
    ])
    return composeUnitReport({ tree, members, counts, year: 2026, today })
  }

  it('expects items in proportion to the year gone by, less one of grace', () => {
    expect(expectedDone({ year: 2026, month: 1, day: 10 }, 8)).toBe(0)
    expect(expectedDone(today, 8)).toBe(6)
  })

  it('writes the weekly post with who is behind, who has nothing yet and the trend', () => {
    const report = oneUnit()
    const text = formatWeeklyPost({
      orgName: '樊城区',
      year: 2026,
      week: 48,
      view: weeklyView(report, 'o'),
      lastWeekAverage: 2,
      onDuty: '刘四',
      spread: { usual: 8, others: [] },
    })
    expect(text).toBe(
      [
        '📊 樊城区 执委履职周报 · 2026年第48周',
        '👩‍💼 本周轮值执委：刘四',
        '执委 3 人，平均完成 2.3/8 项，比上周多 0.3 项',
        '✅ 进度正常 1 人',
        '⚠️ 进度落后 1 人：刘四',
        '⬜ 今年还没有记录 1 人：陈五',
        '发送 #进度 查看自己的清单。',
      ].join('\n'),
    )
  })

  it('keeps names out of a summary that may not carry them', () => {
    const report = oneUnit()
    const base = { year: 2026, view: weeklyView(report, 'o'), children: [] }
    expect(formatSummary({ ...base, names: 'shown' })).toContain('落后的执委：刘四、陈五')
    expect(formatSummary({ ...base, names: 'privateOnly' })).not.toMatch(/刘四|陈五/)
    expect(formatSummary({ ...base, names: 'privateOnly' })).toContain('请私聊我查看')
    // An executive asking in private chat is not sent to private chat for names she may not see.
    expect(formatSummary({ ...base, names: 'leadersOnly' })).not.toMatch(/刘四|陈五|私聊/)
    expect(formatSummary({ ...base, names: 'leadersOnly' })).toContain('只对主席和管理员显示')
  })
})

describe('parser: admin commands of the weekly work', () => {
  const opts = { botName: '妇联助手', requireHash: true }
  it('reads settings, rotation and receipts', () => {
    expect(parseCommand('#设置 点名 开', opts)).toEqual({
      ok: true,
      command: { type: 'setting', setting: { key: 'mentionBehind', on: true } },
    })
    expect(parseCommand('#设置 周报 周二 10:30', opts)).toEqual({
      ok: true,
      command: { type: 'setting', setting: { key: 'weeklyProgress', weekday: 2, hour: 10, minute: 30 } },
    })
    expect(parseCommand('#轮值 张三、李四 王五', opts)).toEqual({
      ok: true,
      command: { type: 'rotation', names: ['张三', '李四', '王五'] },
    })
    expect(parseCommand('#回执 3', opts)).toEqual({ ok: true, command: { type: 'receipts', number: 3 } })
    expect(parseCommand('#设置 周报 明天', opts)).toMatchObject({ ok: false, error: { code: 'badArgument' } })
  })

  it('takes a lone 收到 in a group as an acknowledgement, and nothing else without #', () => {
    expect(parseCommand('收到', opts)).toEqual({ ok: true, command: { type: 'ack' } })
    expect(parseCommand('收到！👍', opts)).toEqual({ ok: true, command: { type: 'ack' } })
    expect(parseCommand('收到了谢谢', opts)).toBeUndefined()
    expect(parseCommand('进度', opts)).toBeUndefined()
  })
})
