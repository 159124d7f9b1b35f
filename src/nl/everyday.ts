import { EVERYDAY } from './cues'

/**
 * A message in the words the reader knows: dialect and voice input's words (昨儿个, 咗, 克了, 屋企) put
 * into the common ones, before anything is read. Pure; the group's report cue and the reader share it.
 */
export function inEverydayWords(text: string): string {
  let out = text
  for (const [re, to] of EVERYDAY) out = out.replace(re, to)
  return out
}
