/**
 * Every way a digit is written that people use for phone and ID numbers, with its value: ASCII and
 * full-width digits; Chinese numerals as typed and as voice input writes them, the ones phone numbers
 * are read out with (幺 and 么 for 1, 两 for 2, 拐 for 7, 勾 for 9, 洞 for 0) and the financial ones
 * (壹贰叁); circled, parenthesised and dotted digits (①❶➀⑴⒈⓵); superscripts and subscripts; and every
 * decimal digit Unicode knows (mathematical 𝟏𝟙𝟷, Arabic-Indic, Devanagari…).
 *
 * A script is what a digit looks like; a number may mix them (138零零13八零一三), but a stretch of one
 * script is the unit the mask keeps or cuts, so it knows which characters to show.
 */
export type Script = 'arabic' | 'chinese' | 'symbol' | 'astral'

export interface Digit {
  value: number
  script: Script
}

/** One object per script and value: a scanner asks for every character of a text. */
const DIGITS = Object.fromEntries(
  (['arabic', 'chinese', 'symbol', 'astral'] as const).map((script) => [
    script,
    [...Array(10).keys()].map((value): Digit => Object.freeze({ value, script })),
  ]),
) as Record<Script, Digit[]>

const CHINESE = new Map<string, number>()
for (const [value, numerals] of [
  '〇零洞',
  '一幺么壹弌',
  '二两贰貳弍',
  '三叁參弎',
  '四肆',
  '五伍',
  '六陆陸',
  '七柒拐',
  '八捌',
  '九玖勾',
].entries())
  for (const numeral of numerals) CHINESE.set(numeral, value)

/** First code point of a run of nine digits 1–9 (circled and the like), or of ten from 0. */
const ONE_TO_NINE = [0x2460, 0x2474, 0x2488, 0x24f5, 0x2776, 0x2780, 0x278a]
const SYMBOLS = new Map<number, number>([
  [0x24ea, 0], // ⓪
  [0x24ff, 0], // ⓿
  [0x2070, 0], // ⁰
  [0xb9, 1], // ¹
  [0xb2, 2],
  [0xb3, 3],
  [0x1f100, 0], // 🄀 digit zero full stop
  [0x1f10b, 0], // 🄋
  [0x1f10c, 0], // 🄌
])
for (const first of ONE_TO_NINE) for (let v = 1; v <= 9; v++) SYMBOLS.set(first + v - 1, v)
for (let v = 4; v <= 9; v++) SYMBOLS.set(0x2070 + v, v) // ⁴–⁹
for (let v = 0; v <= 9; v++) {
  SYMBOLS.set(0x2080 + v, v) // ₀–₉
  SYMBOLS.set(0x1f101 + v, v) // 🄁 "0," … "9,"
}

/**
 * Every character that may be a digit (and the letters O, l, I and X, which may stand in a number), for
 * a scanner to skip the rest of a text natively: most of a message is words.
 */
export const MAYBE_DIGIT = new RegExp(
  `[\\p{Nd}OolIXx\\uff2f\\uff4f\\uff4c\\uff29\\uff38\\uff58${[...CHINESE.keys()].join('')}${[...SYMBOLS.keys()]
    .map((code) => `\\u{${code.toString(16)}}`)
    .join('')}]`,
  'gu',
)

const DECIMAL = /\p{Nd}/u
/** Decimal digits found so far outside ASCII, by code point. */
const decimalValues = new Map<number, number>()

/** The digit `codePoint` writes, or undefined. */
export function digitOf(codePoint: number): Digit | undefined {
  if (codePoint >= 0x30 && codePoint <= 0x39) return DIGITS.arabic[codePoint - 0x30]
  if (codePoint < 0xb2) return undefined
  if (codePoint >= 0xff10 && codePoint <= 0xff19) return DIGITS.arabic[codePoint - 0xff10]
  const script: Script = codePoint > 0xffff ? 'astral' : 'symbol'
  const symbol = SYMBOLS.get(codePoint)
  if (symbol !== undefined) return DIGITS[script][symbol]
  if ((codePoint >= 0x3400 && codePoint <= 0x9fff) || codePoint === 0x3007) {
    const numeral = CHINESE.get(String.fromCharCode(codePoint))
    return numeral === undefined ? undefined : DIGITS.chinese[numeral]
  }
  const decimal = decimalValue(codePoint)
  return decimal === undefined ? undefined : DIGITS[script][decimal]
}

/**
 * Unicode encodes its decimal digits in runs of whole sets 0–9, so a digit's value is its distance
 * from the start of its run, modulo ten. Worked out once per code point.
 */
function decimalValue(codePoint: number): number | undefined {
  // CJK, Hangul and the blocks between hold no decimal digits: most text is rejected here.
  if ((codePoint >= 0x1c5a && codePoint < 0xa620) || (codePoint >= 0xac00 && codePoint < 0xff10)) return undefined
  const known = decimalValues.get(codePoint)
  if (known !== undefined) return known
  if (!DECIMAL.test(String.fromCodePoint(codePoint))) return undefined
  let start = codePoint
  while (DECIMAL.test(String.fromCodePoint(start - 1))) start--
  const value = (codePoint - start) % 10
  decimalValues.set(codePoint, value)
  return value
}
