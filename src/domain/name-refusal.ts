import { findSensitiveNumbers } from './mask-sensitive'
import { hasInvisible } from './invisible'

/**
 * Why a name an admin typed (a person, a representative, a unit, a token's holder) cannot be stored, in
 * Chinese, or undefined. Characters nobody sees make two names that look alike different (王芳 and
 * 王\u200b芳 would be two people), and bidi controls make a name read differently from how it is stored;
 * they come in when a name is copied from a web page, a Word file or a chat. A phone or ID number in a
 * name would be posted with it in every list and report, unmasked; emoji and the bot's own brackets let
 * a name pass for a line the bot wrote (✏️ 已记录：…「刘翠花」); and a leading = + - @ makes a spreadsheet
 * formula. Leading and trailing spaces are the caller's to trim. Private-use and unassigned code points
 * pass: rare characters of real names live there in older fonts and code pages.
 */
export function nameRefusal(value: string, field = '名称'): string | undefined {
  if (/[\n\r\u2028\u2029\u0085]/.test(value)) return `${field}里有换行，请改成一行`
  if (/\p{Cc}/u.test(value)) return `${field}里有看不见的控制字符（如制表符），请删掉后重新输入`
  // Before the invisible ones: an emoji carries a variation selector (✏️), and the emoji is what she sees.
  if (/[\p{Extended_Pictographic}「」『』【】<>]/u.test(value))
    return `${field}里有表情或「」【】<> 等符号，请只写${field}本身`
  if (/\p{Cf}/u.test(value) || hasInvisible(value))
    return `${field}里有看不见的字符（零宽字符、软连字符或文字方向控制符，常见于从网页或微信复制的文字），请删掉后重新输入`
  const numbers = findSensitiveNumbers(value)
  if (numbers.length > 0)
    return `${field}里有像电话、身份证或银行卡的号码（${numbers[0]!.masked}），名单和报表里不能有这些号码，请删掉`
  if (/^[=+\-@]/.test(value)) return `${field}不能以 = + - @ 开头`
  return undefined
}
