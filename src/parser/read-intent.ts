import type { Intent } from './command-types'
import { parseCommand, withMissingHash } from './parse-command'

export interface MessageShape {
  text: string
  kind: 'text' | 'media'
  /** Private chat, or a group message that @-mentions the bot. */
  toBot: boolean
  inGroup: boolean
}

/**
 * What a message asks of the bot, or undefined when it is not for the bot (group chatter). Pure: the
 * same text always reads the same way, so a replay after a crash routes exactly like the first time.
 */
export function readIntent(msg: MessageShape, botName: string): Intent | undefined {
  if (msg.kind !== 'text') return msg.toBot ? { type: 'media' } : undefined
  const parsed = parseCommand(msg.text, { botName, requireHash: !msg.toBot })
  if (parsed) return parsed.ok ? parsed.command : { type: 'parseError', error: parsed.error }
  if (msg.inGroup) return undefined
  const line = withMissingHash(msg.text, botName)
  return line ? { type: 'missingHash', line } : { type: 'chat' }
}
