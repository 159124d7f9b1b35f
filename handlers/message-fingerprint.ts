import { createHash } from 'node:crypto'
import type { IncomingMessage } from '../src/incoming-message'

/** Two bot accounts in one group see one message under different ids but with the same content. */
export function messageFingerprint(msg: IncomingMessage): string {
  return createHash('sha256')
    .update([msg.talkerId, msg.roomId ?? '', msg.timestamp, msg.text].join('\u0000'))
    .digest('base64url')
}
