import { HONORIFICS, SURNAMES } from './people'
import { syllables, type Bucket, type Known, type KnownIndex, type KnownPart } from './known-index'
import type { How, Mention } from './mention'

const HONORIFIC = `(?:${HONORIFICS.join('|')})`
/** What may follow a name, each tried where the name ends (sticky), as one pattern would go on. */
const FAMILY_TAIL = new RegExp(`${HONORIFIC}?(?:他|她)?家`, 'y')
const HONORIFIC_AT = new RegExp(HONORIFIC, 'y')
const HONORIFIC_OR_ZI_AT = new RegExp(`(?:${HONORIFIC}|子)`, 'y')
/** Before a one-character given name (梅 of 李梅): not another character, unless a word like 给 or 跟. */
const JOINS_NAME = new Set('给跟和同去到看找见了过的是帮与及、')
/** Another surname right before a given name (殷秀兰 where she logged 王秀兰): another woman's whole name. */
const otherSurname = (c: string | undefined) => c !== undefined && SURNAMES.has(c) && !JOINS_NAME.has(c)
const HAN = /[\u4e00-\u9fff]/
const HAN_ONLY = /^[\u4e00-\u9fff]+$/
const SPACE = /[ \u3000]/

function matchAt(re: RegExp, text: string, at: number): string | undefined {
  re.lastIndex = at
  return re.exec(text)?.[0]
}

const RANK: Record<How, number> = { exact: 0, spaced: 1, given: 2, sound: 3, surname: 4, part: 5 }

/**
 * Each way of naming a subject is a phase; one subject's matches in one phase do not overlap (as one
 * regex's successive matches would not), and where two readings overlap the surer, then the longer,
 * then the one of the subject listed first, wins.
 */
const Phase = {
  Whole: 0,
  FamilyHead: 1,
  FamilyGiven: 2,
  FamilySurname: 3,
  RepGiven: 4,
  RepSurname: 5,
  OrgHead: 6,
  OrgTail: 7,
  Sound: 8,
} as const
type Phase = (typeof Phase)[keyof typeof Phase]

type Found = Mention & { order: number; phase: Phase }

type Pick = (part: KnownPart) => Bucket

/**
 * One message read against one index (see findKnown): every way of naming a subject is looked up by
 * the pieces of the text, then the surest, longest reading of each place is kept.
 */
export class KnownFinder {
  /** Per subject (its order) and phase: where its last match ended. */
  private readonly ends = new Map<number, number>()
  /** Per place, way and length: the first subject's mention (later ones share its fate). */
  private readonly found = new Map<string, Found>()
  private readonly candidatesBy = new Map<string, Known[]>()

  constructor(
    private readonly text: string,
    private readonly index: KnownIndex,
  ) {}

  run(): void {
    this.wholes()
    this.byPiece(Phase.FamilyHead, (p) => p.familyHeads)
    this.byPiece(Phase.FamilyGiven, (p) => p.familyGiven)
    this.surnames(Phase.FamilySurname)
    this.byPiece(Phase.RepGiven, (p) => p.repGiven)
    this.surnames(Phase.RepSurname)
    this.byPiece(Phase.OrgHead, (p) => p.orgHeads)
    this.byPiece(Phase.OrgTail, (p) => p.orgTails)
    this.sounds()
  }

  kept(): Mention[] {
    const all = [...this.found.values()].sort(
      (a, b) =>
        RANK[a.how] - RANK[b.how] ||
        b.written.length - a.written.length ||
        a.order - b.order ||
        a.phase - b.phase ||
        a.index - b.index,
    )
    const taken = new Uint8Array(this.text.length)
    const kept: Mention[] = []
    for (const { candidates, how, index, written } of all) {
      const end = index + written.length
      let free = true
      for (let i = index; i < end && free; i++) free = taken[i] === 0
      if (!free) continue
      taken.fill(1, index, end)
      kept.push({ candidates, how, index, written })
    }
    return kept.sort((a, b) => a.index - b.index)
  }

  /** Each subject filed under `key` and not hidden by an earlier part's, with its order. */
  private filed(
    map: (part: KnownPart) => ReadonlyMap<string, number[]>,
    key: string,
    each: (known: Known, order: number) => void,
  ): void {
    const { parts } = this.index
    for (let p = 0; p < parts.length; p++) {
      const part = parts[p]!
      const positions = map(part).get(key)
      if (positions)
        for (const i of positions) if (p === 0 || !this.index.hidden(p, i)) each(part.items[i]!, p * 2 ** 32 + i)
    }
  }

  /** Whether this subject's match in this phase may start here (after its previous one). */
  private fresh(order: number, phase: Phase, at: number): boolean {
    return (this.ends.get(order * 16 + phase) ?? 0) <= at
  }

  private add(m: Found, matched = true): void {
    if (matched) this.ends.set(m.order * 16 + m.phase, m.index + m.written.length)
    const key = `${m.how}|${m.index}|${m.written.length}`
    const before = this.found.get(key)
    if (before && (before.order < m.order || (before.order === m.order && before.phase <= m.phase))) return
    this.found.set(key, m)
  }

  /** The lengths of the pieces filed in any part, shortest first. */
  private lengths(pick: Pick): number[] {
    const parts = this.index.parts
    return parts.length === 1
      ? [...pick(parts[0]!).lengths]
      : [...new Set(parts.flatMap((p) => [...pick(p).lengths]))].sort((a, b) => a - b)
  }

  private startsPiece(pick: Pick, c: string): boolean {
    return this.index.parts.some((p) => pick(p).firsts.has(c))
  }

  /** The whole subject, with or without spaces inside it (刘 翠花). */
  private wholes(): void {
    const { text } = this
    const origin: number[] = []
    let compact = ''
    for (let i = 0; i < text.length; i++)
      if (!SPACE.test(text[i]!)) {
        origin.push(i)
        compact += text[i]
      }
    const pick: Pick = (p) => p.whole
    const lengths = this.lengths(pick)
    for (let c = 0; c < compact.length; c++) {
      if (!this.startsPiece(pick, compact[c]!)) continue
      for (const length of lengths) {
        if (c + length > compact.length) break
        const start = origin[c]!
        this.filed(
          (p) => p.whole.map,
          compact.slice(c, c + length),
          (known, order) => {
            if (!this.fresh(order, Phase.Whole, start)) return
            const written = text.slice(start, origin[c + length - 1]! + 1)
            const how = written === known.subject ? 'exact' : 'spaced'
            this.add({ candidates: [known], how, index: start, written, order, phase: Phase.Whole })
          },
        )
      }
    }
    // A subject with a space inside it: a pattern of its own, as it is rare.
    for (const [p, part] of this.index.parts.entries())
      for (const i of part.spaced) {
        if (this.index.hidden(p, i)) continue
        const known = part.items[i]!
        const spaced = [...known.subject].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[ \\u3000]*')
        for (const m of text.matchAll(new RegExp(spaced, 'g'))) {
          const how = m[0] === known.subject ? 'exact' : 'spaced'
          const order = p * 2 ** 32 + i
          this.add({ candidates: [known], how, index: m.index!, written: m[0], order, phase: Phase.Whole }, false)
        }
      }
  }

  /** A piece of the subject where the text has it, and what must stand around it for the phase. */
  private byPiece(phase: Phase, pick: Pick): void {
    const { text } = this
    const lengths = this.lengths(pick)
    if (lengths.length === 0) return
    const how =
      phase === Phase.FamilyHead ? 'exact' : phase === Phase.OrgHead || phase === Phase.OrgTail ? 'part' : 'given'
    for (let at = 0; at < text.length; at++) {
      if (!this.startsPiece(pick, text[at]!)) continue
      for (const length of lengths) {
        if (at + length > text.length) break
        const piece = text.slice(at, at + length)
        this.filed(
          (p) => pick(p).map,
          piece,
          (known, order) => {
            if (!this.fresh(order, phase, at)) return
            const written = this.around(phase, known, at, piece)
            if (written !== undefined) this.add({ candidates: [known], how, index: at, written, order, phase })
          },
        )
      }
    }
  }

  /** What is written for the subject when its piece stands at `at`, or undefined when it does not name it there. */
  private around(phase: Phase, known: Known, at: number, piece: string): string | undefined {
    const { text } = this
    const end = at + piece.length
    const surname = known.subject[0]!
    switch (phase) {
      case Phase.FamilyHead: {
        // 王建国家 is also 王建国他家, 王建国家里, 王建国 (his wife came).
        let e = end
        if (text[e] === '他' || text[e] === '她') e++
        if (text[e] === '家') e++
        return text.slice(at, e)
      }
      case Phase.FamilyGiven: {
        // 建国家, 建国叔家, 建国哥他家: the given name, a kinship word, then 家 (not 王建国家 again, nor
        // 李建国家, another family).
        if (at > 0 && (text[at - 1] === surname || otherSurname(text[at - 1]))) return undefined
        const tail = matchAt(FAMILY_TAIL, text, end)
        return tail === undefined ? undefined : piece + tail
      }
      case Phase.RepGiven: {
        // Not after her surname (that is her whole name), even with spaces between.
        let j = at - 1
        while (j >= 0 && SPACE.test(text[j]!)) j--
        if (j >= 0 && text[j] === surname) return undefined
        if (piece.length >= 2 && otherSurname(text[at - 1])) return undefined
        if (piece.length === 1) {
          // A one-character given name (梅 of 李梅) only on its own: 梅子, 梅姐, not the 梅 of 赵春梅大姐.
          const before = text[at - 1]
          if (before !== undefined && HAN.test(before) && !JOINS_NAME.has(before)) return undefined
          const word = matchAt(HONORIFIC_OR_ZI_AT, text, end)
          return word === undefined ? undefined : piece + word
        }
        return piece + (matchAt(HONORIFIC_AT, text, end) ?? '')
      }
      default:
        return piece
    }
  }

  /**
   * 老王家 (any of her families named 王…) and 王阿姨 (any 王 she knows): one mention whose candidates
   * are all of them, found once for the first subject with that surname (the others' are the same).
   */
  private surnames(phase: typeof Phase.FamilySurname | typeof Phase.RepSurname): void {
    const { text } = this
    const family = phase === Phase.FamilySurname
    const pick: Pick = (p) => (family ? p.familySurnames : p.repSurnames)
    for (let at = 0; at < text.length; at++) {
      let written: string | undefined
      let surname: string
      if (family) {
        if (text[at] !== '老' || (text[at + 2] !== '家' && text[at + 2] !== '那')) continue
        surname = text[at + 1]!
        written = text.slice(at, at + 3)
      } else {
        surname = text[at]!
        if (!this.startsPiece(pick, surname)) continue
        const word = matchAt(HONORIFIC_AT, text, at + 1)
        if (word === undefined) continue
        written = surname + word
      }
      let first: number | undefined
      this.filed(
        (p) => pick(p).map,
        surname,
        (_k, order) => void (first ??= order),
      )
      if (first === undefined || !this.fresh(first, phase, at)) continue
      const candidates = this.namedBy(family, surname)
      this.add({ candidates, how: 'surname', index: at, written, order: first, phase })
    }
  }

  private namedBy(family: boolean, surname: string): Known[] {
    const key = `${family}|${surname}`
    let list = this.candidatesBy.get(key)
    if (!list) {
      const found: Known[] = []
      this.filed(
        (p) => (family ? p.familiesByFirst : p.peopleByFirst).map,
        surname,
        (k) => void found.push(k),
      )
      list = found
      this.candidatesBy.set(key, list)
    }
    return list
  }

  /** 刘翠华, 李玫, 阳光妈妈护助会: written as it sounds (voice input), not as it is spelled. */
  private sounds(): void {
    const parts = this.index.parts
    const lengths = [...new Set(parts.flatMap((p) => [...p.sounds.lengths]))].sort((a, b) => a - b)
    if (lengths.length === 0) return
    const sounds = syllables(this.text)
    const chars = [...this.text]
    const offsets: number[] = []
    let offset = 0
    for (const c of chars) {
      offsets.push(offset)
      offset += c.length
    }
    for (let i = 0; i < sounds.length; i++) {
      const syllable = sounds[i]!
      const first = syllable.includes(' ') ? syllable.split(' ')[0]! : syllable
      if (!parts.some((p) => p.sounds.firsts.has(first))) continue
      for (const length of lengths) {
        if (i + length > sounds.length) break
        const key = `${length}|${sounds.slice(i, i + length).join(' ')}`
        this.filed(
          (p) => p.sounds.map,
          key,
          (known, order) => {
            const written = chars.slice(i, i + length).join('')
            if (written === known.subject || !HAN_ONLY.test(written)) return
            this.add(
              { candidates: [known], how: 'sound', index: offsets[i]!, written, order, phase: Phase.Sound },
              false,
            )
          },
        )
      }
    }
  }
}
