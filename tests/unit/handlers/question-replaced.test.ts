/** Her own question replaced by her next one in the same chat is said to be gone, never dropped in silence (ID-12). */
import { createHandlerHarness } from '../../support/handler-harness'

it('tells her the earlier question no longer waits, and her 1 answers the newer one', async () => {
  const h = createHandlerHarness({ at: '2026-11-23T10:00:00+08:00' })
  await h.roster([{ name: '王芳', role: 'executive', org: '白庙村', parent: '樊城区' }])
  await h.say({ from: '王芳', text: '今天上午去看了张桂兰' })
  expect(h.take()[0]!.text).toContain('张桂兰')
  await h.say({ from: '王芳', text: '昨天写了篇调研报告，题目是农村留守妇女就业' })
  const second = h.take()[0]!.text
  expect(second).toMatch(/上一个问题“联系妇女代表「张桂兰」.*”不再等回复；要记它，请再发一次。/)
  await h.say({ from: '王芳', text: '1' })
  expect(h.take()[0]!.text).toContain('撰写调研报告')
})
