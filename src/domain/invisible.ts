/**
 * Characters nobody sees: Unicode's default-ignorable code points (zero-width spaces and joiners, the
 * soft hyphen, variation selectors, tag characters, Hangul fillers, U+180E, U+034F, U+17B4…) and the
 * Braille blank, which renders as an empty cell. Copied from a web page, a Word file or a chat, they
 * make one name into two that look the same (刘翠花 and 刘\u00ad翠花), so text drops them before a name
 * is read, compared or stored. One definition for the parser, the sentence reader, the name key and
 * the check on names admins type.
 */
const INVISIBLE_SOURCE = '[\\p{Default_Ignorable_Code_Point}\\u2800]'
const INVISIBLE = new RegExp(INVISIBLE_SOURCE, 'u')
const INVISIBLE_ALL = new RegExp(INVISIBLE_SOURCE, 'gu')

export function dropInvisible(text: string): string {
  return INVISIBLE.test(text) ? text.replace(INVISIBLE_ALL, '') : text
}

export function hasInvisible(text: string): boolean {
  return INVISIBLE.test(text)
}

/** One code point; for scanners that walk text themselves (the number mask). */
export function isInvisible(codePoint: number): boolean {
  // Below U+00AD nothing is invisible: the common case costs one comparison.
  return codePoint >= 0xad && INVISIBLE.test(String.fromCodePoint(codePoint))
}
