/**
 * "#解决 王家孩子申请到助学金" names no family apart from the problem. Which of her families it is: the
 * one the phrase starts with, else her only one. Otherwise the executive is asked to say.
 */
export type FamilyMatch =
  | { ok: true; family: string; problem: string }
  | { ok: false; reason: 'noProblem' | 'unknownFamily' }
  | { ok: false; reason: 'whichFamily'; families: string[] }

export function resolveFamily(phrase: string, families: readonly string[]): FamilyMatch {
  const named = [...families].sort((a, b) => b.length - a.length).find((f) => phrase.startsWith(f))
  if (named) {
    // No separator to strip: the parser has already split "王家，…" and "王家 …" into family and problem.
    const problem = phrase.slice(named.length)
    return problem ? { ok: true, family: named, problem } : { ok: false, reason: 'noProblem' }
  }
  if (families.length === 1) return { ok: true, family: families[0]!, problem: phrase }
  return families.length === 0
    ? { ok: false, reason: 'unknownFamily' }
    : { ok: false, reason: 'whichFamily', families: [...families] }
}
