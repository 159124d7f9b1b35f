/** Names in a group post are capped, so a city of 40 executives still reads on a phone. */
export function listNames(names: readonly string[], max = 15): string {
  return names.length <= max ? names.join('、') : `${names.slice(0, max).join('、')} 等 ${names.length} 人`
}

/** Names in one line of a weekly post; the same cap bounds who is @-mentioned (see weekly-view.ts). */
export const POST_NAMES = 10
