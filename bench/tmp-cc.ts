import { commandCounts } from './command-counts'
import { quietWechatyLogs } from '../bots/quiet-wechaty-logs'
quietWechatyLogs('silent')
commandCounts(Number(process.argv[2] ?? 20), Number(process.argv[3] ?? 50)).then(
  (r) => {
    console.log(JSON.stringify(r))
    process.exit(0)
  },
  (e) => {
    console.error(e)
    process.exit(1)
  },
)
