import { pinyin } from 'pinyin-pro'
import { SURNAMES, familyHead, isFamily } from './people'

/** Someone (or an organisation) she has logged before, with the item she logged them under. */
export interface Known {
  subject: string
  kind: 'representatives' | 'poorFamily' | 'socialOrg'
  /** On the federation's list of representatives, not (yet) in her records. */
  listed?: true
}

/**
 * Syllables as heard across China: l and n, zh/ch/sh and z/c/s, -ng and -n are one sound in many
 * accents and to many voice inputs (王秀南 for 王秀兰). A match by sound is always asked about.
 */
const fuzzy = (syllable: string) =>
  syllable
    .replace(/^n(?!g)/, 'l')
    .replace(/^([zcs])h/, '$1')
    .replace(/([ie])ng$/, '$1n')

const FUZZY = new Map<string, string>()
const fuzzed = (syllable: string) => {
  let out = FUZZY.get(syllable)
  if (out === undefined) {
    out = fuzzy(syllable)
    if (FUZZY.size < 10_000) FUZZY.set(syllable, out)
  }
  return out
}

export const syllables = (text: string) =>
  pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).map(fuzzed)

/**
 * Positions (in one part's order) filed under pieces of text, with the pieces' lengths and first
 * characters, so a reader tries only the lengths there are and skips a place no piece starts at.
 */
export class Bucket {
  readonly map = new Map<string, number[]>()
  readonly firsts = new Set<string>()
  lengths: readonly number[] = []

  file(key: string, position: number): void {
    const list = this.map.get(key)
    if (list) list.push(position)
    else this.map.set(key, [position])
    this.firsts.add(key[0] ?? '')
  }

  seal(): this {
    this.lengths = [...new Set([...this.map.keys()].map((k) => k.length))].sort((a, b) => a - b)
    return this
  }
}

/** Subjects by how they sound (`${characters}|${syllables}`), and the first syllables there are. */
export class SoundBucket {
  readonly map = new Map<string, number[]>()
  readonly firsts = new Set<string>()
  lengths: readonly number[] = []

  file(sound: { length: number; syllables: string[] }, position: number): void {
    const joined = sound.syllables.join(' ')
    const key = `${sound.length}|${joined}`
    const list = this.map.get(key)
    if (list) list.push(position)
    else this.map.set(key, [position])
    // The first word of the joined syllables: a syllable of the text may hold a space (a run of letters).
    this.firsts.add(joined.split(' ')[0]!)
  }

  seal(): this {
    this.lengths = [...new Set([...this.map.keys()].map((k) => Number(k.split('|')[0])))].sort((a, b) => a - b)
    return this
  }
}

/**
 * One list of known subjects filed under every piece of text that can name one of them, so that a
 * message is read by looking up what it contains, never by trying each subject in turn.
 */
export interface KnownPart {
  readonly items: readonly Known[]
  readonly bySubject: ReadonlyMap<string, number>
  /** Subjects by themselves (written with or without spaces inside). */
  readonly whole: Bucket
  /** Families (…家) by head (王建国 of 王建国家) and by given name of two characters or more (建国). */
  readonly familyHeads: Bucket
  readonly familyGiven: Bucket
  /** Families by surname (老王家), and every poor family by its first character (whom 老王家 may be). */
  readonly familySurnames: Bucket
  readonly familiesByFirst: Bucket
  /** Representatives with a surname and a given name, by given name and by surname. */
  readonly repGiven: Bucket
  readonly repSurnames: Bucket
  /** Everyone but organisations, by the first character of the person (whom 王阿姨 may be). */
  readonly peopleByFirst: Bucket
  /** Organisations of four characters or more by their first four and their last three. */
  readonly orgHeads: Bucket
  readonly orgTails: Bucket
  readonly sounds: SoundBucket
  /** People and families by the first characters of their name (张丽 of 张丽华, 王建 of 王建国家): namesakes. */
  readonly prefixes: Bucket
  /** Subjects with a space inside: rare, matched one by one (see find-known). */
  readonly spaced: readonly number[]
}

/** Her own subjects first, then each further list's subjects that are not among the earlier ones. */
export interface KnownIndex {
  readonly parts: readonly KnownPart[]
  /** No subject at all. */
  readonly empty: boolean
  /** The known subject written exactly so. */
  find(subject: string): Known | undefined
  /** Whether the subject at `position` of part `part` is hidden by an earlier part's same subject. */
  hidden(part: number, position: number): boolean
}

/** Syllables of each subject, kept: a list is indexed again after every refresh, mostly with the same names. */
const SOUND_MEMO = new Map<string, { length: number; syllables: string[] }>()
function soundOf(subject: string): { length: number; syllables: string[] } {
  let sound = SOUND_MEMO.get(subject)
  if (sound === undefined) {
    sound = { length: [...subject].length, syllables: syllables(subject) }
    if (SOUND_MEMO.size >= 50_000) SOUND_MEMO.delete(SOUND_MEMO.keys().next().value!)
    SOUND_MEMO.set(subject, sound)
  }
  return sound
}

export function indexPart(items: readonly Known[]): KnownPart {
  const bySubject = new Map<string, number>()
  const b = {
    whole: new Bucket(),
    familyHeads: new Bucket(),
    familyGiven: new Bucket(),
    familySurnames: new Bucket(),
    familiesByFirst: new Bucket(),
    repGiven: new Bucket(),
    repSurnames: new Bucket(),
    peopleByFirst: new Bucket(),
    orgHeads: new Bucket(),
    orgTails: new Bucket(),
    prefixes: new Bucket(),
  }
  const sounds = new SoundBucket()
  const spaced: number[] = []
  items.forEach((k, i) => {
    const s = k.subject
    if (!bySubject.has(s)) bySubject.set(s, i)
    if (/[ \u3000]/.test(s)) spaced.push(i)
    else if (s) b.whole.file(s, i)
    const head = familyHead(s)
    if (k.kind === 'poorFamily') b.familiesByFirst.file(s[0] ?? '', i)
    if (k.kind !== 'socialOrg') b.peopleByFirst.file(head[0] ?? '', i)
    if (k.kind === 'poorFamily' && isFamily(s)) {
      b.familyHeads.file(head, i)
      if (head.length >= 3) b.familyGiven.file(head.slice(1), i)
      b.familySurnames.file(head[0]!, i)
    }
    if (k.kind === 'representatives' && head.length >= 2 && SURNAMES.has(head[0]!)) {
      b.repGiven.file(head.slice(1), i)
      b.repSurnames.file(head[0]!, i)
    }
    if (k.kind !== 'socialOrg')
      for (let n = Math.max(2, head.length - 2); n < head.length; n++) b.prefixes.file(head.slice(0, n), i)
    if (k.kind === 'socialOrg' && s.length >= 4) {
      b.orgHeads.file(s.slice(0, 4), i)
      b.orgTails.file(s.slice(-3), i)
    }
    sounds.file(soundOf(s), i)
  })
  for (const bucket of Object.values(b)) bucket.seal()
  return { items, bySubject, ...b, sounds: sounds.seal(), spaced }
}

function joined(parts: readonly KnownPart[]): KnownIndex {
  const hidden = (part: number, position: number) => {
    const subject = parts[part]!.items[position]!.subject
    for (let p = 0; p < part; p++) if (parts[p]!.bySubject.has(subject)) return true
    return false
  }
  return {
    parts,
    empty: parts.every((part) => part.items.length === 0),
    hidden,
    find(subject) {
      for (const part of parts) {
        const i = part.bySubject.get(subject)
        if (i !== undefined) return part.items[i]
      }
      return undefined
    },
  }
}

const INDEXED = new WeakMap<readonly Known[], KnownIndex>()

/** The index of a list, built once per list (the same array is the same list). */
export function indexKnown(known: readonly Known[] | KnownIndex): KnownIndex {
  if (!Array.isArray(known)) return known as KnownIndex
  const list = known as readonly Known[]
  let index = INDEXED.get(list)
  if (!index) {
    index = joined([indexPart(list)])
    INDEXED.set(list, index)
  }
  return index
}

const LISTED = new WeakMap<readonly string[], KnownIndex>()

/**
 * The federation's list of representatives as known subjects, indexed once per list: a list of
 * 10,000 names costs its building once, and each message afterwards only its lookups.
 */
export function indexListed(names: readonly string[]): KnownIndex {
  let index = LISTED.get(names)
  if (!index) {
    index = joined([indexPart(names.map((subject) => ({ subject, kind: 'representatives', listed: true })))])
    LISTED.set(names, index)
  }
  return index
}

/** Her own subjects, then those of each further index that are not among the earlier ones, in that order. */
export function withOwn(own: readonly Known[], ...then: KnownIndex[]): KnownIndex {
  return joined([indexPart(own), ...then.flatMap((t) => t.parts)])
}
