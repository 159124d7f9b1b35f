/** The words the whole product shares: one source for roles, group kinds and the length limits. */

export const ROLES = ['executive', 'chair', 'admin'] as const
export type Role = (typeof ROLES)[number]

/** Roles that carry a duty checklist: a chair is also a member of the executive committee. */
export const CHECKLIST_ROLES: readonly Role[] = ['executive', 'chair']

export const GROUP_KINDS = ['executive', 'constituent'] as const
export type GroupKind = (typeof GROUP_KINDS)[number]

export const AUDIENCES = ['executive', 'constituent', 'all'] as const
export type Audience = (typeof AUDIENCES)[number]

/** Which groups a notice for an audience goes to. */
export const AUDIENCE_GROUPS: Readonly<Record<Audience, readonly GroupKind[]>> = {
  executive: ['executive'],
  constituent: ['constituent'],
  all: GROUP_KINDS,
}

/** Longest text a user may give for each kind of field, in characters. */
export const LIMITS = { name: 40, title: 200, detail: 500, content: 2000, label: 60 } as const

/**
 * What one message may ask of the bot, so that no message costs more than a moment: its length (the
 * longest field, a diary or a notice, with room for the command word and an @-mention), how many
 * `#` lines it may carry, and how many people or items one message may record.
 */
export const MESSAGE_LIMITS = { chars: LIMITS.content + 100, lines: 20, items: 20 } as const
