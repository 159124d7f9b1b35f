import fc from 'fast-check'
import { readConstituentMessage, readGroupPlea } from '../../src/parser/read-constituent'

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

describe('a plea for help posted without @', () => {
  const plea = (text: string) => readGroupPlea(text, '妇联助手')

  it.each([
    '张主任，我家孩子上学的补助咋申请啊？',
    '有没有姐妹知道哪里能做免费的两癌筛查',
    '俺家那口子又喝多了打人，能不能来管管😭',
    '请问村里还办不办那个家政培训了？俺想报名',
    '冬天村里有没有啥手工活可以在家做的？带娃出不去',
    '有冇人知镇上边度有免费嘅育婴师培训？想学😊',
    '我家橙子卖不出去，妇联能不能帮忙想想办法找个销路',
    '俺娘腿脚不行了，想申请个轮椅不知道找谁',
    '谁知道哪有招家政的？我想出去干点活儿',
    '我屋头男人喝了酒就打人，我不晓得找哪个',
    '请问咱这儿有没有免费的妇科检查啊，想去查查',
    '有没有人晓得哪里可以学竹编，我想在家做点手工贴补家用',
  ])('%s is passed on', (text) => expect(plea(text)).toMatchObject({ type: 'constituentRequest' }))

  it.each([
    '今天赶集的人真多😂',
    '刘阿姨家的土鸡蛋还有没有，我想买两斤',
    '谢谢张主任，事情办好了🙏',
    '谢谢张主任上回帮我找的活路🙏',
    '姐妹们，明天降温，家里有老人的注意保暖',
    '有没有人一起去跳广场舞',
    '你好',
    '请问',
  ])('%s is not', (text) => expect(plea(text)).toBeUndefined())

  it('reads any text without throwing, and never passes on an empty request', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const intent = plea(text)
        return intent === undefined || (intent.type === 'constituentRequest' && intent.content.trim().length >= 2)
      }),
    )
  })
})
