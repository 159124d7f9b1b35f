import { readMessage, type Reading } from '../nl/read-message'
import { readIntent } from './read-intent'
import type { Known } from '../nl/find-known'

/** What executives write, one of each shape the reader has to handle (no real person's details). */
export const WARM_SENTENCES = [
  '今天上午去看了刘翠花大姐，聊了她家孩子上学的事。',
  '下午去低保户王建国家，帮他们把医保卡激活了',
  '上周五跟李梅打了个电话，问了问她们组两癌筛查的情况',
  '昨天和阳光妈妈互助会的姐妹们一起去敬老院包饺子',
  '新选的妇女代表赵小红大姐，今天上门认识了一下',
  '前天去了王秀兰家 大前天去了张桂兰家',
  '写了篇调研报告《关于留守妇女就业的调查》',
  '11月20日建了个村里的正能量群，叫巾帼心向党',
  '嗯那个我昨天去了孙有才家他家孩子的学费减免办下来了',
  '今日去咗李梅屋企坐咗阵，佢话想学电商',
  '有几个宝妈反映孩子放学没人接，希望村里想想办法',
  '这周的妇情日记：村里好几个媳妇出去打工了',
]
const KNOWN: Known[] = [
  { subject: '刘翠花', kind: 'representatives' },
  { subject: '李梅', kind: 'representatives' },
  { subject: '王建国家', kind: 'poorFamily' },
  { subject: '阳光妈妈互助会', kind: 'socialOrg' },
]
const DAY = { year: 2026, month: 11, day: 23 }

/**
 * Reads the sample sentences a few times, as the process starts: the first reads after a start compile
 * the reader's patterns and optimise its functions (the first message read cold took up to 30 ms, the
 * hundredth under 2), so the first woman to write after a restart is not the one who waits for that.
 */
export function warmReader(botName: string, rounds = 10): Reading[] {
  const readings: Reading[] = []
  for (let round = 0; round < rounds; round++)
    for (const text of WARM_SENTENCES) {
      const intent = readIntent({ text, kind: 'text', toBot: true, inGroup: false }, botName)
      if (intent?.type === 'sentence') readings.push(readMessage(intent.text, { today: DAY, known: KNOWN, botName }))
      readings.push(readMessage(text, { today: DAY, known: KNOWN, botName, strict: true }))
    }
  return readings
}
