/**
 * How figures are written wherever people read them (group posts, #汇总, the workbook, the dashboard's
 * script does the same): one decimal for averages, whole percents for shares.
 */
export const formatAverage = (average: number, counted: number) => (counted > 0 ? average.toFixed(1) : '—')

export const formatShare = (share: number, counted: number) => (counted > 0 ? `${Math.round(share * 100)}%` : '—')

/** "第 2 / 5" among sibling units, or '' where there is nobody to compare with. */
export const formatRank = (rank: number | null, ranked: number) => (rank && ranked > 1 ? `第 ${rank}/${ranked}` : '')
