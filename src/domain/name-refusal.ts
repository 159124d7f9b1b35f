/**
 * Why a name an admin typed (a person, a unit, a token's holder) cannot be stored, in Chinese, or
 * undefined. Characters nobody sees make two names that look alike different (王芳 and 王\u200b芳 would be
 * two people), and bidi controls make a name read differently from how it is stored; they come in
 * when a name is copied from a web page, a Word file or a chat. Leading and trailing spaces are the
 * caller's to trim. Private-use and unassigned code points pass: rare characters of real names live there
 * in older fonts and code pages.
 */
export function nameRefusal(value: string, field = '名称'): string | undefined {
  if (/[\n\r\u2028\u2029\u0085]/.test(value)) return `${field}里有换行，请改成一行`
  if (/\p{Cc}/u.test(value)) return `${field}里有看不见的控制字符（如制表符），请删掉后重新输入`
  if (/\p{Cf}/u.test(value))
    return `${field}里有看不见的字符（零宽字符或文字方向控制符，常见于从网页或微信复制的文字），请删掉后重新输入`
  return undefined
}
