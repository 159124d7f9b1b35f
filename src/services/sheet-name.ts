/** Within Excel's 31 UTF-16 units, without splitting a character. */
const clip = (s: string, max: number) => {
  let out = ''
  for (const ch of s) {
    if (out.length + ch.length > max) break
    out += ch
  }
  return out
}

/**
 * A unit's name as a sheet name Excel accepts: none of []:*?/\, no apostrophe at either end, not the
 * reserved 'History', at most 31 characters, and unlike every sheet already in `used` (Excel compares
 * names ignoring case). Adds the name to `used`.
 */
export function sheetName(unit: string, used: Set<string>): string {
  const tidy = (s: string) => s.replace(/^'+|'+$/g, '').trim()
  let base = tidy(unit.replace(/[\\/?*[\]:\u0000-\u001f]/g, '')) || '单位'
  if (base.toLowerCase() === 'history') base += '_'
  let name = tidy(clip(base, 31))
  for (let i = 2; !name || used.has(name.toLowerCase()); i++) name = `${tidy(clip(base, 31 - `_${i}`.length))}_${i}`
  used.add(name.toLowerCase())
  return name
}
