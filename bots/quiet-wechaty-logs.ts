import { log } from 'wechaty-puppet'

/** Wechaty's own logger is chatty at info; our JSON logs say what an operator needs (WECHATY_LOG). */
export function quietWechatyLogs(level: string = 'error'): void {
  log.level(level as Parameters<typeof log.level>[0])
}
