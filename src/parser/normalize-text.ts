import { dropInvisible } from '../domain/invisible'

/**
 * Phone keyboards give full-width ＃ and spaces, WeChat puts "@机器人\u2005" before a mention,
 * and people end with punctuation or emoji. This reduces all of that to plain text.
 */
const EMOJI = /[\p{Extended_Pictographic}\u{FE0E}\u{FE0F}\u{200D}\u{20E3}\u{1F3FB}-\u{1F3FF}]/gu
const SPACES = /[\s\u2005\u3000\u00a0\u200b]+/g
/** Tried only where a run of them starts, so a long run in the middle is passed once, not once per character. */
const TRAILING = /(?<![\s。.，,、！!？?～~…；;：:])[\s。.，,、！!？?～~…；;：:]+$/u
/** Control characters and direction overrides; the invisible ones (invisible.ts) are dropped as well. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200c-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g
const FULL_WIDTH = /[\uFF01-\uFF5E]/g
const CHINESE_PUNCTUATION = new Set('，：；！？（）')

/**
 * Full-width ASCII (＃, ＠, digits, letters) becomes ASCII so that commands, numbers and dates match;
 * Chinese punctuation stays as typed, because diaries, needs and notices are stored and posted as written.
 */
export function foldWidth(text: string): string {
  return text
    .normalize('NFC')
    .replace(FULL_WIDTH, (c) => (CHINESE_PUNCTUATION.has(c) ? c : String.fromCharCode(c.charCodeAt(0) - 0xfee0)))
}

export function normalizeText(text: string, botName: string): string {
  let out = dropInvisible(foldWidth(text).replace(CONTROL, '')).replace(EMOJI, ' ').replace(SPACES, ' ').trim()
  out = stripMentions(out, foldWidth(botName))
  return out.replace(TRAILING, '').trim()
}

/** Removes leading "@BotName" (and, in groups, any other leading @-mentions before the command). */
function stripMentions(text: string, botName: string): string {
  let out = text
  for (;;) {
    if (botName && out.startsWith('@' + botName)) {
      out = out.slice(botName.length + 1).trimStart()
      continue
    }
    const other = /^@\S+\s+(?=[#＃])/.exec(out)
    if (other) {
      out = out.slice(other[0].length)
      continue
    }
    return out
  }
}
