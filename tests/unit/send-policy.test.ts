import fc from 'fast-check'
import { defaultSendPolicy, nextSendTime, outsideQuiet, planSends, type SendPolicy } from '../../src/domain/send-policy'
import { toLocal } from '../../src/domain/zoned-time'

const policy: SendPolicy = defaultSendPolicy('Asia/Shanghai', ['2026-10-01'])
const at = (iso: string) => new Date(iso)

describe('send policy', () => {
  it('waits 3–5 s between different targets and 1 s for the same one', () => {
    const last = at('2026-11-16T10:00:00+08:00')
    const state = { lastSentAt: last, lastTarget: 'room:a', recent: [last] }
    expect(nextSendTime(state, 'room:a', last, policy, false, 0.5).getTime() - last.getTime()).toBe(1_000)
    expect(nextSendTime(state, 'room:b', last, policy, false, 0).getTime() - last.getTime()).toBe(3_000)
    expect(nextSendTime(state, 'room:b', last, policy, false, 1).getTime() - last.getTime()).toBe(5_000)
  })

  it('moves anything in quiet hours to 07:30, across midnight', () => {
    expect(outsideQuiet(at('2026-11-16T22:30:00+08:00'), policy, false).toISOString()).toBe(
      at('2026-11-17T07:30:00+08:00').toISOString(),
    )
    expect(outsideQuiet(at('2026-11-17T03:00:00+08:00'), policy, false).toISOString()).toBe(
      at('2026-11-17T07:30:00+08:00').toISOString(),
    )
    expect(outsideQuiet(at('2026-11-17T07:30:00+08:00'), policy, false).toISOString()).toBe(
      at('2026-11-17T07:30:00+08:00').toISOString(),
    )
  })

  it('holds scheduled posts over a rest day but not other messages', () => {
    const holiday = at('2026-10-01T09:00:00+08:00')
    expect(outsideQuiet(holiday, policy, true).toISOString()).toBe(at('2026-10-02T07:30:00+08:00').toISOString())
    expect(outsideQuiet(holiday, policy, false).toISOString()).toBe(holiday.toISOString())
  })

  it('plans a notice to 1,000 groups within every cap and outside quiet hours', () => {
    const targets = Array.from({ length: 1000 }, (_, i) => `room:${i}`)
    const start = at('2026-11-16T20:00:00+08:00')
    const plan = planSends(targets, { recent: [] }, start, policy, false, () => 0.5)
    for (let i = 1; i < plan.length; i++)
      expect(plan[i]!.getTime() - plan[i - 1]!.getTime()).toBeGreaterThanOrEqual(3_000)
    for (let i = policy.perMinute; i < plan.length; i++) {
      expect(plan[i]!.getTime() - plan[i - policy.perMinute]!.getTime()).toBeGreaterThanOrEqual(60_000)
    }
    for (let i = policy.perDay; i < plan.length; i++) {
      expect(plan[i]!.getTime() - plan[i - policy.perDay]!.getTime()).toBeGreaterThanOrEqual(86_400_000)
    }
    for (const t of plan) {
      const local = toLocal(t, 'Asia/Shanghai')
      const minutes = local.hour * 60 + local.minute
      expect(minutes >= 7 * 60 + 30 && minutes < 22 * 60).toBe(true)
    }
  })

  it('never plans a send earlier than asked, whatever the history', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 86_000_000 }), { maxLength: 50 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (offsets, r) => {
          const base = at('2026-11-16T12:00:00+08:00').getTime()
          const recent = offsets.map((o) => new Date(base - o)).sort((a, b) => a.getTime() - b.getTime())
          const state = { lastSentAt: recent.at(-1), lastTarget: 'room:x', recent }
          return nextSendTime(state, 'room:y', new Date(base), policy, false, r).getTime() >= base
        },
      ),
    )
  })
})
