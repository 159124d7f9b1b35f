/** Low items of issue 20: a notice number that is none, and an added word that would take a name. */
import { createHandlerHarness } from '../../support/handler-harness'

const EXEC = '白庙村执委工作交流群'

async function setup() {
  const h = createHandlerHarness({ at: '2026-11-23T10:00:00+08:00' })
  const people = await h.roster([
    { name: '许干部', role: 'admin', org: '白庙村' },
    { name: '王芳', role: 'executive', org: '白庙村' },
  ])
  await h.bindGroup(EXEC, 'executive', '白庙村')
  h.take()
  return { h, wang: people['王芳']! }
}

describe('#收到 with a number that is no notice’s (NO-09)', () => {
  it.each(['-1', '0', '+1', '1.5', '－1'])('refuses #收到 %s and records no receipt', async (n) => {
    const { h } = await setup()
    await h.say({ from: '许干部', text: '#通知 执委群 周五下午三点开会' })
    h.take()
    await h.say({ room: EXEC, from: '王芳', text: `#收到 ${n}` })
    expect(h.take()[0]!.text).toContain('通知编号是 1、2、3 这样的数字')
    await h.say({ from: '许干部', text: '#回执 1' })
    expect(h.take()[0]!.text).toContain('执委已确认 0/')
    await h.say({ room: EXEC, from: '王芳', text: '#收到 1' })
    await h.say({ from: '许干部', text: '#回执 1' })
    expect(h.take().at(-1)!.text).toContain('执委已确认 1/')
  })
})

describe('an added checklist word that begins with a command word and a surname (MS-04)', () => {
  async function withWord() {
    const s = await setup()
    const village = (await s.h.repos.orgs.findByName('白庙村'))!
    await s.h.repos.orgs.setSetting(village.id, 'checklist', {
      added: [
        { key: 'liu', label: '联系刘家', words: ['联系刘'], rule: 'entries', min: 1 },
        { key: 'units', label: '联系单位', words: ['联系单位'], rule: 'distinct', min: 1 },
      ],
    })
    return s
  }

  it('does not take #联系刘翠花: the name glued to #联系 is a representative', async () => {
    const { h, wang } = await withWord()
    await h.say({ room: EXEC, from: '王芳', text: '#联系刘翠花' })
    expect(h.take()[0]!.text).toContain('联系妇女代表「刘翠花」')
    expect((await h.repos.progress.get(wang.id, 2026))!.representatives).toBe(1)
  })

  it('still takes the word written as such, and a word whose rest is no name', async () => {
    const { h } = await withWord()
    await h.say({ room: EXEC, from: '王芳', text: '#联系刘 翠花' })
    expect(h.take()[0]!.text).toContain('联系刘家')
    await h.say({ room: EXEC, from: '王芳', text: '#联系单位县妇幼保健院' })
    expect(h.take()[0]!.text).toContain('联系单位')
  })
})
