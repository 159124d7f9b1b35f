import type { CommandSpec } from './command-spec'

/** A list of command specs looked up by word: the bot's own (command-specs), or a test's with one more. */
export interface CommandBook {
  readonly specs: readonly CommandSpec[]
  find(word: string): CommandSpec | undefined
  /** Splits "联系刘翠花" (no space) into the command word and the rest. */
  match(head: string): { spec: CommandSpec; rest: string } | undefined
}

export function commandBook(specs: readonly CommandSpec[]): CommandBook {
  const byWord = new Map<string, CommandSpec>()
  for (const spec of specs) for (const w of [spec.word, ...spec.aliases]) byWord.set(w.toLowerCase(), spec)
  // Longest words first, so 社会组织 wins over a shorter alias that is its prefix.
  const words = [...byWord.keys()].sort((a, b) => b.length - a.length)
  return {
    specs,
    find: (word) => byWord.get(word.toLowerCase()),
    match(head) {
      const lower = head.toLowerCase()
      const w = words.find((w) => lower.startsWith(w))
      return w === undefined ? undefined : { spec: byWord.get(w)!, rest: head.slice(w.length) }
    },
  }
}
