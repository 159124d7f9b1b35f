import { SURNAMES } from './people'
import { A_NOT_A, MAYBE_QUESTION_WORDS, OTHERS, PRAISE_WORDS, QUESTION_WORDS, TO_EVERYONE, alternation } from './cues'

const ASKS = new RegExp(alternation(QUESTION_WORDS))
const MAY_ASK = new RegExp(alternation(MAYBE_QUESTION_WORDS))
/** A sentence that ends as a question does: 吗, 么, 呢, 不, 没有, 没 (了没), or a question mark. */
/** 嘛 asks only when little else does ("是代表嘛", "就是慰问嘛" tell); 吗 always. */
const ASKS_AT_END = /(?:吗|么|(?<!(?:就是|是|了)[^，,]{0,10})嘛|(?<!着)呢|不|没有?|[？?])[啊呀哈吧\s]*[？?]?$/
/** A deed and then asking someone ("打了个电话问问她家麦子收了没"): the question at the end is what she asked. */
const ASKED_SOMEONE = /了.*(?:问问|问了问|问了|打听|问(?=她|他))/
/** Before a question word, a deed or someone asking: the question is what was talked about. */
const TOLD_BEFORE = /了|过|问|说|聊|商量|合计/

/** A clause that asks (the bot or the group) rather than tells what she did. */
export function isQuestion(clause: string): boolean {
  // "建议案交了，就是关于两癌筛查能不能每年搞一次的": what a paper is about asks nothing.
  const c = clause.trim().replace(/(?<=.)(?:就是)?(?:那个)?关于.*$/, '')
  // "这礼拜哪天来着 反正跟王秀兰通了回电话": a day she does not remember, not a question.
  if (/(?:哪天|几号|什么时候|啥时候)来着/.test(c)) return false
  // "好像上个礼拜还是上上个礼拜我记不清了": a day she does not remember.
  if (/还是|来着/.test(c) && /记不清|记不得|忘了|不记得/.test(c)) return false
  // "给她打了电话就是问她年底开会能不能来": what she asked someone is no question to the bot.
  const asked = ASKED_SOMEONE.exec(c)
  if (asked) return isQuestion(c.slice(0, asked.index + asked[0].search(/问|打听/)))
  if (ASKS_AT_END.test(c) || ASKS.test(c) || A_NOT_A.test(c) || /^(?:谁|哪位|有没有人|有谁)/.test(c)) return true
  const m = MAY_ASK.exec(c)
  // "具体哪天忘了": what she does not remember, not a question.
  return (
    !!m &&
    !TOLD_BEFORE.test(c.slice(0, m.index)) &&
    !/^[^，,。]{0,4}(?:忘了|记不清|不记得)/.test(c.slice(m.index + m[0].length))
  )
}

/** Someone's work praised ("李庄村的姐妹们今天的义诊搞得真好"). */
const PRAISED = new RegExp(alternation(PRAISE_WORDS))
/** Said to everyone: "…通知大家都转发一下". */
const TO_ALL = new RegExp(TO_EVERYONE.join('|'))
/** Words with 我 that do not put her in the deed: whose village it is, what she answered. */
const NOT_HER_PART = /(?:我|咱|俺)(?:们)?(?:村|组|镇|社区|妇联)(?:的)?|我说|我没(?:去|赶上|参加|能去)/g

/**
 * "李梅大姐今天去看了老王家", "王芳姐今天去敬老院了", "秀兰姐今天去看了五保户" (not "周日下午去看了…", a day):
 * a woman named, by her name or as 姐, who went somewhere herself.
 */
const WENT_HERSELF = new RegExp(
  `^(?!周[一二三四五六日天末])(?:[${[...SURNAMES].join('')}][\\u4e00-\\u9fff]{1,2}(?:大姐|姐|阿姨|婶)?|[\\u4e00-\\u9fff]{1,2}(?:大姐|姐|阿姨|婶))(?:今天|昨天|前天|上午|下午)(?:也|又)?去(?:看了|了|[^，,。我俺咱]{1,8}?了)`,
)
/** "小周昨天去看了李梅大姐": a colleague called by her nickname, and what she did. */
const NICKNAMED_WENT = new RegExp(`^(?:小|老)[${[...SURNAMES].join('')}](?:今天|昨天|前天|上午|下午)?(?:去|到|带|帮)`)

/** "李梅说她昨天去看了张桂兰", "李梅跟我说她去看了…", "王秀兰讲伊上礼拜去看过…": someone named, telling of her own deed. */
const TOLD_OWN_DEED = new RegExp(
  `^(?:(?:妇女)?代表)?[${[...SURNAMES].join('')}][\u4e00-\u9fff]{1,2}(?:大姐|姐|阿姨|婶|代表)?(?:跟我|和我|对我)?(?:说|讲)(?:她|他|伊)(?:自己)?(?:今天|昨天|前天|上周|上礼拜|这周|这礼拜|刚才)?(?:去|到|联系|走访|看|参加|带|帮)`,
)
const TITLED = new RegExp(`^(?:[${[...SURNAMES].join('')}]|老|小)?(?:${alternation(OTHERS)})`)
/** "她说…", "他家老人住院了", "人家说…": what someone else said or has, after what she did. */
const THIRD_PERSON =
  /^(?:她|他|人家|对方|老人家?|老太太|老爷子|孩子|娃)(?:们)?(?:说|讲|反映|问|想|要|希望|家|的|还|也|都|现在|身体|腿|最近)/

/** "王主任今天带队去看了…", "大家辛苦了", "…的义诊搞得真好": someone else's deed or words to everyone, not hers. */
export function isOthersDeed(clause: string): boolean {
  // "我们村赵主任今天去了…": whose 主任 she is does not make it her deed.
  const c = clause
    .trim()
    .replace(/^(?:那个|这个)/, '')
    .replace(
      /^(?:我们|咱们|俺们|我家|俺家|咱|俺|我(?=老公|老伴|爱人|闺女|儿子|女儿|婆婆|公公))(?:村|组|乡|镇上?|社区|妇联|县里?)?(?:的)?/,
      '',
    )
    .replace(/^(?:邻村|隔壁村|外村|别村)的?/, '')
    // "镇上的周主任昨天去…": where the one named works does not make it her deed.
    .replace(
      /^(?:镇上|镇里|村里|县里|乡里|区里|市里|街道)的?(?=[\u4e00-\u9fff]{0,3}(?:主任|书记|主席|部长|镇长|村长|干部|领导))/,
      '',
    )
    .replace(/^(?:村|镇|乡|组)(?=支书|主任|书记|会计|长)/, '')
  // "他们家孩子的助学金批下来了": the family's news, not their deed.
  if (/^(?:她|他)们?家/.test(c)) return false
  // "李梅说她昨天去看了张桂兰": what someone told of her own deed.
  if (TOLD_OWN_DEED.test(c)) return true
  // "李梅大姐今天去看了老王家": a woman named who went somewhere herself.
  if (WENT_HERSELF.test(c)) return true
  // "小周昨天去看了李梅大姐": a colleague called by her nickname, and what she did.
  if (NICKNAMED_WENT.test(c)) return true
  // "玉珍姐今天带队去敬老院了": someone named who led the others.
  if (/^[\u4e00-\u9fff]{1,3}(?:姐|大姐|主任|书记|婶|老师)(?:今天|昨天|上午|下午)?带(?:队|着大家)/.test(c)) return true
  // "马姐把王建国家的事办好了": a colleague who got something done.
  if (/^[\u4e00-\u9fff]{1,3}(?:姐|大姐|阿姨|婶|主任|书记)(?:今天|昨天)?把/.test(c)) return true
  // "李梅姐刚才说的那个事我同意": what a colleague said in the group, answered.
  if (/^[\u4e00-\u9fff]{1,4}(?:刚才|刚刚|上面|前面)说的/.test(c)) return true
  // "听村里人讲李梅昨天去看了…": what she heard someone did.
  if (/^(?:听说|听(?:村里|组里)?(?:人|大家|她们|他们)?(?:讲|说))/.test(c)) return true
  // Unless she is in it ("王主任带我们去…", "大家好，我今天…"); "我们村的", "我说" are no part of hers.
  return (TITLED.test(c) || PRAISED.test(c) || TO_ALL.test(c)) && !/我|咱|俺/.test(c.replace(NOT_HER_PART, ''))
}

/** What the person she met said or has: talked about, never a deed of hers (a 两癌筛查 she only heard of). */
export function isReported(clause: string): boolean {
  return THIRD_PERSON.test(clause.trim())
}
