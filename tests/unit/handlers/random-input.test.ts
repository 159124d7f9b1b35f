/**
 * Whatever people type reaches the message path: it never fails, never answers more than once, and a
 * refused or ignored message changes nothing. In memory, so it tries many inputs in seconds.
 */
import fc from 'fast-check'
import { createHandlerHarness } from '../../support/handler-harness'

const GROUP = '襄阳市执委工作交流群'
const words = [
  ...'#联系 ＃帮扶 #解决 #网群 #社会组织 #公益 #调研 #建议 #日记 #需求 #办结 #进度 #撤销 #汇总 #通知 #收到 #绑定 #帮助 #回执 #轮值 #设置 # @妇联助手'.split(
    ' ',
  ),
]
const xml =
  '<?xml version="1.0"?><msg><appmsg appid="" sdkver="0"><title>链接</title><type>5</type><url>http://x</url></appmsg></msg>'
const messageText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc
    .tuple(
      fc.constantFrom(...words),
      fc.array(
        fc.oneof(
          fc.constantFrom(...words),
          fc.string({ unit: 'grapheme', maxLength: 12 }),
          fc.constantFrom(
            '昨天',
            '13月40日',
            '2026-02-30',
            '第3号',
            '执委群',
            '😀😀',
            '\u3000',
            '__proto__',
            'constructor',
          ),
        ),
        { maxLength: 6 },
      ),
    )
    .map(([w, rest]) => [w, ...rest].join(' ')),
  fc.constant(xml),
  fc.constant('@' + Array.from({ length: 200 }, (_, i) => `成员${i}`).join(' @') + ' #进度'),
  fc.constant('#日记 ' + '很'.repeat(100_000)),
  fc.constant('#联系 ' + '刘'.repeat(100_000)),
)

describe('the message path under random input', () => {
  it('never fails, never answers twice, and a refused or ignored message changes nothing', async () => {
    const h = createHandlerHarness()
    const people = await h.roster([
      { name: '张三', role: 'executive', org: '襄阳市' },
      { name: '李干部', role: 'admin', org: '襄阳市' },
    ])
    await h.bindGroup(GROUP, 'executive', '襄阳市')
    const state = async () =>
      JSON.stringify([
        await h.repos.progress.ledger(people['张三']!.id, 2026),
        await h.repos.progress.ledger(people['张三']!.id, 2025),
        await h.repos.notices.listRecent(undefined, 100),
        await h.repos.groups.listBound(['executive', 'constituent']),
      ])
    await fc.assert(
      fc.asyncProperty(
        messageText,
        fc.constantFrom('张三', '李干部', '路人'),
        fc.boolean(),
        async (text, from, inGroup) => {
          h.take()
          const before = await state()
          const outcome = await h.say({ from, text, room: inGroup ? GROUP : undefined })
          const replies = h
            .take()
            .filter((m) => (inGroup ? m.room === GROUP && m.mentions.includes(from) : m.to === from))
          expect(outcome).not.toBe('failed')
          expect(replies.length).toBeLessThanOrEqual(1)
          for (const r of replies) expect(r.text.length).toBeGreaterThan(0)
          if (outcome === 'userError' || outcome === 'ignored') expect(await state()).toEqual(before)
        },
      ),
      { numRuns: 1000, seed: 20261123 },
    )
  }, 60_000)
})
