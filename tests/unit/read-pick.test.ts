/** Keeping some items of a question of several, never confused with "2-1" (question 2, option 1) or a lone digit. */
import { readIntent } from '../../src/parser/read-intent'

const read = (text: string, inGroup = false) => readIntent({ text, kind: 'text', toBot: !inGroup, inGroup }, '妇联助手')

it.each([
  ['1 3', { type: 'pick', keep: [1, 3] }],
  ['1、3', { type: 'pick', keep: [1, 3] }],
  ['只记1', { type: 'pick', keep: [1] }],
  ['只记第一个和第三个', { type: 'pick', keep: [1, 3] }],
  ['只要2', { type: 'pick', keep: [2] }],
  ['第二个不要', { type: 'pick', drop: [2] }],
  ['不要第二个', { type: 'pick', drop: [2] }],
  ['2不记', { type: 'pick', drop: [2] }],
  ['2-1', { type: 'answer', question: 2, digit: 1 }],
  ['1', { type: 'answer', digit: 1 }],
  ['0', { type: 'answer', digit: 0 }],
  ['改日期 11月16日', { type: 'redate', date: '11月16日' }],
])('“%s”', (text, intent) => {
  expect(read(text)).toEqual(intent)
})

it('reads a report in the group without @ as one to ask about, and chatter as nothing', () => {
  expect(read('今天去低保户孙桂芝家看了看，老人腿脚不好[爱心]', true)).toEqual({
    type: 'groupReport',
    text: '今天去低保户孙桂芝家看了看，老人腿脚不好[爱心]',
  })
  expect(read('大家早上好[太阳]', true)).toBeUndefined()
  expect(read('【转发】关于开展最美家庭评选工作的通知：请各村报送名单', true)).toBeUndefined()
  expect(read('@李梅 你们村的表交了没有', true)).toBeUndefined()
})
