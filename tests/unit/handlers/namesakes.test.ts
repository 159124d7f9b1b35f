/**
 * A name that extends or shortens one she logged (张丽 / 张丽华, 李梅 / 李梅芳, 代表1 / 代表12) is asked
 * about, never merged silently: in a sentence, with a `#` command and with a mistyped command word.
 */
import { createHandlerHarness } from '../../support/handler-harness'

async function world(logged: string[]) {
  const h = createHandlerHarness({ at: '2026-11-23T10:00:00+08:00' })
  await h.roster([{ name: '张秀英', role: 'executive', org: '白庙村' }])
  for (const name of logged) await h.say({ from: '张秀英', text: `#联系 ${name} 3月1日` })
  h.take()
  const records = async () => {
    await h.say({ from: '张秀英', text: '#我的记录' })
    return h.take()[0]!.text
  }
  return { h, records }
}

describe.each([
  ['张丽', '张丽华'],
  ['张丽华', '张丽'],
  ['李梅', '李梅芳'],
  ['代表1', '代表12'],
  ['代表12', '代表1'],
])('logged %s, then %s', (logged, typed) => {
  it(`#联系 ${typed} is asked about, and "1" records ${typed} as another woman`, async () => {
    const { h, records } = await world([logged])
    await h.say({ from: '张秀英', text: `#联系 ${typed}` })
    const asked = h.take()[0]!.text
    expect(asked).toContain(`“${typed}”和您记过的「${logged}」只差一两个字，是同一个人吗？`)
    expect(asked).toMatch(new RegExp(`回复 1 不是，是新的一位（记为联系妇女代表「${typed}」`))
    expect(await records()).not.toMatch(new RegExp(`「${typed}」`))
    await h.say({ from: '张秀英', text: '1' })
    expect(h.take()[0]!.text).toContain(`已记录：联系妇女代表「${typed}」`)
  })

  it(`#联系 ${typed} then "2" records the one she logged`, async () => {
    const { h } = await world([logged])
    await h.say({ from: '张秀英', text: `#联系 ${typed}` })
    h.take()
    await h.say({ from: '张秀英', text: '2' })
    expect(h.take()[0]!.text).toContain(`已记录：联系妇女代表「${logged}」`)
  })
})

describe('in a sentence', () => {
  it.each([
    ['今天去看了李梅芳，聊了聊孩子上学', '李梅芳', '李梅'],
    ['新认识了一个代表叫刘翠，今天去她家看了看', '刘翠', '刘翠花'],
    ['去了低保户王建家，他家就他跟老母亲两个人', '王建家', '王建国家'],
  ])('“%s” proposes %s as written and asks whether she is %s', async (text, written, logged) => {
    const h = createHandlerHarness({ at: '2026-11-23T10:00:00+08:00' })
    await h.roster([{ name: '张秀英', role: 'executive', org: '白庙村' }])
    await h.say({ from: '张秀英', text: '#联系 刘翠花 3月1日' })
    await h.say({ from: '张秀英', text: '#联系 李梅 3月1日' })
    await h.say({ from: '张秀英', text: '#帮扶 王建国家 3月1日' })
    h.take()
    await h.say({ from: '张秀英', text })
    const asked = h.take()[0]!.text
    expect(asked).toContain(`「${written}」和您记过的「${logged}」只差一两个字：是同一个人吗？`)
    expect(asked).toMatch(/回复 1 记下（不是同一人，按写的名字记）/)
    expect(asked).toMatch(new RegExp(`回复 2 是同一个人，记为「${logged}」`))
  })

  it('reads 李梅说 and 李梅姐 as 李梅 (what follows a name is not part of it)', async () => {
    const h = createHandlerHarness({ at: '2026-11-23T10:00:00+08:00' })
    await h.roster([{ name: '张秀英', role: 'executive', org: '白庙村' }])
    await h.say({ from: '张秀英', text: '#联系 李梅 3月1日' })
    h.take()
    await h.say({ from: '张秀英', text: '今天去看了李梅姐，李梅说她们组想学电商' })
    const asked = h.take()[0]!.text
    expect(asked).toContain('联系妇女代表「李梅」（今天）')
    expect(asked).not.toContain('只差一两个字')
  })
})
