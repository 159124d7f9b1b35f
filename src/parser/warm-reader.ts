import { readMessage, type Reading } from '../nl/read-message'
import { readIntent } from './read-intent'
import type { Known } from '../nl/find-known'

/** What executives write, one of each shape the reader has to handle (no real person's details). */
export const WARM_SENTENCES = [
  '昨天下午去看了代表李梅，聊了聊她们组冬季务工的事。',
  '上周三去低保户王建国家，帮他们把医保续上了',
  '前天给张桂兰打了个电话，问她家老人身体咋样',
  '周六和互助会的姐妹们去敬老院包饺子、量血压',
  '新选的妇女代表孙小红，今天上门认识了一下',
  '今天上午去了刘翠花家 下午又去了王秀兰家',
  '调研报告写好了，《关于留守儿童课后看护的调查》',
  '11月18日建了个村里的姐妹学法群，已经六十多人了',
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
