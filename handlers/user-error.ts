/** A failure the user caused and can fix: its code names the case, its Chinese sentence is shown as is. */
export class UserError extends Error {
  constructor(
    readonly code: string,
    readonly userMessage: string,
  ) {
    super(`${code}: ${userMessage}`)
    this.name = 'UserError'
  }
}

/** Another delivery of this message has been (or is being) handled: say nothing. */
export class AlreadyHandled extends Error {
  constructor() {
    super('message already handled')
    this.name = 'AlreadyHandled'
  }
}
