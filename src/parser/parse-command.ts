import type { ParseError, ParseResult } from './command-types'
import { COMMANDS, matchCommandWord } from './command-specs'
import type { CommandBook } from './command-book'
import type { CommandSpec } from './command-spec'
import { soundsLikeCommand } from './fuzzy-command'
import { normalizeText } from './normalize-text'
import { joinSplitNames } from '../nl/people'
import { looksLikeName } from './parse-duty'

export { LIMITS } from '../domain/vocabulary'

export interface ParseOptions {
  botName: string
  /** In groups only "#…" is a command (and a lone "收到"); in private chat "进度" works without "#". */
  requireHash: boolean
  /** The commands to read: the bot's own unless a test adds one. */
  book?: CommandBook
}

/** Text in, a typed command or a typed error out; `undefined` when the text is not meant for the bot. */
export function parseCommand(text: string, options: ParseOptions): ParseResult | undefined {
  const book = options.book ?? COMMANDS
  const normalized = normalizeText(text, options.botName)
  const hashed = /^#/.test(normalized)
  const body = joinSplitNames(normalized.replace(/^#+\s*/, ''))
  if (body === '')
    return hashed ? fail('unknownCommand', undefined, '请在 # 后面写上命令，例如 #进度。', '#帮助') : undefined
  const [head = '', ...tail] = body.split(' ')
  const match = hashed ? book.match(head) : matchBareWord(book, head, tail, options.requireHash)
  // "#联系带表 李梅": what follows the command word is itself a command word, misspelt. Not a name to record.
  const glued = match && hashed && match.rest !== '' ? soundsLikeCommand(match.rest, book.specs) : undefined
  if (!match || glued?.type === 'duty') {
    if (!hashed) return undefined
    return {
      ok: false,
      error: {
        code: 'unknownCommand',
        word: head,
        message: `没有“${head.slice(0, 10)}”这个命令。发送 #帮助 查看全部命令。`,
        usage: '#帮助',
        rest: tail.join(' '),
      },
    }
  }
  const words = [match.rest, ...tail].filter((w) => w !== '')
  return build(match.spec, words, book)
}

/**
 * Without "#" only a lone word counts, so "报告一下情况" is never a duty log: in private chat the
 * question words, in groups only "收到" (people answer notices that way, and it stays silent there):
 * a spec's `bare`.
 */
function matchBareWord(book: CommandBook, head: string, tail: string[], inGroup: boolean) {
  const match = book.match(head)
  if (!match || match.rest !== '' || tail.length > 0) return undefined
  const bare = match.spec.bare
  return bare === 'anywhere' || (bare === 'private' && !inGroup) ? match : undefined
}

function fail(code: ParseError['code'], word: string | undefined, message: string, usage: string): ParseResult {
  return { ok: false, error: { code, word, message, usage } }
}

/** The spec's own parse, with its usage line for errors and the other specs to hand. */
function build(spec: CommandSpec, words: string[], book: CommandBook): ParseResult {
  const usageError = (message: string, code: ParseError['code'] = 'missingArgument') =>
    ({ ok: false, error: { code, word: spec.word, message, usage: spec.usage } }) as const
  // The spec's parse yields its own command; the book's specs together yield the Command union.
  return spec.parse(words, { usageError, find: book.find }, spec) as ParseResult
}

/**
 * "联系刘翠花" (of "#联系刘翠花"): a command word of the bot's that records a person or a family, with a
 * name glued to it. An added checklist word that begins with that command word and cuts into the name
 * (联系刘 of a unit's "联系刘家") must not take such a line: the bot's own command does (MS-04).
 */
export function nameAfterCommandWord(word: string): boolean {
  const match = matchCommandWord(word)
  return !!match && match.spec.type === 'duty' && match.spec.shape !== 'title' && looksLikeName(match.rest)
}
