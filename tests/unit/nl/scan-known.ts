/**
 * The name finder as it was before the index (src/nl/known-index.ts): every known subject's patterns
 * tried against the message in turn. Slow on a long list, but plain to read, so the property test in
 * find-known.test.ts holds the index to exactly what this finds.
 */
import { HONORIFICS, SURNAMES, familyHead, isFamily } from '../../../src/nl/people'
import { syllables, type Known } from '../../../src/nl/known-index'
import type { How, Mention } from '../../../src/nl/find-known'

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** Another surname right before (not a word such as 给 or 和): "殷秀兰" is not 王秀兰, "李建国家" not 王建国家. */
const OTHER_SURNAME = `(?![给跟和同去到看找见了过的是帮与及、])[${[...SURNAMES].join('')}]`
const HONORIFIC = `(?:${HONORIFICS.join('|')})`
function allMatches(text: string, re: RegExp): RegExpExecArray[] {
  const flags = re.flags.includes('g') ? re.flags : re.flags + 'g'
  return [...text.matchAll(new RegExp(re.source, flags))]
}

/** Every way the message may name one known subject. */
function mentionsOf(text: string, known: Known, all: readonly Known[], sounds: string[]): Mention[] {
  const out: Mention[] = []
  const add = (how: How, index: number, written: string, candidates: Known[] = [known]) =>
    out.push({ candidates, how, index, written })
  const spaced = [...known.subject].map(escape).join('[ \\u3000]*')
  for (const m of allMatches(text, new RegExp(spaced))) add(m[0] === known.subject ? 'exact' : 'spaced', m.index!, m[0])

  const head = familyHead(known.subject)
  if (known.kind === 'poorFamily' && isFamily(known.subject)) {
    // 王建国家 is also 王建国他家, 王建国家里, 王建国 (his wife came), 建国家 and 老王家.
    for (const m of allMatches(text, new RegExp(`${escape(head)}(?:他|她)?(?:家)?`))) add('exact', m.index!, m[0])
    // 建国家, 建国叔家, 建国哥他家: the given name, a kinship word, then 家.
    const given = head.slice(1)
    if (given.length >= 2)
      for (const m of allMatches(
        text,
        new RegExp(`(?<!${escape(head[0]!)}|${OTHER_SURNAME})${escape(given)}${HONORIFIC}?(?:他|她)?家`),
      ))
        add('given', m.index!, m[0])
    const sameSurname = all.filter((k) => k.kind === 'poorFamily' && k.subject[0] === head[0])
    for (const m of allMatches(text, new RegExp(`老${escape(head[0]!)}(?:家|那)`)))
      add('surname', m.index!, m[0], sameSurname)
  }
  if (known.kind === 'representatives' && head.length >= 2 && SURNAMES.has(head[0]!)) {
    const given = head.slice(1)
    // A one-character given name (梅 of 李梅) only on its own: 梅子, 梅姐, not the 梅 of 赵春梅大姐.
    const needsWord = given.length === 1 ? `(?:${HONORIFIC}|子)` : `(?:${HONORIFIC})?`
    const before =
      given.length === 1 ? `(?<!(?![给跟和同去到看找见了过的是帮与及、])[\\u4e00-\\u9fff])` : `(?<!${OTHER_SURNAME})`
    for (const m of allMatches(
      text,
      new RegExp(`(?<!${escape(head[0]!)}[ \\u3000]*)${before}${escape(given)}${needsWord}`),
    ))
      add('given', m.index!, m[0])
    const sameSurname = all.filter((k) => k.kind !== 'socialOrg' && familyHead(k.subject)[0] === head[0])
    for (const m of allMatches(text, new RegExp(`${escape(head[0]!)}${HONORIFIC}`)))
      add('surname', m.index!, m[0], sameSurname)
  }
  if (known.kind === 'socialOrg' && known.subject.length >= 4) {
    // 阳光妈妈互助会: "阳光妈妈" or "互助会" on their own.
    for (const part of [known.subject.slice(0, 4), known.subject.slice(-3)])
      for (const m of allMatches(text, new RegExp(escape(part)))) add('part', m.index!, m[0])
  }
  // 刘翠华, 李玫, 阳光妈妈护助会: written as it sounds (voice input), not as it is spelled.
  const target = syllables(known.subject).join(' ')
  const length = [...known.subject].length
  for (let i = 0; i + length <= sounds.length; i++) {
    if (sounds.slice(i, i + length).join(' ') !== target) continue
    const written = [...text].slice(i, i + length).join('')
    if (written !== known.subject && /^[\u4e00-\u9fff]+$/.test(written)) add('sound', indexOfChar(text, i), written)
  }
  return out
}

/** The string index of the i-th character (names are BMP characters, emoji are not). */
function indexOfChar(text: string, i: number): number {
  return [...text].slice(0, i).join('').length
}

const RANK: Record<How, number> = { exact: 0, spaced: 1, given: 2, sound: 3, surname: 4, part: 5 }

/**
 * The known subjects a message names, one mention per place in the text: where two readings overlap,
 * the surer and then the longer one is kept (王建国家 over 建国家, 刘翠花 over 翠花).
 */
export function scanKnown(text: string, known: readonly Known[]): Mention[] {
  if (known.length === 0) return []
  const sounds = syllables(text)
  const found = known
    .flatMap((k) => mentionsOf(text, k, known, sounds))
    .sort((a, b) => RANK[a.how] - RANK[b.how] || b.written.length - a.written.length)
  const kept: Mention[] = []
  for (const m of found) {
    const end = m.index + m.written.length
    const overlap = kept.find((k) => m.index < k.index + k.written.length && k.index < end)
    if (!overlap) kept.push(m)
  }
  return kept.sort((a, b) => a.index - b.index)
}
