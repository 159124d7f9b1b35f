import type { MessageContext } from './message-context'
import { targetOfContact } from '../../src/services/send-queue'

/** A private message to someone other than the sender, through the send queue (once per key). */
export async function tell(ctx: MessageContext, contactId: string, dedupeKey: string, text: string): Promise<void> {
  await ctx.repos.outbox.enqueue(
    [{ dedupeKey, kind: 'reply-elsewhere', target: targetOfContact(contactId), text, notBefore: ctx.now }],
    ctx.now,
  )
}
