const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
}

/** 十七 → 17, 二十 → 20, 廿三 → 23, 三十一 → 31, 一一 → 11: the small numbers of dates. */
export function chineseNumber(text: string): number | undefined {
  const t = text.replace(/^廿/, '二十').replace(/^卅/, '三十')
  const m = /^([一二两三四五六七八九])?十([一二三四五六七八九])?$/.exec(t)
  if (m) return (m[1] ? DIGITS[m[1]]! : 1) * 10 + (m[2] ? DIGITS[m[2]]! : 0)
  if (/^[零〇一二两三四五六七八九]+$/.test(t)) return Number([...t].map((c) => DIGITS[c]).join(''))
  return undefined
}
