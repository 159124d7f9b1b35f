import { burst } from './burst'
import { quietWechatyLogs } from '../bots/quiet-wechaty-logs'
quietWechatyLogs('silent')
const [p, g, r, s] = process.argv.slice(2).map(Number)
burst(p!, g!, r!, s!).then((x) => { console.log(JSON.stringify(x)); process.exit(0) }, (e) => { console.error(e); process.exit(1) })
