import type { DutyKind } from '../domain/checklist'
import type { ParseError, Parsed } from './command-parts'

/**
 * How the words after a duty command split: a name then free text, a name and a required detail,
 * or a title that is the whole rest.
 */
export type ArgShape = 'name+detail' | 'name+requiredDetail' | 'title'

/** What a recording command writes once read (a typo of it is proposed, then recorded, as the command would). */
export type RecordKind = 'duty' | 'diary' | 'need'

/** What a spec's parse may use: a usage error in its own words, and the other specs by word (#联系 贫困户 …). */
export interface ParseUse {
  usageError(message: string, code?: ParseError['code']): { ok: false; error: ParseError }
  find(word: string): CommandSpec | undefined
}

/**
 * One `#` command, declared once: its words, its help, how its words parse and the command it yields.
 * The parser, #帮助, typo suggestions and the Command union (command-types) are derived from these.
 */
export interface CommandSpec<C extends { type: string } = { type: string }> {
  word: string
  aliases: readonly string[]
  /** The route it goes down (a spec may also yield another command, as #需求 列表 yields records). */
  type: C['type']
  usage: string
  example: string
  /** Its line in #帮助. */
  summary: string
  parse(words: string[], use: ParseUse, spec: CommandSpec): Parsed<C>
  /** Whether it records, and what: a misspelling of it is then proposed before it records. */
  records?: RecordKind
  /** It only shows her something: a misspelling of it is answered at once. */
  readOnly?: true
  /** Understood without "#" as a lone word: in private chat only, or in groups too (收到). */
  bare?: 'private' | 'anywhere'
  duty?: DutyKind
  shape?: ArgShape
  /** For a name that counts one person or family: "一位代表". A list such as "刘翠花、李梅" is refused with it. */
  oneSubject?: string
}

/** The command a spec yields (a union over a union of specs). */
export type CommandOf<S> = S extends CommandSpec<infer C> ? C : never

/** Keeps the spec's own command type (an array of specs would otherwise widen it). */
export const defineCommand = <C extends { type: string }>(spec: CommandSpec<C>): CommandSpec<C> => spec

export const parsed = <const C extends { type: string }>(command: C): Parsed<C> => ({ ok: true, command })
