import { nameRefusal } from '../../src/domain/name-refusal'
import { checklistRefusal } from '../../src/services/checklist-setting'

/** Names and labels admins type are posted in groups and printed in reports (issue 20, MK-05–07, IN-03). */
describe('nameRefusal', () => {
  it.each([
    ['王秀英13912345678', '像电话、身份证或银行卡的号码（139****5678）'],
    ['王秀英 139 1234 5678', '号码'],
    ['420602198503151234', '号码（420602********1234）'],
    ['王大姐①③⑨①②③④⑤⑥⑦⑧', '号码'],
    ['✏️ 已记录：联系妇女代表「X」', '表情或「」'],
    ['刘翠花🌸', '表情'],
    ['<img src=x onerror=alert(1)>', '<>'],
    ['=1+1', '不能以 = + - @ 开头'],
    ['@SUM(A1)', '不能以 = + - @ 开头'],
    ...['\u00ad', '\u180e', '\u3164', '\u034f', '\u{e0020}', '\uffa0', '\u2800', '\ufe00', '\u17b4', '\u200b'].map(
      (c): [string, string] => [`张${c}三`, '看不见的字符'],
    ),
  ])('%s', (name, reason) => {
    expect(nameRefusal(name, '姓名')).toContain(reason)
  })

  it('passes real names, however rare their characters', () => {
    for (const name of ['张三', '欧阳菲菲', '阿依古丽·买买提', '䶮', '𠮷野', 'Mary（玛丽）', '第3网格', '白庙村一组'])
      expect(nameRefusal(name)).toBeUndefined()
  })
})

describe('checklistRefusal', () => {
  it('refuses a label with a phone number, without repeating it', () => {
    const added = [{ key: 'visits', label: '联系王主任13912345678', words: ['议事'], rule: 'entries' as const, min: 1 }]
    const refusal = checklistRefusal({ added })
    expect(refusal).toContain('139****5678')
    expect(refusal).not.toContain('13912345678')
    expect(checklistRefusal({ added: [{ ...added[0]!, label: '参加议事会2次' }] })).toBeUndefined()
  })
})
