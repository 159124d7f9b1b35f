import { CONTACTED, FAMILY_WORDS, SOCIAL_ORG_SUFFIX, SOLVED, kindsIn } from './classify'
import { FORWARDED, WOMEN_WHO_WISH, alternation } from './cues'
import { inEverydayWords } from './everyday'

/** "二组的妇女们希望村里装几盏路灯": women's wish, a need to ask her about. */
const WOMEN_WISH = new RegExp(`(?:${alternation(WOMEN_WHO_WISH)})(?:们)?[^，,。]{0,4}(?:希望|想要|想学|想找|反映|盼着)`)

/** Something done (了, 过, 完, 好) or a day named, even a vague one: a report tells what happened. */
const DONE =
  /✅|☑|✔|了|咗|哒|喇|已|过|走访|看望|慰问|拜访|本周|汇报|小结|\d{1,2}[.．月]\d{1,2}|完|好|刚|今天|昨天|前天|今早|早上|夜来|今儿|昨儿|今日|昨日|今朝|上午|下午|中午|晚上|周[一二三四五六日天末]|星期[一二三四五六日天]|^联系|号|这两天|这几天|前几天|前两天|上周|上礼拜|这周|这礼拜|最近/
/** Said to someone else in the group: "@李梅 你们村的表交了没有". */
const TO_SOMEONE =
  /^\s*@|^[\u4e00-\u9fff]{1,2}(?:姐|大姐|主任|书记|老师|主席)[，,]|^[\u4e00-\u9fff]{1,3}[，,\s]+你|^[\u4e00-\u9fff]{1,2}(?:姐|大姐|主任|书记|老师|主席)你/

/**
 * Whether a group message not addressed to the bot may be a duty report worth reading (the reader then
 * decides): cheap, so the chatter of a busy group costs nothing. Never a forwarded notice, never a
 * message to a colleague, never one with no deed word and nothing done in it.
 */
export function mayBeReport(written: string): boolean {
  if (written.length < 4 || written.length > 600 || TO_SOMEONE.test(written) || FORWARDED.test(written)) return false
  // "我今天克哒周国平屋里": read in the common words, as the reader will.
  const text = inEverydayWords(written)
  // "需求一个：…", "记个需求：…": a need marked as such.
  if (
    /^(?:帮我)?(?:记个?|登记)?(?:一个|个)?(?:妇女)?需求|(?:记|登记|报)[^，,。]{0,4}需求|有(?:个|一个|一条)(?:妇女)?需求|需求[^，,。]{0,4}(?:记|登记)/.test(
      text,
    )
  )
    return true
  // "二组的妇女们希望村里装几盏路灯": women's wish, a need to ask her about.
  if (WOMEN_WISH.test(text)) return true
  if (!DONE.test(text)) return false
  return (
    CONTACTED.test(text) ||
    SOLVED.test(text) ||
    FAMILY_WORDS.test(text) ||
    SOCIAL_ORG_SUFFIX.test(text) ||
    // "今天那个写完了妇情日记": her diary.
    /日记|妇情/.test(text) ||
    kindsIn(text).length > 0
  )
}
