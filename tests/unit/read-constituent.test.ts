import fc from 'fast-check'
import { readConstituentMessage } from '../../src/parser/read-constituent'

const read = (text: string) => readConstituentMessage(text, '妇联助手')

describe('what a constituent asks the bot', () => {
  it.each([
    ['@妇联助手 帮忙找个工作', '帮忙找个工作'],
    ['@妇联助手\u2005想问问两癌筛查在哪报名？', '想问问两癌筛查在哪报名'],
    ['@妇联助手 你好，想问问两癌筛查在哪报名', '你好，想问问两癌筛查在哪报名'],
    ['妇联助手，我家孩子上学的补助怎么申请', '我家孩子上学的补助怎么申请'],
    ['#需求 想参加家政培训', '想参加家政培训'],
    ['＃求助 低保怎么办', '低保怎么办'],
  ])('%s is a request: %s', (text, content) => {
    expect(read(text)).toEqual({ type: 'constituentRequest', content })
  })

  it.each([
    '@妇联助手 你好',
    '@妇联助手',
    '@妇联助手 在吗？',
    '@妇联助手 您好您好🌹',
    '@妇联助手 谢谢！',
    '@妇联助手 你是谁',
    'hi',
  ])('%s is a greeting', (text) => expect(read(text)).toEqual({ type: 'constituentHint', why: 'greeting' }))

  it('reads an executives’ command as one', () => {
    expect(read('#联系 刘翠花')).toEqual({ type: 'constituentHint', why: 'command' })
    expect(read('@妇联助手 #进度')).toEqual({ type: 'constituentHint', why: 'command' })
  })

  it('keeps a long request within the ledger’s limit', () => {
    const intent = read('@妇联助手 ' + '家里困难'.repeat(300))
    expect(intent.type === 'constituentRequest' && [...intent.content].length).toBe(500)
  })

  it('reads any text without throwing, and never passes on an empty request', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const intent = read(text)
        return intent.type === 'constituentHint' || intent.content.trim().length >= 2
      }),
    )
  })
})
