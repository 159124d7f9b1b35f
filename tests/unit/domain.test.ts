import fc from 'fast-check'
import { countProgress, evaluateProgress, emptyCounts, subjectKey } from '../../src/domain/progress'
import { progressBar, formatItemLine } from '../../src/domain/format-progress'
import { maskSensitive } from '../../src/domain/mask-sensitive'
import { resolveFamily } from '../../src/domain/resolve-family'
import { resolveDate } from '../../src/parser/resolve-date'
import { toLocal, fromLocal, weekStart, addDays } from '../../src/domain/zoned-time'
import { DUTY_KINDS } from '../../src/domain/checklist'

describe('progress counting', () => {
  it('counts distinct representatives, families and organisations, and every other entry', () => {
    const logs = [
      { kind: 'representatives' as const, subjectKey: subjectKey('刘翠花') },
      { kind: 'representatives' as const, subjectKey: subjectKey('刘 翠花') },
      { kind: 'representatives' as const, subjectKey: subjectKey('陈桂英') },
      { kind: 'publicService' as const, subjectKey: subjectKey('义诊') },
      { kind: 'publicService' as const, subjectKey: subjectKey('义诊') },
    ]
    const counts = countProgress(logs, { diary: 2, needsOpen: 1, needsResolved: 0 })
    expect(counts).toMatchObject({ representatives: 2, publicService: 2, poorFamily: 0, diary: 2, needsOpen: 1 })
  })

  it('marks an item done at the low end of its range', () => {
    const counts = { ...emptyCounts(), representatives: 5 }
    const rep = evaluateProgress(counts).find((i) => i.key === 'representatives')!
    expect(rep).toMatchObject({ done: true, min: 5, max: 7 })
    expect(formatItemLine(rep)).toBe('✅ 联系妇女代表 5/5–7 ▓▓▓▓▓░░')
  })

  it('draws bars that never overflow', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.integer({ min: 1, max: 20 }), (count, min) => {
        const bar = progressBar(count, min, min + 2)
        return bar.length === Math.min(min + 2, 10) && /^▓*░*$/.test(bar)
      }),
    )
    expect(progressBar(3, 5, 7)).toBe('▓▓▓░░░░')
  })

  it('has a count for every checklist item in an empty summary, in contract order', () => {
    expect(Object.keys(emptyCounts())).toEqual([...DUTY_KINDS, 'diary', 'needsOpen', 'needsResolved'])
  })
})

describe('maskSensitive', () => {
  it('masks mobile, ID card and landline numbers', () => {
    expect(maskSensitive('电话13812345678')).toBe('电话138****5678')
    expect(maskSensitive('身份证42060219800101123X')).toBe('身份证420602********123X')
    expect(maskSensitive('座机 0710-3456789')).toBe('座机 0710-****789')
  })

  it('leaves dates, amounts and short numbers alone', () => {
    expect(maskSensitive('2026-11-20 资助 3000 元，编号 12')).toBe('2026-11-20 资助 3000 元，编号 12')
  })

  it('never leaves an 11-digit mobile number whole', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), fc.string({ maxLength: 10 }), (phone, around) => {
        return !maskSensitive(`${around}${phone}${around}`).includes(phone)
      }),
    )
  })
})

describe('dates in China time', () => {
  const today = { year: 2026, month: 11, day: 22 }

  it('resolves relative and month-day dates', () => {
    expect(resolveDate({ type: 'relative', daysAgo: 1 }, today)).toEqual({
      ok: true,
      date: { year: 2026, month: 11, day: 21 },
    })
    expect(resolveDate({ type: 'absolute', month: 11, day: 20 }, today)).toEqual({
      ok: true,
      date: { year: 2026, month: 11, day: 20 },
    })
  })

  it('puts a month-day later than today into last year', () => {
    expect(resolveDate({ type: 'absolute', month: 12, day: 30 }, { year: 2027, month: 1, day: 2 })).toEqual({
      ok: true,
      date: { year: 2026, month: 12, day: 30 },
    })
  })

  it('refuses future, impossible and too old dates with a sentence', () => {
    expect(resolveDate({ type: 'absolute', year: 2026, month: 12, day: 1 }, today)).toEqual({
      ok: false,
      message: '日期不能晚于今天：事情做完后再来记录。',
    })
    expect(resolveDate({ type: 'relative', daysAgo: -1 }, today)).toMatchObject({ ok: false })
    expect(resolveDate({ type: 'absolute', month: 2, day: 30 }, today)).toMatchObject({ ok: false })
    expect(resolveDate({ type: 'absolute', year: 2020, month: 1, day: 1 }, today)).toMatchObject({ ok: false })
  })

  it('converts instants to Shanghai wall-clock time and back', () => {
    const local = toLocal(new Date('2026-12-31T16:30:00Z'), 'Asia/Shanghai')
    expect(local).toMatchObject({ year: 2027, month: 1, day: 1, hour: 0, minute: 30, weekday: 5 })
    expect(fromLocal({ year: 2027, month: 1, day: 1 }, 'Asia/Shanghai', 0, 30).toISOString()).toBe(
      '2026-12-31T16:30:00.000Z',
    )
  })

  it('starts weeks on Monday', () => {
    expect(weekStart({ year: 2026, month: 11, day: 22 })).toEqual({ year: 2026, month: 11, day: 16 })
    expect(weekStart({ year: 2026, month: 11, day: 16 })).toEqual({ year: 2026, month: 11, day: 16 })
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), (n) => {
        const d = addDays({ year: 2025, month: 1, day: 1 }, n)
        const start = weekStart(d)
        const wd = toLocal(fromLocal(start, 'Asia/Shanghai', 12), 'Asia/Shanghai').weekday
        return wd === 1
      }),
    )
  })
})

describe('resolveFamily', () => {
  it('takes the family the phrase starts with, the longest name first', () => {
    expect(resolveFamily('王家孩子申请到助学金', ['李家', '王家'])).toEqual({
      ok: true,
      family: '王家',
      problem: '孩子申请到助学金',
    })
    expect(resolveFamily('王大姐家办了低保', ['王家', '王大姐家'])).toEqual({
      ok: true,
      family: '王大姐家',
      problem: '办了低保',
    })
  })

  it('takes her only family when the phrase names none', () => {
    expect(resolveFamily('办了低保', ['王家'])).toEqual({ ok: true, family: '王家', problem: '办了低保' })
  })

  it('asks when the problem is missing, no family is known, or several are', () => {
    expect(resolveFamily('王家', ['王家'])).toEqual({ ok: false, reason: 'noProblem' })
    expect(resolveFamily('办了低保', [])).toEqual({ ok: false, reason: 'unknownFamily' })
    expect(resolveFamily('办了低保', ['王家', '李家'])).toEqual({
      ok: false,
      reason: 'whichFamily',
      families: ['王家', '李家'],
    })
  })
})
