import { pinyin } from 'pinyin-pro'
import { COMMAND_SPECS } from './command-specs'
import type { CommandSpec } from './command-spec'

const sound = (word: string) => pinyin(word, { toneType: 'none', separator: '' }).toLowerCase()

/** Levenshtein distance, for words of a few characters. */
function distance(a: string, b: string): number {
  const x = [...a]
  const y = [...b]
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j)
  for (let i = 1; i <= x.length; i++) {
    const row = [i]
    for (let j = 1; j <= y.length; j++)
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1))
    prev = row
  }
  return prev[y.length]!
}

type Word = { spec: CommandSpec; word: string; sound: string }
/** Each list's words with their sounds, worked out once per list. */
const SOUNDS = new WeakMap<readonly CommandSpec[], Word[]>()
function wordsOf(specs: readonly CommandSpec[]): Word[] {
  let words = SOUNDS.get(specs)
  if (!words) {
    words = specs.flatMap((spec) => [spec.word, ...spec.aliases].map((word) => ({ spec, word, sound: sound(word) })))
    SOUNDS.set(specs, words)
  }
  return words
}

/**
 * The command she probably meant by a word that is none: one that sounds the same (联细, 练习, 进渡, 日纪
 * — pinyin input slips), or differs by one character (联糸), or sounds one letter off (帮组).
 * The nearest commands, best first: empty when nothing is close (the caller keeps those it can use).
 */
export function closestCommands(typed: string, specs: readonly CommandSpec[] = COMMAND_SPECS): CommandSpec[] {
  const words = wordsOf(specs)
  const word = typed.toLowerCase()
  if ([...word].length < 2 || [...word].length > 6) return []
  const heard = sound(word)
  const scored = words
    .map((w) => {
      const soundsOff = distance(w.sound, heard)
      const rank =
        w.sound === heard ? 0 : distance(w.word, word) === 1 && [...w.word].length >= 2 ? 1 : soundsOff <= 1 ? 2 : 9
      // Between words one character off, the one that also sounds nearer wins (帮组: 帮助, not 帮扶).
      return { spec: w.spec, score: rank * 100 + Math.min(soundsOff, 99) }
    })
    .filter((s) => s.score < 900)
  const best = new Map<CommandSpec, number>()
  for (const s of scored) best.set(s.spec, Math.min(best.get(s.spec) ?? 999, s.score))
  return [...best.entries()].sort((a, b) => a[1] - b[1]).map(([spec]) => spec)
}

/** A command word she wrote, or one that sounds exactly like it (带表 for 代表): no guessing beyond that. */
export function soundsLikeCommand(
  typed: string,
  specs: readonly CommandSpec[] = COMMAND_SPECS,
): CommandSpec | undefined {
  const words = wordsOf(specs)
  const word = typed.toLowerCase()
  if ([...word].length < 2 || [...word].length > 6) return undefined
  const heard = sound(word)
  return words.find((w) => w.word === word)?.spec ?? words.find((w) => w.sound === heard)?.spec
}
