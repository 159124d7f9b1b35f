/**
 * Phone and ID numbers are personal information (PIPL): they are masked before anything is stored
 * or echoed, so no copy of the full number exists anywhere in the bot.
 */
const ID_CARD = /(?<![\dXx])(\d{6})\d{8}(\d{3}[\dXx])(?![\dXx])/g
/** Any run of 11 or more digits: mobile numbers, also when glued to other digits, and bank cards. */
const LONG_DIGITS = /\d{11,}/g
const LANDLINE = /(?<!\d)(0\d{2,3})-?\d{4}(\d{3,4})(?!\d)/g

export function maskSensitive(text: string): string {
  return text
    .replace(ID_CARD, (_m, head: string, tail: string) => `${head}********${tail}`)
    .replace(LONG_DIGITS, (run) => `${run.slice(0, 3)}${'*'.repeat(run.length - 7)}${run.slice(-4)}`)
    .replace(LANDLINE, (_m, head: string, tail: string) => `${head}-****${tail}`)
}
