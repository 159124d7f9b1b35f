import { pinyin } from 'pinyin-pro'

/**
 * Deed verbs as they sound: a phone's pinyin input puts another word of the same sound where she meant
 * 联系 or 走访 (联细, 连喜, 走方). Two characters before 了 or 过 that sound like one of these and are
 * not it are read as it.
 */
const VERBS = ['联系', '走访', '看望', '慰问', '拜访', '探望']
const SOUND = (text: string) => pinyin(text, { toneType: 'none', type: 'array' }).join(' ')
const BY_SOUND = new Map(VERBS.map((v) => [SOUND(v), v]))
/** The sounds of pairs met before (a pair's sound never changes); bounded. */
const MEMO = new Map<string, string>()
const HAN_PAIR = /^[\u4e00-\u9fff]{2}$/

function soundOf(pair: string): string {
  let s = MEMO.get(pair)
  if (s === undefined) {
    s = SOUND(pair)
    if (MEMO.size >= 20_000) MEMO.delete(MEMO.keys().next().value!)
    MEMO.set(pair, s)
  }
  return s
}

export function fixSoundAlikeVerbs(text: string): string {
  let out = text
  for (let i = text.indexOf('了', 2); i >= 0; i = text.indexOf('了', i + 1)) out = fixAt(out, i)
  for (let i = text.indexOf('过', 2); i >= 0; i = text.indexOf('过', i + 1)) out = fixAt(out, i)
  return out
}

function fixAt(text: string, at: number): string {
  const pair = text.slice(at - 2, at)
  if (!HAN_PAIR.test(pair)) return text
  const verb = BY_SOUND.get(soundOf(pair))
  return verb && verb !== pair ? text.slice(0, at - 2) + verb + text.slice(at) : text
}
