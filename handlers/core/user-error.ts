/**
 * Every kind of mistake a user can make, by the code that names it: logged at the boundary, counted in
 * /metrics (`fulian_user_errors_total{code}`), asserted by the tests. A new kind is added here first.
 */
export const USER_ERROR_CODES = [
  // Who may do what, where (guards: see handlers/messages REFUSALS).
  'stranger',
  'ambiguousName',
  'noChecklist',
  'privacy',
  'adminOnly',
  'leaderOnly',
  'groupOnly',
  'privateOnly',
  'notConstituent',
  'notConstituents',
  'executivesOnly',
  'outOfScope',
  'notYourUnit',
  'notYours',
  'groupNotBound',
  // What she wrote.
  'unknownCommand',
  'missingArgument',
  'badDate',
  'futureYear',
  'tooLong',
  'familyName',
  'whichPerson',
  'whichFamily',
  'notFound',
  'cannotCorrect',
  'nothingToUndo',
  'noGroups',
  // The state of things.
  'resolved',
  'alreadyTaken',
  'notTaken',
  'badCode',
  'boundElsewhere',
  'throttled',
] as const

export type UserErrorCode = (typeof USER_ERROR_CODES)[number]

/** A failure the user caused and can fix: its code names the case, its Chinese sentence is shown as is. */
export class UserError extends Error {
  constructor(
    readonly code: UserErrorCode,
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
