import { maskSensitive } from './mask-sensitive'

/**
 * A message the bot answered "没看明白" to, kept so that next year's reader learns from real writing.
 * Its text is masked (mask-sensitive) and then holds no digit at all (no phone, ID, house or bank
 * number, in any width): what is left is how she wrote, not her numbers.
 */
export interface Misread {
  /** The message's key: one entry per message, however often it is delivered. */
  id: string
  orgId: string
  at: Date
  /** private, group, voice or voice-group (the corpus `where`). */
  where: 'private' | 'group' | 'voice' | 'voice-group'
  text: string
  /** What the bot read it as, in its own words (for the dashboard). */
  reading: string
}

/** How long one is kept: two monthly reviews (月调度) to look at and export it, and no longer (PIPL). */
export const MISREAD_RETENTION_DAYS = 60

/** The text as it is kept: masked, every digit (ASCII, full-width, circled) replaced by ＊, at most 500 characters. */
export function misreadText(text: string): string {
  return maskSensitive(text)
    .replace(/[0-9０-９\u2460-\u2473\u24ea-\u24ff\u2776-\u2793]/g, '＊')
    .slice(0, 500)
}
