import type { Parsed } from './command-parts'
import { parsed as ok, type ParseUse } from './command-spec'

/** yearsAgo: 0 this year, 1 last year; or a year written out. */
export interface YearCommand<T extends 'progress' | 'dutyReport'> {
  type: T
  year?: { yearsAgo: number } | { year: number }
}

const YEARS_AGO = new Map([
  ['今年', 0],
  ['本年', 0],
  ['去年', 1],
  ['上年', 1],
  ['上一年', 1],
  ['前年', 2],
])

/**
 * "#进度 去年", "#述职 2025": the year a command asks about; none written: this year. In January people
 * look back at the year under review. Other words are ignored.
 */
export function parseYear<T extends 'progress' | 'dutyReport'>(
  type: T,
  words: string[],
  use: ParseUse,
): Parsed<YearCommand<T>> {
  const { usageError } = use
  const word = (words[0] ?? '').replace(/的?(?:进度|清单|情况|述职报告|述职|报告)?$/, '')
  const yearsAgo = YEARS_AGO.get(word)
  if (yearsAgo !== undefined) return ok({ type, year: { yearsAgo } })
  const m = /^(\d{4})年?(?:度)?$/.exec(word)
  if (!m) return ok({ type })
  const year = Number(m[1])
  const example = type === 'progress' ? '#进度' : '#述职'
  if (year < 2000 || year > 2100)
    return usageError(`年份写得不对，例如 ${example} 2025 或 ${example} 去年。`, 'badArgument')
  return ok({ type, year: { year } })
}
