import { HONORIFICS, SURNAMES } from './people'
import { FAMILY_WORDS, alternation } from './cues'

/**
 * A poor family as the executives' group may see it: by its name, never by its situation. People type
 * both in one go (#帮扶 赵大山家低保户老人住院欠了两万多, #帮扶：李有才家，低保户，丈夫瘫痪在床), and the
 * group reply repeats the subject, so the name is separated from the situation before anything is
 * recorded, or, when that cannot be done with confidence, she is asked in private chat.
 *
 * - `clean`: the whole subject is a name (王建国家, 孙家, 老李家, 刘翠花, 张大姐).
 * - `split`: a name, then what happened, set off by punctuation or starting with a word that describes
 *   a situation (低保, 老人, 住院…): the name is recorded, the rest is the record's detail.
 * - `unsure`: anything else; `guess` is the likeliest name (up to the first 家), when there is one.
 */
export type FamilyName =
  | { type: 'clean'; name: string }
  | { type: 'split'; name: string; situation: string }
  | { type: 'unsure'; guess?: string }

const HAN = '\\u4e00-\\u9fff'
const SURNAME = `[${[...SURNAMES].join('')}]`
const NAME = new RegExp(
  `^(?:${SURNAME}[${HAN}]{0,3}家|[老小]${SURNAME}家?|${SURNAME}[${HAN}]{1,2}(?:${HONORIFICS.join('|')})?|${SURNAME}(?:${HONORIFICS.join('|')}))$`,
)
/** Words that start a description of a family, not a name. */
const SITUATION =
  /^(?:低保|五保|特困|困难|贫困|建档立卡|单亲|留守|空巢|独居|残疾|残障|瘫痪|重病|大病|患|病|住院|欠|因病|因学|家暴|离婚|丧偶|失业|无业|没有|没钱|生活|收入|老人|老两口|孩子|小孩|儿子|女儿|孙子|孙女|丈夫|老公|妻子|媳妇|老伴|母亲|父亲|婆婆|公公|一家|全家|家里|户|的)/
const SITUATION_INSIDE = new RegExp(SITUATION.source.replace(/^\^/, ''))
const SEPARATOR = /^[\s,，、:：;；.。(（-]+/
/** The longest a family's name runs before its 家: 欧阳建国家. */
const LONGEST_NAME = 6

/** A family by its name: a surname's (王建国家, 老李家), a person's (刘翠花), or any short name and 家 (阿依古丽家). */
function isName(text: string): boolean {
  if (NAME.test(text)) return true
  return ANY_FAMILY.test(text) && !SITUATION_INSIDE.test(text)
}
const ANY_FAMILY = new RegExp(`^[${HAN}]{1,5}家$`)

/** What kind of family it is, written before its name: 低保户陈玉珍家, 五保户：赵长福家. */
const LABEL = new RegExp(`^(${alternation(FAMILY_WORDS)})[：:\\s]*`)

export function separateFamily(subject: string): FamilyName {
  const text = subject.trim()
  if (isName(text)) return { type: 'clean', name: text }
  const label = LABEL.exec(text)
  if (label) {
    const after = separateFamily(text.slice(label[0].length))
    if (after.type === 'clean') return { type: 'split', name: after.name, situation: label[1]! }
    if (after.type === 'split') return { ...after, situation: `${label[1]!}，${after.situation}` }
  }
  let guess: string | undefined
  for (let end = Math.min(text.length, LONGEST_NAME); end >= 2; end--) {
    const name = text.slice(0, end)
    if (!isName(name)) continue
    const rest = text.slice(end)
    const situation = rest.replace(SEPARATOR, '').replace(/[)）]$/, '')
    if (situation && (SEPARATOR.test(rest) || SITUATION.test(rest))) return { type: 'split', name, situation }
    if (name.endsWith('家')) guess ??= name
  }
  return guess ? { type: 'unsure', guess } : { type: 'unsure' }
}

/** A subject the group may see as it is. */
export function isCleanFamilyName(subject: string): boolean {
  return separateFamily(subject).type === 'clean'
}
