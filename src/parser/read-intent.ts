import type { Command, Intent } from './command-types'
import { parseCommand } from './parse-command'
import type { CommandBook } from './command-book'
import { normalizeText } from './normalize-text'
import { readReceipt, type Receipt } from '../nl/read-receipt'
import { MESSAGE_LIMITS } from '../domain/vocabulary'
import { mayBeReport } from '../nl/report-cue'
import { mayAskForHelp } from '../nl/request-cue'

export interface MessageShape {
  text: string
  kind: 'text' | 'voice' | 'media'
  /** Private chat, or a group message that @-mentions the bot. */
  toBot: boolean
  inGroup: boolean
}

/** A voice note in a group cannot @-mention: one that names the bot or asks to be recorded is for it. */
const VOICE_FOR_BOT = /^(?:妇联助手|小助手|助手)|帮我记|记一下|记下来|帮我登记/

/**
 * What a message asks of the bot, or undefined when it is not for the bot (group chatter). Pure: the
 * same message always reads the same way, so a replay after a crash routes exactly like the first time.
 */
export function readIntent(msg: MessageShape, botName: string, book?: CommandBook): Intent | undefined {
  if (msg.kind === 'media') return msg.toBot ? { type: 'media' } : undefined
  if (msg.text.length > MESSAGE_LIMITS.chars) return tooLong(msg)
  if (msg.kind === 'voice') {
    const text = msg.text.trim()
    // Not for the bot: a report posted by voice is read all the same, and asked about privately.
    if (msg.inGroup && !(text && (VOICE_FOR_BOT.test(text) || text.startsWith(botName)))) {
      // "收到收到" said into the phone acknowledges a notice as typing it does.
      const receipt = text.length <= 12 || /通知/.test(text) ? readReceipt(text) : undefined
      if (receipt) return ackOf(receipt)
      return groupMessage(text, true)
    }
    return text ? { type: 'sentence', text, heard: true } : { type: 'unheard' }
  }
  if (!msg.inGroup) {
    const iAm = readIAm(normalizeText(msg.text, botName))
    if (iAm) return iAm
  }
  const batch = commandLines(msg.text, botName, book)
  if (batch) return batch
  const parsed = parseCommand(msg.text, { botName, requireHash: !msg.toBot, book })
  if (parsed?.ok) return parsed.command
  if (parsed?.error.code === 'unknownCommand' && parsed.error.word)
    return { type: 'unknownCommand', word: parsed.error.word, rest: parsed.error.rest ?? '' }
  if (parsed) return { type: 'parseError', error: parsed.error }
  const bare = normalizeText(msg.text, botName)
  if (/^[0-9]$/.test(bare)) return { type: 'answer', digit: Number(bare) }
  const numbered = /^([1-9][0-9]?)\s*[-－—–]\s*([0-9])$/.exec(bare)
  if (numbered) return { type: 'answer', question: Number(numbered[1]), digit: Number(numbered[2]) }
  const pick = readPick(bare)
  if (pick) return pick
  const redate = /^#?改(?:一下)?日期[：:\s]*(\S.{0,20})$/.exec(bare)
  if (redate) return { type: 'redate', date: redate[1]! }
  const receipt = msg.inGroup || bare.length <= 12 || /通知/.test(bare) ? readReceipt(msg.text) : undefined
  if (receipt) return ackOf(receipt)
  if (msg.toBot) return { type: 'sentence', text: msg.text }
  // Posted in the group for everyone to see ("今天走访了代表…[强]"): read, and asked about privately.
  return msg.inGroup ? groupMessage(msg.text, false) : undefined
}

/** A receipt as the intent it is: the newest notice unless she named one. */
const ackOf = (receipt: Receipt): Intent => ({
  type: 'ack',
  ...(receipt.notice === 'newest' ? {} : { which: receipt.notice }),
})

/**
 * A group message nobody addressed to the bot: a report worth reading, a plea for help worth passing on
 * (only a constituent's, in a constituents' group: handlers decide, knowing who wrote where), or chatter.
 */
function groupMessage(text: string, heard: boolean): Intent | undefined {
  const said = heard ? { heard } : {}
  if (mayBeReport(text)) return { type: 'groupReport', text, ...said }
  return mayAskForHelp(text) ? { type: 'groupAsk', text, ...said } : undefined
}

const HASHED = /^\s*(?:@\S+[\s\u2005]*)?[#＃]/

/**
 * Longer than any message the bot reads: refused with a sentence when it is for the bot (private, an
 * @-mention, a `#` command), ignored when it is group chatter. Nothing of it is read.
 */
function tooLong(msg: MessageShape): Intent | undefined {
  if (!msg.toBot && !(msg.kind === 'text' && HASHED.test(msg.text.slice(0, 200)))) return undefined
  return {
    type: 'parseError',
    error: {
      code: 'tooLong',
      message: `这条消息太长了，我没有读。每条请不超过 ${MESSAGE_LIMITS.chars - 100} 字，长的内容请分几条发。`,
      usage: '#帮助',
    },
  }
}

/** "#联系 刘翠花⏎#公益 义诊": every line a command, each handled; at most MESSAGE_LIMITS.lines of them. */
function commandLines(text: string, botName: string, book: CommandBook | undefined): Intent | undefined {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '')
  if (lines.length < 2 || !lines.every((l) => HASHED.test(l))) return undefined
  if (lines.length > MESSAGE_LIMITS.lines)
    return {
      type: 'parseError',
      error: {
        code: 'tooLong',
        message: `一条消息最多 ${MESSAGE_LIMITS.lines} 行命令，这条有 ${lines.length} 行，我没有记。请分几条发。`,
        usage: '#联系 刘翠花⏎#公益 义诊（每行一条命令）',
      },
    }
  const commands: Command[] = []
  for (const line of lines) {
    const parsed = parseCommand(line, { botName, requireHash: true, book })
    if (!parsed?.ok) return undefined
    commands.push(parsed.command)
  }
  return { type: 'batch', commands }
}

/**
 * "我是 张秀英", "我是张秀英", "我叫张秀英", "我是白庙村的张秀英", "我是 张秀英 白庙村", "我是 张秀英 12345678",
 * "绑定码 12345678" (with or without #): who she says she is, in private chat. Only a name of two to
 * four characters: "我是妇女代表" or "我是张秀英，今天去看了刘翠花" are sentences.
 */
function readIAm(text: string): Intent | undefined {
  const code = /^#?(?:绑定码|验证码)[：:\s]*(\d{8})$/.exec(text)
  if (code) return { type: 'iAm', code: code[1] }
  const m =
    /^我(?:是|叫)\s*(?:([\u4e00-\u9fff]{2,12}?)的)?\s*([\u4e00-\u9fff]{2,4})(?:\s+([\u4e00-\u9fff]{2,12}))?(?:\s+(\d{8}))?[。.！!]?$/.exec(
      text,
    )
  if (!m || /代表|执委|主席|干部|管理员|妇联|群众/.test(m[2]!)) return undefined
  const org = m[1] ?? m[3]
  return { type: 'iAm', name: m[2], ...(org ? { org } : {}), ...(m[4] ? { code: m[4] } : {}) }
}

/** One item's number: 1, 第二个, 三条. */
const ITEM = '(?:第\\s*)?[1-9一二三四五六七八九]\\s*(?:个|条|件|项)?'
const ITEMS = `${ITEM}(?:\\s*[、,，和跟及\\s]\\s*${ITEM})*`
const KEEP_ONLY = new RegExp(`^(?:只记|只要|只留|就记|记)\\s*(${ITEMS})(?:就行|就好|吧)?$`)
const DIGITS = /^([1-9](?:\s*[\s、,，]\s*[1-9])+)$/
const DROP = new RegExp(
  `^(${ITEMS})\\s*(?:不要|不记|别记|去掉|删掉|不用记)了?$|^(?:不要|不记|别记|去掉|删掉)\\s*(${ITEMS})$`,
)
const NUMERAL: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }
const numbersIn = (text: string) =>
  [...text.matchAll(/[1-9一二三四五六七八九]/g)].map((m) => NUMERAL[m[0]] ?? Number(m[0]))

/**
 * Which items of a question of several she keeps: "1 3" and "只记1" keep those, "第二个不要" leaves one
 * out. Never "2-1" (question 2, option 1, read before this) nor a lone digit (an answer).
 */
function readPick(bare: string): Intent | undefined {
  const only = KEEP_ONLY.exec(bare) ?? DIGITS.exec(bare)
  if (only) return { type: 'pick', keep: numbersIn(only[1]!) }
  const drop = DROP.exec(bare)
  if (drop) return { type: 'pick', drop: numbersIn(drop[1] ?? drop[2]!) }
  return undefined
}
