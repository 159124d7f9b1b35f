/**
 * WeChat cannot reach this room or contact from this account: the bot is not in the room, or she is
 * not its friend. Another account may be; the send queue hands the message over instead of retrying.
 */
export class UnreachableError extends Error {
  readonly code = 'unreachable'
  constructor(readonly target: string) {
    super(`${target} is not reachable from this account`)
    this.name = 'UnreachableError'
  }
}

export function isUnreachable(err: unknown): boolean {
  return err instanceof UnreachableError || (err as { code?: unknown } | null)?.code === 'unreachable'
}
