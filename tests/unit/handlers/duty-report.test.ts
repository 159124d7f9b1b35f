import { createHandlerHarness } from '../../support/handler-harness'
import { docxText, reportCount } from '../../support/docx-text'

const EXECUTIVES = '白庙村执委工作交流群'
const CONSTITUENTS = '白庙村联系群众群'

async function setup() {
  const h = createHandlerHarness({ at: '2026-12-07T10:00:00+08:00' })
  await h.roster([
    { name: '许干部', role: 'admin', org: '双沟镇' },
    { name: '刘翠花', role: 'executive', org: '白庙村', parent: '双沟镇' },
    { name: '王芳', role: 'executive', org: '白庙村', parent: '双沟镇' },
  ])
  await h.bindGroup(EXECUTIVES, 'executive', '白庙村')
  await h.bindGroup(CONSTITUENTS, 'constituent', '白庙村')
  return h
}

/** The file the send queue holds for her, if any. */
async function queuedFile(h: Awaited<ReturnType<typeof setup>>) {
  const item = await h.repos.outbox.nextCandidate(h.clock.now(), 'any-account')
  return item?.file ?? undefined
}

describe('#述职', () => {
  it('sends her a Word file of her year: items with names and dates, counts, needs, diary; numbers masked', async () => {
    const h = await setup()
    const typed = [
      '#联系 张桂兰 电话了解家庭情况 3月5日',
      '#联系 李春梅 2026-04-12',
      '#帮扶 王建国家 低保户，孩子上学有困难 3月8日',
      '#解决 王建国家 协调办理了医保报销 4月20日',
      '#日记 走访三户，两户反映孩子放学无人接，电话13812345678 2月21日',
      '#需求 李大姐希望参加家政培训',
    ]
    for (const text of typed) await h.say({ from: '刘翠花', text })
    await h.say({ from: '刘翠花', text: '#办结 1' })
    await h.say({ from: '王芳', text: '#联系 赵玉兰' }) // someone else's record: not in hers
    h.take()

    await h.say({ from: '刘翠花', text: '#述职' })
    const [answer] = h.take()
    expect(answer).toMatchObject({ room: null, to: '刘翠花' })
    expect(answer!.text).toContain('2026年度述职报告（Word 文件）马上发给您')

    const file = await queuedFile(h)
    expect(file?.name).toBe('2026年述职报告（刘翠花）.docx')
    const text = await docxText(file!.data)
    expect(reportCount(text, 2026)).toBe(1)
    expect(text).toContain('姓名\n刘翠花\n单位\n白庙村\n身份\n妇联执委\n述职年度\n2026年')
    expect(text).toContain(
      '本人共记录履职事项 4 条，履职清单 8 项中已完成 2 项；写妇情日记 1 篇；登记妇女需求 1 件，已办结 1 件。',
    )
    expect(text).toContain('（一）联系妇女代表：2 人（目标 5–7 人），未完成。')
    expect(text).toContain('3月5日　张桂兰　电话了解家庭情况')
    expect(text).toContain('4月12日　李春梅')
    expect(text).toContain('3月8日　王建国家　低保户，孩子上学有困难')
    expect(text).toContain('（三）帮助解决问题：1 个（目标 1 个），已完成。')
    expect(text).toContain('4月20日　王建国家　协调办理了医保报销')
    expect(text).toContain('1 号　12月7日登记，12月7日办结：李大姐希望参加家政培训')
    expect(text).toContain('2月21日：走访三户，两户反映孩子放学无人接，电话138****5678')
    expect(text).toContain('四、存在的不足和明年打算')
    expect(text).not.toContain('赵玉兰')
    expect(text).not.toMatch(/13812345678/)
  })

  it('makes last year’s when asked, and refuses a year to come', async () => {
    const h = await setup()
    await h.say({ from: '刘翠花', text: '#述职 去年' })
    expect(h.take()[0]!.text).toContain('2025年度述职报告')
    expect((await queuedFile(h))?.name).toBe('2025年述职报告（刘翠花）.docx')
    await h.say({ from: '刘翠花', text: '#述职 2027' })
    expect(h.take()[0]!.text).toBe('2027年还没到，可以发送 #述职 生成今年的述职报告。')
  })

  it('says when the file will come if she asks in the night, and which year early in a year', async () => {
    const h = await setup()
    h.clock.set(new Date('2027-01-10T23:30:00+08:00'))
    await h.say({ from: '刘翠花', text: '#述职' })
    expect(h.take()[0]!.text).toBe(
      '📄 刘翠花，您的2027年度述职报告（Word 文件）夜里不发消息，1月11日 07:30 后发给您。' +
        '基本情况、履职清单完成情况和妇情日记摘要已按您的记录写好，“存在的不足和明年打算”请您自己填写。\n' +
        '要生成2026年的，请发送 #述职 去年。',
    )
  })

  it('works without # in private chat, and is listed in #帮助', async () => {
    const h = await setup()
    await h.say({ from: '刘翠花', text: '述职' })
    expect(h.take()[0]!.text).toContain('述职报告（Word 文件）马上发给您')
    await h.say({ from: '刘翠花', text: '#帮助' })
    expect(h.take()[0]!.text).toContain('#述职 [去年|年份] — 私聊我：按您的记录生成本年度述职报告')
  })

  it('tells her in the executives’ group to ask privately, and sends nothing there', async () => {
    const h = await setup()
    await h.say({ room: EXECUTIVES, from: '刘翠花', text: '#述职' })
    const [answer] = h.take()
    expect(answer).toMatchObject({ room: EXECUTIVES, mentions: ['刘翠花'] })
    expect(answer!.text).toContain('只能私聊发送。请私聊我发送 #述职。')
    expect(await queuedFile(h)).toBeUndefined()
  })

  it('refuses in a constituents’ group, to strangers, and to an admin without a checklist', async () => {
    const h = await setup()
    await h.say({ room: CONSTITUENTS, from: '刘翠花', text: '#述职' })
    expect(h.take()[0]!.text).toContain('群众群里不处理')
    await h.say({ from: '陌生人', text: '#述职' })
    expect(h.take()[0]!.text).toContain('您还不在执委名单里')
    await h.say({ from: '许干部', text: '#述职' })
    expect(h.take()[0]!.text).toContain('履职记录只对执委开放')
    expect(await queuedFile(h)).toBeUndefined()
  })
})
