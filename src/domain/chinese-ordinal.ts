const DIGITS = '零一二三四五六七八九'

/** "（一）" … "（九十九）": how a Chinese report numbers the parts of a section. */
export function chineseOrdinal(n: number): string {
  const tens = Math.floor(n / 10)
  const ones = n % 10
  const word = n < 10 ? DIGITS[n]! : `${tens > 1 ? DIGITS[tens]! : ''}十${ones ? DIGITS[ones]! : ''}`
  return `（${word}）`
}
