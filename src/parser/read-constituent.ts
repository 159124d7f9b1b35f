import type { ConstituentIntent } from './command-types'
import { normalizeText } from './normalize-text'
import { matchCommandWord } from './command-specs'
import { LIMITS } from '../domain/vocabulary'
import { mayAskForHelp } from '../nl/request-cue'

/**
 * Courtesies and questions about the bot itself: what a woman says before (or instead of) what she
 * needs. Taken off the front of her message until something else is left, so "你好，在吗？" is a
 * greeting and "你好，想问问两癌筛查在哪报名" is a request.
 */
const COURTESY =
  /^(?:你好|您好|你們好|你们好|大家好|早上好|上午好|中午好|下午好|晚上好|早安|晚安|早|hello|hi|嗨|哈喽|哈罗|在吗|在么|在不在|在嘛|有人吗|有人在吗|请问|打扰了|打扰一下|麻烦了|谢谢你?们?|谢谢了|多谢|感谢|辛苦了|好的|好滴|好|嗯嗯?|哦+|啊+|哈+|呵+|嘿嘿|收到|你是谁|你是干什么的|你是干啥的|你是做什么的|你能干什么|你能做什么|你会什么|你会干啥|怎么用|咋用|小助手|助手|妇联助手|机器人|测试|试试|试一下)/i
const SEPARATORS = /^[\s,，.。!！?？~～、:：;；…\-—]+/

/** A request this long or longer is clipped: the ledger keeps her words, within the ledger's limit. */
const MAX_REQUEST = LIMITS.detail

/**
 * What a constituent's message to the bot asks (pure, no clock): a request to pass on, or nothing but
 * a greeting or an executives' command, which get a one-line hint. `#需求 …` and `#求助 …` from her are
 * requests too: she may have seen an executive write one.
 */
export function readConstituentMessage(text: string, botName: string): ConstituentIntent {
  // "妇联助手，…": voice input drops the @ and says the name instead.
  const called = normalizeText(text, botName)
  const normalized = called.startsWith(botName) ? called.slice(botName.length).replace(SEPARATORS, '') : called
  if (!/^#/.test(normalized)) return requestOrGreeting(normalized)
  const body = normalized.replace(/^#+\s*/, '')
  const [head = '', ...tail] = body.split(' ')
  const need = matchCommandWord(head)
  if (need?.spec.type === 'need') return requestOrGreeting([need.rest, ...tail].join(' '))
  const asked = /^(?:求助|帮忙)\s*/.exec(body)
  if (asked) return requestOrGreeting(body.slice(asked[0].length))
  return { type: 'constituentHint', why: 'command' }
}

/**
 * What a constituent's group message nobody addressed to the bot asks, when it asks the federation for
 * help (nl/request-cue): a request to pass on. Anything else is not the bot's: undefined, never a hint.
 */
export function readGroupPlea(text: string, botName: string): ConstituentIntent | undefined {
  const normalized = normalizeText(text, botName)
  if (!mayAskForHelp(normalized)) return undefined
  const read = requestOrGreeting(normalized)
  return read.type === 'constituentRequest' ? read : undefined
}

function requestOrGreeting(body: string): ConstituentIntent {
  const content = body.trim()
  if (!hasRequest(content)) return { type: 'constituentHint', why: 'greeting' }
  const clipped = [...content].length > MAX_REQUEST ? [...content].slice(0, MAX_REQUEST - 1).join('') + '…' : content
  return { type: 'constituentRequest', content: clipped }
}

/** Something is left after the courtesies: at least two letters or Chinese characters of her own. */
function hasRequest(text: string): boolean {
  let rest = text
  for (;;) {
    const before = rest
    rest = rest.replace(SEPARATORS, '').replace(COURTESY, '')
    if (rest === before) break
  }
  return (rest.match(/[\p{Script=Han}A-Za-z0-9]/gu) ?? []).length >= 2
}
