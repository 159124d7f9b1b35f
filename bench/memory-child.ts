/**
 * One process per measurement: resident memory after N handled messages, for the real bot or the
 * ding-dong floor. Prints one JSON line.
 */
import { quietWechatyLogs } from '../bots/quiet-wechaty-logs'
import { startDingDongBot } from './ding-dong-bot'
import { BENCH_GROUP, startRealBot } from './real-bot'

async function main() {
  const [kind = 'real', countText = '10000'] = process.argv.slice(2)
  const count = Number(countText)
  quietWechatyLogs('silent')
  const texts = ['#联系 刘翠花 电话了解情况', '#公益 义诊', '#日记 走访三户', '#进度']
  if (kind === 'dingdong') {
    const bot = await startDingDongBot('妇联助手')
    for (let i = 0; i < count; i++)
      await bot.say({ from: `执委${i % 100}`, text: texts[i % texts.length]!, room: '执委群' })
    global.gc?.()
    process.stdout.write(JSON.stringify({ kind, rssMb: process.memoryUsage().rss / 2 ** 20 }) + '\n')
    await bot.stop()
    return
  }
  const { session, stop } = await startRealBot('memory', 100)
  for (let i = 0; i < count; i++)
    await session.say({ from: `执委${i % 100}`, text: texts[i % texts.length]!, room: BENCH_GROUP })
  global.gc?.()
  process.stdout.write(JSON.stringify({ kind, rssMb: process.memoryUsage().rss / 2 ** 20 }) + '\n')
  await stop()
}

main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(String(err?.stack ?? err) + '\n')
    process.exit(1)
  },
)
