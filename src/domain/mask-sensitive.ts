/**
 * Phone and ID numbers are personal information (PIPL): they are masked before anything is stored
 * or echoed, so no copy of the full number exists anywhere in the bot.
 */
const ID_CARD = /(?<!\d)(\d{6})\d{8}(\d{3}[\dXx])(?!\d)/g
const MOBILE = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g
const LANDLINE = /(?<!\d)(0\d{2,3})-?\d{4}(\d{3,4})(?!\d)/g

export function maskSensitive(text: string): string {
  return text
    .replace(ID_CARD, (_m, head: string, tail: string) => `${head}********${tail}`)
    .replace(MOBILE, (_m, head: string, tail: string) => `${head}****${tail}`)
    .replace(LANDLINE, (_m, head: string, tail: string) => `${head}-****${tail}`)
}
