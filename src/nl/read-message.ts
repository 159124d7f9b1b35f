import type { DutyKind } from '../domain/checklist'
import { isValidDate, type LocalDate } from '../domain/zoned-time'
import { findDate, type DateContext, type FoundDate } from './find-date'
import { findKnown, isCertain, type Known, type KnownIndex, type Mention } from './find-known'
import { findNewNames } from './find-new-names'
import { mayAskForHelp } from './request-cue'
import { SURNAMES, joinAppositions, joinSplitNames } from './people'
import { dropInvisible } from '../domain/invisible'
import { withoutNames } from './without-names'
import {
  CONTACT_WORDS as CONTACT_LIST,
  FAMILY_WORDS as FAMILY_LIST,
  MENS_NAME_CHARACTERS,
  WOMENS_NAME_CHARACTERS,
  NEEDY_WORDS,
  WOMEN_WHO_WISH,
  alternation,
} from './cues'
import { fixSoundAlikeVerbs } from './sound-alike-verbs'
import { inEverydayWords } from './everyday'
import { isOthersDeed, isQuestion, isReported } from './clause-kinds'
import { splitRunOn } from './run-on'
import { extensionAt, namesakeOf } from './namesake'
import {
  ABOUT,
  CONTACTED,
  FAMILY_WORDS,
  GROUP_BUILT,
  REQUEST,
  SOLVED_EVERYWHERE,
  kindAt,
  NEED_WORDS,
  NOT_DONE,
  RELATIVE_AFTER,
  SOCIAL_ORG_SUFFIX,
  SOLVED,
  kindsIn,
} from './classify'

/** One thing she did, as read from what she wrote; it is recorded only after she confirms it. */
export type ProposedItem =
  | {
      kind: DutyKind
      subject: string
      date: LocalDate
      text: string
      unsure?: Unsure
      /** The date was vague (上礼拜, 前阵子, 这周): proposed with today, marked. */
      vague?: string
      /** The name as written extends or shortens one she logged (张丽华 / 张丽): asked which she means. */
      namesake?: { logged: string }
    }
  | { kind: 'diary'; content: string; date: LocalDate }
  | { kind: 'need'; content: string }

/** A name read as someone she logged before without being sure: the question shows what was written. */
export interface Unsure {
  written: string
}

export type Reading =
  | { type: 'records'; items: ProposedItem[] }
  | { type: 'query'; what: 'progress' | 'records' | 'help' }
  | { type: 'undo' }
  | {
      type: 'unclear'
      reason: 'nothing' | 'notDone' | 'future' | 'vagueDate' | 'badDate' | 'pastYear' | 'question'
      phrase?: string
    }
  | { type: 'whichPerson'; written: string; candidates: Known[] }

export interface ReadContext {
  today: LocalDate
  /** The people, families and organisations she has logged this year and last (and her unit's list). */
  known: readonly Known[] | KnownIndex
  botName: string
  /**
   * Read for a group message nobody addressed to the bot: only what plainly reads as something she did
   * is returned as records (a question back to her would be a private message she did not ask for).
   */
  strict?: boolean
}

/** Her questions about her own records. A "…了没" asks only after a word of her duties (联系了没有, 够数了没): "问问她家麦子收了没" is a visit. */
const QUERIES: { what: 'progress' | 'records' | 'help'; re: RegExp }[] = [
  {
    what: 'records',
    re: /(?:记|录|报)了?(?:哪些|啥|什么|哪几条|些啥|些什么)|都是哪(?:几个|几位|些)|联系过的[^，,。]{0,4}(?:都有谁|有哪些|是谁)|报的都|报过哪些|列出来|(?:登记|记|报)过的.{0,6}(?:名单|发我|给我)|(?:报|记|录)过的.{0,4}(?:哪些|啥|什么)|列(?:一下|个单子?|出来)$|都记了|我的记录|查看记录|看看.{0,4}记录|念念|联系过哪些|(?<!咋|怎么|如何|怎样)记录|记(?:过)?的(?:东西|事儿?|都|全部|所有|那些)/,
  },
  {
    what: 'progress',
    re: /进度|做到(?:啥|什么|哪)(?:地步|程度|样)|(?:清单|任务|活儿?)(?:弄|做|完成)?得?(?:咋样|怎么样|如何)|(?:联系|联系了|记了)几个(?:代表|家庭|户)|几个代表了|还差(?!点|一点|些|钱)|还剩|剩下?(?:啥|什么|哪)|够数|完成(?:得|了)?(?:咋样|怎么样|多少|好多|几项|百分之)|(?:整|做|弄|干|搞)到哪(?:里|儿)?(?:了|一步)?|(?:干|做|弄|完成)了多少(?:了|项)?|(?:是不是|有没有)(?:已经)?(?:完成|够数?|达标)了|还差(?:些)?(?:哪样|啥子?|什么)|哪几项没完成|还有(?:哪几项|哪些|啥|什么)没(?:有)?(?:做完|完成|做)|没完成|完成情况|完成得|百分之多少|(?:够数?|齐|完|达标|完成|满|交|写|记|做|联系|帮扶|解决|建|提交|参加)了没有?[？?]?$/,
  },
  {
    what: 'help',
    re: /^(?:帮助|帮帮我|菜单|功能)|怎么用|咋用|(?:要|该)?(?:咋|怎么|如何)(?:个)?登记|(?<!讲了?讲|教了?她?们?|说了?说)怎么记|咋记(?!账)|能干(?:点)?啥|会什么|能做什么|会干啥|咋个用|不会(?:用|弄|记|整)/,
  },
]
const UNDO =
  /(?:删(?:掉|了|除)?|撤(?:销|回|了|掉)?).{0,4}(?:刚才|上一条|上一个|那条|这条)|(?:刚才|上一条|上一个|那条).{0,10}(?:删|撤)|^(?:撤销|删除|撤回)|(?:记|弄|搞)错了.{0,8}(?:取消|删|撤)/
/** "我这个月记了几条？", "我联系过的代表有哪几个？": how many, or which, of her own records (asked, not told). */
const COUNT_QUESTION = /几条|几篇|几个|几位|几户|几回|几次|哪几|哪些|多少/

const DIARY =
  /^(?:【(?:妇情)?日记[^】]{0,12}】[：:，,。 ]*|(?:我|俺)?(?:要|想)?(?:帮我)?(?:今天)?(?:说一下|说下|讲一下|讲下|报一下|报下|写一下|记一下)?(?:写(?:了|的)?(?:个|篇|一篇|一条)?|记了?(?:个|下|一下|一条|篇)?)?(?:今天的?|昨天的?|这周的?|本周的?|这礼拜的?|上周的?|我的)?(?:(?:妇情|父亲|妇女|负情)?日记(?:我)?(?:写了|写好了|补上了?)?(?:吧|啊|呀|嘛|哈)?(?:我说一下|我讲一下)?|妇情(?=[：:]|天|村|最近|今年))[：:，,。 ]*(?:就是|内容是)?)/
/** "3.写了妇情日记", "…，回来写了篇妇情日记": she wrote it (on paper, or to send later); nothing of it told. */
const DIARY_WRITTEN = new RegExp(
  [
    // "在家把妇情日记写了", "把这周的日记补上了", "这周的妇情日记写好了，写在本子上了"
    '把(?:这周的?|本周的?)?(?:妇情)?日记(?:也|又)?(?:写|补)(?:好|完|上)?了',
    // "3.完成本周妇情日记"
    '完成了?(?:本周|这周)?的?(?:妇情)?日记',
    '^(?:这周的?|本周的?)?(?:妇情)?日记(?:已经?|也)?写(?:好|完)了',
    // "我昨晚写了妇情日记", "补上了日记"
    '(?:写|记|补)(?:了|好了|完了|上了)(?:个|篇|一篇)?(?:这周的?|本周的?)?(?:妇情)?日记[了。！!]*$',
    // "3.写了妇情日记", "…，回来写了篇妇情日记", "这周日记写好了"
    '(?:^|[，,\\s]|还|又|也|然后)(?:回来|晚上|今天|昨天|也|还|又)?(?:(?:写进|写到)了?(?:妇情)?日记|(?:写|记)了?(?:个|篇|一篇)?(?:这周的?|本周的?)?(?:妇情)?日记|(?:这周的?|本周的?)?(?:妇情)?日记(?:已经?|也)?写(?:好|完)?了?)[了。！!]*$',
  ].join('|'),
)
const NEED =
  /^(?:(?:姐妹们|各位)?[\s，,]*(?:我这(?:儿|里|边)?|这里|这边)?有(?:个|一个|一条)(?=(?:妇女)?需求))?(?:帮我)?(?:记(?:个|一下|下)?|登记)?(?:个|一个|一下)?(?:那个)?(?:妇女)?需求(?:一个|一条)?[：:，,。 ]*(?:就是)?/
/**
 * A diary after something else: "…，昨天写了篇日记：…", "。日记：…", "晚上回来写了个日记说…". What comes
 * before the words (昨天) is read as the line's other parts, so it dates the diary.
 */
const MID_DIARY =
  /(?<=[，,。；;]\s*)(?:妇情)?日记[：:]\s*|(?<=.)(?:妇情)?日记[^，,。：:]{0,6}?也?写(?:好|完)?了(?:[：:，,\s]|(?=主要|是说|说的是))\s*(?:主要)?(?:写的是|内容是|记的是|是说|说的是|写的)?\s*|(?:写|记)(?:完|好)?(?:了|的)?(?:个|篇|一篇|一下)?(?:这周的?|本周的?)?(?:妇情)?日记\s*(?:[：:，,\s]|就是|说|写的是|记的是|内容是|里说|里写)\s*/
/** "…，帮我记个需求", "记到需求里吧": what she was told before it is a need to record. */
const NEED_AFTER =
  /^(?:你|请)?(?:帮我|给我|麻烦|给)?(?:记|登记|加|放)(?:个|一个|一下|下|到|进)?(?:妇女)?需求(?:里|台账|里面)?(?:吧|啊|呀|一下)?$/
/** "这个事记一下", "这事也记上": what was told before is to be recorded. */
const THIS_AFTER = /^(?:这个?|那个?)(?:事儿?|需求)(?:也)?(?:帮我|给我|麻烦)?(?:记|登记)(?:一下|下|上|着)?(?:吧|啊|呀)?$/
/** Who it was not: "不是代表李梅", "跟田丽不是一个人". */
const NOT_HER = /^(?:可|但)?(?:不是|并非|并不是)|不是(?:一个人|同一|一家|一户)/
/** A vague date in another year is asked about: today's date would count it in the wrong year. */
const ANOTHER_YEAR = /去年|前年|年前/
/** An outcome still waited for: 还没批, 还没办下来. */
const PENDING =
  /还(?:是)?没有?(?:批|办|定|下来|到账|落实|解决|消息|结果|弄利索|弄好|办好|续)|等批|(?:年后|过段时间)再说|还没送|答应给?解决|没(?:批|办)下来|还得等|还要等|再等等|等消息|还在(?:等|审|批)|还没修好?|等[^，,。]{1,4}批/
/**
 * Women (not she) asking for something: "有妇女反映想做两癌筛查", "好几个妈妈说娃儿放学没人管，想…",
 * "说她们组几个妇女想要法律咨询". A need for the ledger, never a deed of hers.
 */
const WOMEN_WISH = new RegExp(
  `^(?:记一下[：:，,\\s]*|记个需求[：:，,\\s]*)?(?:有个事儿?|有件事)?(?:今天|昨天|最近)?(?:说|她说|她们说|有的?|好几个|几个|不少|很多|村里的?|组里的?)?[^，,。]{0,8}?(?:${alternation(WOMEN_WHO_WISH)})(?:们)?(?:她们)?(?:都|也)?(?:跟我|对我|给我|找我)?(?:反映|说|问(?![了过])|提出|希望|想要?|盼着?|要求)(?!.{0,4}(?:了解|知道))`,
)

/** "有个姐妹来找我": a woman, unnamed, came to her; what she then said she wants is a need. */
const SOMEONE_CAME =
  /^(?:刚才|刚刚|今天|昨天|上午|下午)?(?:有个?|几个|好几个)[^，,]{0,4}?(?:妇女|妈妈|宝妈|媳妇|姐妹|大姐|阿姨|嫂子|群众|村民)(?:们)?(?:来|到)?(?:找我|找到我|村部|村委会?)/
const WOMEN_WISH_OR_SAID = (clause: string, cameFirst: boolean) =>
  WOMEN_WISH.test(clause) || (cameFirst && NEED_WORDS.test(clause))

/**
 * "(她)说她们组有几个妇女想学做面点", "她说她儿媳妇想学育婴师": women's wish told to her by the one she
 * met. Group 1 ends where the wish starts (the words of telling).
 */
const WOMEN_TOLD_OF = '妇女|媳妇|闺女|姐妹|妈妈|宝妈|婆婆|她们|有人|她家'
const TOLD_WISH = new RegExp(
  `^(.*?(?:说|讲|反映|提到))(?=[^，,。]{0,10}?(?:${WOMEN_TOLD_OF}|几个人)[^，,。]{0,12}?(?:想学|想要|想找|想让|想请|想申请|想问问|希望|需要|盼着)|(?:她|他)?(?:也|还)?(?:想学|想要|想找|想申请|想去做|想做|想参加))`,
)
/** What is said after the wish to have it recorded: "，报个需求", "我记下了". */
const WISH_ENDS =
  /[，,\s]*(?:(?:帮我|给我|帮她|给她)?(?:报|记|登记)(?:个|一个|一下|下)?需求(?:吧)?|我(?:都)?记下了|(?:帮我|给我|帮她|给她)?记一下|我记着呢)[。！!]*$/

/** "…说孩子放学没人接，问有没有托管的地方": what the one she speaks for asked. */
const ASKED_FOR = /问(?:问|一下)?(?:有没有|能不能|可不可以|哪里|哪儿|咋|怎么|啥时候)/
/** Her own plan, not someone's question: "我想带几个姐妹去看看能不能报上名". */
const HER_PLAN = /我(?:想|打算|准备|要)/
/** A man who said it: 老汉, 大爷, 他. */
const MAN_SAID = /(?:老汉|老头|大爷|大叔|男人|老公|他)(?:也|还)?(?:说|讲|反映|提到)$/
const WOMEN = new RegExp(WOMEN_TOLD_OF)

/** Someone else, the one a question is asked for: 有个单亲妈妈, 托我, 李大姐家, 她家孩子. */
const FOR_SOMEONE =
  /有个|有位|有几个|有户|托我|让我问|叫我问|(?:她|他)(?:那个|的|家)?(?:儿媳妇?|闺女|孩子|老人|男人|媳妇)|说(?:她|他)?(?:家)?(?:的)?(?:孩子|娃|老人|男人)|[\u4e00-\u9fff]{1,3}(?:大姐|大娘|阿姨|嫂子?|婶子?)?家(?:的)?(?:闺女|孩子|娃|儿子|老人|男人|媳妇)|(?:她|他)家|她们/

/** A part that tells the one before came to nothing: "她还没回", "结果她们人都不在" (not "她家的事还在跑"). */
const THEY_DID_NOT =
  /^(?:她|他|人家|人|结果|但是|可是|不过|还没|还在|没)(?!们?家)(?=.*(?:没|不在|关机|打不通|锁着|不接))|没去成|去不成|^(?:但是?|可是?|不过)?还没(?:交|提交|写完|写好|弄完|改完|定稿|报|建|动笔|开始|写)/

/** What the woman she met said she wants or plans ("她说今年想去查查"): her wish, not a deed of hers left undone. */
const SPOKEN_WISH = /^(?:她|他|人家|对方)(?:们)?(?:也|还)?(?:说|讲|反映|觉得|表示)/
const CORRECTION = /^(?:哦|噢|啊|呃)?(?:不对|不是不是|说错了|记错了|错了)/

/** "李梅⏎张桂兰⏎钟桂香⏎今天都走访了": names one to a line, then what was done with them, as one list. */
const LISTED_NAME = new RegExp(`^[${[...SURNAMES].join('')}][\\u4e00-\\u9fff]{1,3}$`)

function joinListedNames(text: string): string {
  const lines = text.split('\n').map((l) => l.trim())
  // "今天⏎马玉梅⏎…": a day said first stays first.
  const day = /^(?:今天|昨天|前天|上午|下午|这周|本周|上周)$/.test(lines[0]!) ? lines[0]! : ''
  const names = lines.slice(day ? 1 : 0, -1)
  if (names.length < 2 || !names.every((l) => LISTED_NAME.test(l))) return text
  return `${day ? `${day}，` : ''}${names.join('、')} ${lines.at(-1)!}`
}

/** "【11.23履职打卡】走访…": a work-report header; only the day in it is kept. */
const REPORT_HEADER = /^\s*【([^】]{0,20})】/
const REPORT_HEADER_WORDS = /履职|打卡|汇报|工作|日志|周报|小结|简报|记录/

function dropReportHeader(text: string): string {
  const m = REPORT_HEADER.exec(text)
  if (!m || !REPORT_HEADER_WORDS.test(m[1]!) || /日记|妇情|需求/.test(m[1]!)) return text
  const day = /(\d{1,2})[.．月](\d{1,2})/.exec(m[1]!)
  return (day ? `${day[1]}月${day[2]}日 ` : '') + text.slice(m[0].length)
}

/** "11.22 走访…", "…，11.19": a month and day written with a dot, standing apart, as 11月22日. */
const DOTTED_DAY = /(^|[\s，,：:])(1[0-2]|0?[1-9])[.．](3[01]|[12]\d|0?[1-9])(?=[\s，,：:。]|$)/g

/** The bot's name, WeChat's bracket emoticons, emoji, invisible characters and voice input's fillers. */
function tidy(text: string, botName: string): string {
  return (
    fixSoundAlikeVerbs(inEverydayWords(dropReportHeader(dropInvisible(text)).replace(DOTTED_DAY, '$1$2月$3日')))
      .replace(botNamePattern(botName), ' ')
      .replace(/\[[\u4e00-\u9fffA-Za-z]{1,4}\]/g, ' ')
      .replace(/[\p{Extended_Pictographic}\u{FE0F}\u{200D}]/gu, ' ')
      .replace(/[\u202a-\u202e]/g, '')
      // "李梅芳（不是李梅哈）", "李梅花不是李梅啊是李梅花": who it is not, said aside.
      .replace(/[（(]\s*不是[^）)]{0,12}[）)]/g, ' ')
      .replace(/不是([\u4e00-\u9fff]{2,3})(?:啊|哈|呀)?(?=是)/g, ' ')
      .replace(/(?:^|[，,\s…])(?:嗯+|啊|那个|就是|我想想啊?|对对对|喂|哎|那个什么)(?=[，,\s…]|$)/g, ' ')
      .replace(/[ \t\u3000\u2005]+/g, ' ')
      .replace(/^[\s…。，,、.：:]+/, '')
      // "嗯那个这周的妇情日记就是…": what voice input puts before the first word.
      .replace(/^(?:(?:那个|就是|喂|哎|诶|各位姐妹|各位|大家好)[，,！!\s]*)+(?=\S)/, '')
      // "林秀珍林秀珍她是…": a name said twice by voice.
      .replace(SAID_TWICE, '$1')
      .trim()
  )
}

const SAID_TWICE = new RegExp(`([${[...SURNAMES].join('')}][\\u4e00-\\u9fff]{1,2})\\1`, 'g')

/** The bot's name as written in a message, built once per name (every message is read with it). */
let botNamed: { name: string; re: RegExp } | undefined
function botNamePattern(name: string): RegExp {
  if (botNamed?.name !== name) botNamed = { name, re: new RegExp(`@?${name}[\\s\\u2005，,：:]*`, 'g') }
  return botNamed.re
}

/** A line that goes on with the one before: "王秀兰 李梅 刘翠花⏎都是昨天联系的". */
const GOES_ON = /^(?:都|也都|全都|全是|均|这[几两三四五]?[个位户家]|她们|以上)/

/** Lines and numbered list items; each line starts from today again. */
function lines(text: string): string[] {
  const out: string[] = []
  let listing = false
  for (const raw of text.split(/\n|\s(?=\d{1,2}[.、．)）](?!\d))|(?<=[：:；;])(?=\d{1,2}[.、．)）])/)) {
    const line = raw.trim().replace(/^(?:\d{1,2}[.、．)）](?!\d)|\d{1,2}[.、．)）](?=\d{1,2}月)|[-•·])\s*/, '')
    if (!line) continue
    // "今天联系代表：⏎1.龙金花⏎2.杨阿妹": names alone under a line that says what was done with them.
    const bare = /^[\u4e00-\u9fff]{2,4}$/.test(line)
    if (out.length > 0 && bare && (listing || /[：:]$/.test(out.at(-1)!))) {
      out[out.length - 1] += (listing ? '、' : '') + line
      listing = true
      continue
    }
    listing = false
    if (out.length > 0 && GOES_ON.test(line)) out[out.length - 1] += ' ' + line
    else out.push(line)
  }
  return out
}

/** Sentences and comma-separated parts of a line; a date stays in force until the next one. */
function clauses(line: string): string[] {
  return line.split(/(?<=[？?])|[；;。！!]/).flatMap((sentence) =>
    askedAbout(
      sentence
        .split(/[，,](?=[^，,]{2,})/)
        .flatMap(spacedClauses)
        .flatMap(splitRunOn)
        .map((c) => c.trim())
        .filter((c) => c.length > 0),
    ),
  )
}

/**
 * "上次说的那个网群，是不是必须自己当群主才算？": what a question is about, said before it in the same
 * sentence with nothing done in it (no 了, 过, no day), is part of the question.
 */
function askedAbout(parts: string[]): string[] {
  const out: string[] = []
  for (const part of parts) {
    let asked = part
    if (isQuestion(part) && !isReported(part))
      while (out.length > 0 && !/了|过|完/.test(out.at(-1)!) && !findDate(out.at(-1)!, SOME_DAY))
        asked = `${out.pop()!}，${asked}`
    out.push(asked)
  }
  return out
}

/**
 * Without punctuation people separate what they did with spaces: "昨天去了李梅家 前天去了王秀兰家",
 * "前天联系了李梅 不对 是大前天". A space starts a new part where a date or a correction follows it.
 */
function spacedClauses(part: string): string[] {
  const chunks = part.split(/\s+/)
  const out: string[] = []
  // Whether the part being built says what she did: once it does, what is appended cannot undo it,
  // so only the newly appended words (and the few before them a phrase may span) are read again.
  let didSomething = false
  for (const chunk of chunks) {
    const date = findDate(chunk, SOME_DAY)
    const done = didSomething || (out.at(-1) ?? '').endsWith('了')
    // Only after a part that says what she did: "李梅 3号联系的" is one part, its name before its date.
    // "…聊到了两癌筛查 她说今年想去查查": what the woman said is a part of its own.
    const starts =
      CORRECTION.test(chunk) ||
      // "是刘翠 不是翠花": who it was not, apart.
      (out.length > 0 && /^(?:不是|并不是)/.test(chunk)) ||
      (done && !!date && chunk.startsWith(date.phrase)) ||
      (done && /^(?:她|他)(?:们)?(?:说|讲|觉得|是|住|还|也|家)/.test(chunk))
    if (out.length === 0 || starts) {
      out.push(chunk)
      didSomething = saysWhatSheDid(chunk)
    } else {
      const before = out[out.length - 1]!
      out[out.length - 1] = before + ' ' + chunk
      didSomething ||= saysWhatSheDid(before.slice(-PHRASE_SPAN) + ' ' + chunk)
    }
  }
  return out
}

/** Longer than any phrase CONTACTED, SOLVED or KIND_WORDS match (their widest is 建…群, 20 characters). */
const PHRASE_SPAN = 32
const saysWhatSheDid = (text: string) => CONTACTED.test(text) || SOLVED.test(text) || kindsIn(text).length > 0
const SOME_DAY = { year: 2026, month: 6, day: 15 }

export function readMessage(raw: string, ctx: ReadContext): Reading {
  const text = joinListedNames(tidy(raw, ctx.botName))
  if (!text) return { type: 'unclear', reason: 'nothing' }
  // "妇情日记：…⏎需求：…": each marked line is its own entry; one marker alone takes the whole text.
  const markedLines = text.split(/\n/).filter((l) => DIARY.exec(l.trim())?.[0] || NEED.exec(l.trim())?.[0]).length
  // "日记：…⏎另外建议案也交了…": a later line that starts with 另外 and tells a deed is not the entry's.
  const all = text.split(/\n/)
  const cut = all.findIndex((l, i) => i > 0 && ANOTHER.test(l.trim()) && saysWhatSheDid(l))
  const whole = markedLines <= 1 ? markedRecord(cut > 0 ? all.slice(0, cut).join('\n') : text, ctx) : undefined
  if (whole?.type === 'records' && cut > 0) {
    const more = readRecords(all.slice(cut).join('\n').trim().replace(ANOTHER, ''), ctx)
    return more.type === 'records' ? { type: 'records', items: [...whole.items, ...more.items] } : whole
  }
  if (whole) return whole
  if (text.length <= 20 && UNDO.test(text)) return { type: 'undo' }
  if (text.length <= 24) for (const q of QUERIES) if (q.re.test(text)) return { type: 'query', what: q.what }
  // Not "3号楼几个宝妈想学育婴师，有没有培训？记个需求": women's wish, to be recorded.
  const wish = /需求|想学|想要|希望/.test(text)
  if (text.length <= 24 && !wish && COUNT_QUESTION.test(text) && /[？?]|(?<!筛)查|吗|呢$|[回次]了$/.test(text))
    return { type: 'query', what: 'records' }
  const read = readRecords(text, ctx)
  if (ctx.strict || read.type !== 'unclear' || read.reason !== 'nothing' || !NEED_WORDS.test(text)) return read
  return { type: 'records', items: needsIn(text.replace(RECORD_THIS, '')) }
}

/** "记一下：", "帮我记下，": asked to record what follows. */
const RECORD_THIS = /^(?:帮我|麻烦)?(?:记一下|记下|记个|登记一下|登记下)[：:，,\s]*/
/** A sentence that starts another need: "；另外东头几个妇女反映…". */
const ANOTHER = /^(?:另外|还有(?:个|一个|就是)?|再有|再一个|再就是|其次|第二)[，,\s]*/

/** The needs of a text: one, or one per sentence that starts with 另外, 还有 and the like. */
function needsIn(text: string): ProposedItem[] {
  const needs: string[] = []
  for (const sentence of text.split(/(?<=[；;。\n])/)) {
    const s = sentence.trim()
    if (!s) continue
    if (needs.length > 0 && ANOTHER.test(s)) needs.push(s.replace(ANOTHER, ''))
    else if (needs.length > 0) needs[needs.length - 1] += s
    else needs.push(s)
  }
  return needs.map((n) => ({ kind: 'need', content: n.replace(/[；;。]$/, '') }))
}

/** "写个日记：…", "记个需求：…": the whole text after the words is the entry. */
function markedRecord(text: string, ctx: ReadContext): Reading | undefined {
  for (const [re, kind] of [
    [DIARY, 'diary'],
    [NEED, 'need'],
  ] as const) {
    const m = re.exec(text)
    if (!m || m[0].length === 0 || text.length - m[0].length < 4) continue
    const content = text.slice(m[0].length).trim()
    // "妇情日记一个礼拜要写几篇": a question about diaries, not one (no 写 or 记 before the word).
    // "日记要写些啥子内容哦": what to write in it, asked.
    const asksWhat = /^(?:要|该|应该|得|都)(?:写|记)[^，,。]{0,3}(?:什么|啥|哪些)/.test(content)
    if (!/[写记：:]/.test(m[0].replace('日记', '')) && (isQuestion(content) || asksWhat)) continue
    if (kind === 'need') return { type: 'records', items: needsIn(content) }
    // "写了妇情日记，也去看了代表黄丽娟": another deed follows, not the diary's words (readRecords reads both).
    if (/^[，,]?\s*(?:也|还|又|然后|再)/.test(content) && saysWhatSheDid(content)) continue
    // A diary speaks of "最近" or "明天" freely: only a clear date says when it was written, and one
    // before last year is refused, as for any record.
    const found = findDate(content, ctx.today)
    if (found && !found.ok && found.problem === 'pastYear') return problemOf(found)
    return { type: 'records', items: [{ kind, content, date: found?.ok ? found.date : ctx.today }] }
  }
  return undefined
}

const problemOf = (found: Exclude<FoundDate, { ok: true }>): Reading => ({
  type: 'unclear',
  reason: {
    vague: 'vagueDate' as const,
    future: 'future' as const,
    invalid: 'badDate' as const,
    pastYear: 'pastYear' as const,
  }[found.problem],
  phrase: found.phrase,
})

function readRecords(text: string, ctx: ReadContext): Reading {
  const items: ProposedItem[] = []
  let problem: Reading | undefined
  let asked = false
  const context: DateContext = {}
  let heading: { date: LocalDate; vague?: string } | undefined
  for (const line of lines(joinSplitNames(text)).map(joinAppositions)) {
    const marked = markedRecord(line, ctx)
    if (marked?.type === 'records') {
      items.push(...marked.items)
      continue
    }
    // "昨天：⏎1. 走访代表吴玉珍⏎2. …": a line that is only a date heads the lines after it.
    const alone = findDate(line, ctx.today, context)
    if (alone && line.replace(alone.phrase, '').replace(/[\s：:，,。.]/g, '') === '') {
      if (alone.ok) heading = { date: alone.date }
      else if (alone.problem === 'vague' && !ANOTHER_YEAR.test(alone.phrase)) {
        if (/^上个?(?:周|星期|礼拜)$/.test(alone.phrase)) context.weeksBack = 1
        heading = { date: ctx.today, vague: alone.phrase }
      } else problem ??= problemOf(alone)
      continue
    }
    const state: LineState = { line, date: ctx.today, ...(heading ? { ...heading, dated: true } : {}) }
    // "下午顺手写了篇妇情日记：群里有姐妹说…": what follows the words is the diary, dated like the line.
    const diaryAt = MID_DIARY.exec(line)
    // "今天写了妇情日记，也去看了代表黄丽芬": what follows is another deed, not the diary's words.
    const after = diaryAt ? line.slice(diaryAt.index + diaryAt[0].length) : ''
    const goesOn =
      !!diaryAt &&
      /^[，,\s]*(?:今天|昨天|前天|上午|下午|晚上)?(?:也|还|又|然后|再)/.test(after) &&
      saysWhatSheDid(after)
    const head = diaryAt ? line.slice(0, diaryAt.index) + (goesOn ? `，${after}` : '') : line
    for (const written of clauses(head)) {
      let clause = written
      const correction = CORRECTION.exec(clause)
      if (correction) {
        // "不对，是王秀兰" takes the last part back; "不对 是大前天" only moves it to another day.
        state.corrected = items.splice(items.length - (state.lastCount ?? 0))
        state.lastCount = 0
        clause = clause.slice(correction[0].length).replace(/^[\s，,]*(?:是|应该是)?/, '')
        if (!clause) continue
      }
      // "…，她们人都不在 改天再去吧": what came before did not happen either, whatever day is named after
      // (and before 她们 is read as someone else's deed).
      if (NOT_DONE.test(clause) && !SPOKEN_WISH.test(clause) && THEY_DID_NOT.test(clause)) {
        undoLast(items, state)
        problem ??= { type: 'unclear', reason: 'notDone' }
        continue
      }
      // "她说她们组几个妇女想学面点": a wish of women passed on to her is a need for the ledger (and the
      // visit in the same words is read too). Before the question test: "…想学育婴师，能不能帮她报个班".
      const told = state.needTold ? null : TOLD_WISH.exec(clause)
      // "他家老汉说想申请个公益岗位": a man's wish is no woman's need, unless he speaks of the women.
      const wish = told && MAN_SAID.test(told[1]!) && !WOMEN.test(clause.slice(told[1]!.length)) ? null : told
      if (wish) {
        const from = head.indexOf(written) + (written.indexOf(wish[0]) >= 0 ? written.indexOf(wish[0]) : 0)
        const content = head
          .slice(from + wish[1]!.length)
          .replace(WISH_ENDS, '')
          .trim()
        items.push({ kind: 'need', content })
        state.needTold = true
        if (/^(?:她|他|人家|对方)?(?:们)?(?:也|还)?(?:说|讲|反映|提到)/.test(clause)) continue
        const teller = clause.slice(0, clause.indexOf(wish[0]) + wish[1]!.length)
        // "刘婶说她想去做两癌筛查": who told her, with no meeting said, is no contact to record.
        if (!/去|到|看|见|碰|遇|聊|唠|打|电话|微信|找|来/.test(teller)) continue
        clause = teller
      }
      // A question (to the bot or the group) is never a deed, nor is what someone else did — unless women's
      // wish comes first in it ("老年妇女想要个跳舞的地方，村部能不能腾个屋子，帮我登记一下").
      if (isQuestion(clause) && !(items.length === 0 && !state.previous && WOMEN_WISH.test(clause))) {
        asked = true
        // "…想学电商直播，能不能给办个培训？记个需求": what was asked is the need she then records.
        state.previous = clause
        continue
      }
      clause = clause.replace(/[？?\s]+$/, '')
      // "不是代表李梅", "跟田丽不是一个人": who it was not.
      if (isOthersDeed(clause) || NOT_HER.test(clause)) continue
      if (NEED_AFTER.test(clause.trim())) {
        // "她想给孩子找个托管的地方，记到需求里吧": what she was told before is the need.
        if (state.previous && !state.needTold) items.push({ kind: 'need', content: state.previous })
        continue
      }
      if (THIS_AFTER.test(clause.trim())) {
        // "她说孩子上学路远想申请住校，这个事记一下": a wish told before is a need; a deed is proposed anyway.
        if (state.previous && !state.needTold && (NEED_WORDS.test(state.previous) || isReported(state.previous)))
          items.push({ kind: 'need', content: state.previous })
        continue
      }
      const cameFirst = !!state.previous && SOMEONE_CAME.test(state.previous) && /^(?:说|想|要)/.test(clause)
      if (items.length === 0 && (!state.previous || cameFirst) && WOMEN_WISH_OR_SAID(clause, cameFirst)) {
        // "有妇女反映想做两癌筛查，但是去县里太远，希望…": what women asked for is a need, told to its end.
        // Only as the message's first words: after a visit ("她说组里好几个姐妹想…") it is what was talked about.
        const from = cameFirst ? head.indexOf(state.previous!) : head.indexOf(written)
        items.push(...needsIn(head.slice(from).replace(RECORD_THIS, '')))
        break
      }
      // "…，关于两癌救助的": what the proposal or report told before is about.
      if (
        /^(?:(?:就是|是|内容是)?关于|写的是|内容是|说的是|讲的是|建议(?!案))/.test(clause) &&
        items.some((i) => i.kind === 'proposal' || i.kind === 'report')
      )
        continue
      // "…说想学个手艺，问问有没有家政培训": what the wish asks goes with it.
      if (state.needTold && /^(?:问问?|想问问?|问一下|打听|看看有没有|有没有)/.test(clause.trim())) continue
      if (REQUEST.test(clause) && state.needTold) {
        state.previous = clause
        continue
      }
      if (REQUEST.test(clause)) {
        // "她说想学电商，想让妇联帮忙联系个培训": help asked of her is a need, with the wish told before it.
        const prev = state.previous
        const told = prev && (isReported(prev) || NEED_WORDS.test(prev) || /^说/.test(prev)) ? `${prev}，` : ''
        items.push({ kind: 'need', content: told + clause })
        state.previous = clause
        continue
      }
      const found = dateOfDeed(clause, ctx.today, context)
      if (found?.ok) {
        state.date = found.date
        state.dated = true
        state.vague = undefined
      } else if (found?.problem === 'vague' && !ANOTHER_YEAR.test(found.phrase)) {
        // "上礼拜", "前阵子", "这周": proposed with today (a day it may mean), marked, so she can change it.
        if (/^上个?(?:周|星期|礼拜)$/.test(found.phrase)) context.weeksBack = 1
        state.date = ctx.today
        state.dated = true
        state.vague = found.phrase
      } else if (found) {
        problem ??= problemOf(found)
        continue
      }
      // "去看望了低保户陈玉珍家 帮她家申请了临时救助 还没批": the visit happened, the outcome is pending.
      const pending = PENDING.exec(clause)
      if (pending && pending.index > 0 && saysWhatSheDid(clause.slice(0, pending.index)))
        clause = clause.slice(0, pending.index)
      else if (pending || (NOT_DONE.test(clause) && !SPOKEN_WISH.test(clause))) {
        // "给李梅发了微信，她还没回": what came before did not happen either.
        // So does "…写调研报告，还没写完": what is not done yet is what was just told.
        if (THEY_DID_NOT.test(clause)) undoLast(items, state)
        problem ??= { type: 'unclear', reason: 'notDone' }
        continue
      }
      const read = isReported(clause) ? readReported(clause, state) : readClause(clause, state, ctx)
      state.previous = clause
      if (!Array.isArray(read)) {
        if (ctx.strict) return { type: 'unclear', reason: 'nothing' }
        return read
      }
      const redated =
        read.length === 0 && state.corrected?.length && found?.ok
          ? state.corrected.map((i) => ('date' in i ? { ...i, date: state.date } : i))
          : read
      state.corrected = undefined
      // "…我帮着申请下来了 昨天到的账": the day the outcome came is the day the problem was solved.
      // "…调研报告，昨天弄完咧", "…报告 写完了 昨天交了的": the day it was finished or handed in.
      // "代表李梅，电话联系，11月19日": a part that is only a day dates what was told before it.
      const came = read.length === 0 && found?.ok
      const onlyDay =
        came && /^(?:的事|那天|的时候)?$/.test(clause.replace(found.phrase, '').replace(/[\s。.！!]/g, ''))
      const redates = (i: ProposedItem) =>
        onlyDay ||
        (i.kind === 'problemSolved' && OUTCOME_CAME.test(clause)) ||
        (FINISHED_WORK.has(i.kind) && FINISHED.test(clause))
      if (came)
        for (const [k, i] of items.entries())
          if (UNDATED.has(i) && redates(i) && 'date' in i) items[k] = { ...i, date: state.date }
      items.push(...redated)
      state.lastCount = redated.length
    }
    const diary = diaryAt && !goesOn ? after.trim() : ''
    // "礼拜六写了篇妇情日记，今天又去看了翠花姐": the diary's day is the one said before it.
    const before = diaryAt ? findDate(line.slice(0, diaryAt.index), ctx.today) : undefined
    if (goesOn) items.push({ kind: 'diary', content: '', date: before?.ok ? before.date : state.date })
    else if (diary.length >= 4) items.push({ kind: 'diary', content: diary, date: state.date })
    else if (DIARY_WRITTEN.test(head)) items.push({ kind: 'diary', content: '', date: state.date })
  }
  // A family named first with nothing done with it is talked of — unless she says elsewhere that she went.
  const went = WENT.test(text.replace(SOLVED_EVERYWHERE, ''))
  const unique = dedupe(went ? items : items.filter((i) => !NAMED_ONLY_FIRST.has(i)))
  if (unique.length > 0) return { type: 'records', items: unique }
  // "有个单亲妈妈托我问问…村里能不能搞个托管", "李大姐家闺女有残疾，想问问有啥补助": a question for
  // someone else about help she needs is her need, passed on.
  if (
    (asked || ASKED_FOR.test(text)) &&
    (!problem || (problem.type === 'unclear' && problem.reason === 'notDone')) &&
    FOR_SOMEONE.test(text) &&
    !HER_PLAN.test(text) &&
    mayAskForHelp(text)
  )
    return { type: 'records', items: [{ kind: 'need', content: text.trim() }] }
  return problem ?? { type: 'unclear', reason: asked ? 'question' : 'nothing' }
}

/**
 * The day a clause's deed was done. A day to come said of something else ("确认了下周培训的人数",
 * "下个月的活动我也去指导了") is not the deed's; a day of the month still to come, said of a deed done
 * ("25号去过张桂兰家" on the 23rd), is last month's.
 */
function dateOfDeed(clause: string, today: LocalDate, context: DateContext): FoundDate | undefined {
  const found = findDate(clause, today, context)
  // "助学金批下来了 钱这个月就到": a vague time after the deed is done is of what comes next.
  if (found && !found.ok && found.problem === 'vague' && /了/.test(clause.slice(0, clause.indexOf(found.phrase))))
    return undefined
  if (!found || found.ok || found.problem !== 'future') return found
  const at = clause.indexOf(found.phrase)
  const after = clause.slice(at + found.phrase.length)
  if (/^[^，,\s]{0,2}的/.test(after)) return undefined
  // "调研报告写完了…明天交到镇里", "通知她明天来开会": what comes next, after a deed done or for someone else.
  const before = clause.slice(0, at)
  if (/了/.test(before) || /(?:通知|让|叫|约)(?:她|他)(?:们)?$/.test(before)) return undefined
  const day = /^(\d{1,2})\s*[号日]$/.exec(found.phrase)
  if (!day || !/^[^，,]*(?:过|了)/.test(after)) return found
  const month = today.month === 1 ? { year: today.year - 1, month: 12 } : { year: today.year, month: today.month - 1 }
  const date = { ...month, day: Number(day[1]) }
  return isValidDate(date) ? { ok: true, date, phrase: found.phrase } : found
}

/** She took part: a word for her or for going, calling or meeting. */
const HER_PART =
  /我|俺|咱|跟|和|同|给|去|到|从|看|探|找|上|跑|吃|联系|走访|家访|摆|谝|侃|说了|讲了|走了|拜访|慰问|串门|电话|唠|聊|拉呱|见|碰|认识|陪|送|坐|接待|开了?个?[^，,。]{0,6}会|组织|召集/
/** Words of talking about something, not doing it. */
const TALKED = /问|聊|了解|说|讲|商量|谈|提到|反映/
/** A report or proposal she handed in or wrote herself, even while talking. */
const HANDED_IN = /交了|交上|提交|递交|报给|写了|写好|写完/

/** Built, said of a group named before: "…那个正能量群，我已经建好了". */
const BUILT_IT = /建好|建起来|建成|弄好|拉起来|成立了/
/** A meeting or a call in so many words (not 去 or 来 alone, as in "刚从镇上回来"). */
const MET = new RegExp(alternation(CONTACT_LIST))
/** Words that say what someone is: 代表, or a family word. */
const ROLE_WORDS = new RegExp(`代表|${alternation(FAMILY_LIST)}`, 'g')
const needy = (text: string) => SOLVED.test(text) || NEEDY.test(text)
/** A family named by what it is: "低保户贺老汉家". */
const FAMILY_NAMED = new RegExp(`(?:${alternation(FAMILY_LIST)})[：: ]*[\\u4e00-\\u9fff]{2,4}`, 'g')

/** What a paper is about: "关于两癌救助的建议案", "两癌筛查覆盖率的调研报告". */
const ABOUT_PAPER = /(?:关于[^，,。]{1,30}(?:的)?|[^，,。]{1,30}的)(?:建议案?|提案|调研报告|报告|调研)/

/** Where she served: "在社区卫生服务站帮着做两癌筛查的登记". */
const SERVED_AT = new RegExp(`在[^，,。]{0,10}${SOCIAL_ORG_SUFFIX.source}`)

/** Took part in an organisation's activity: "参加了…服务队的活动". */
const JOINED_ITS = new RegExp(`参加了?[^，,。]{0,16}${SOCIAL_ORG_SUFFIX.source}的`)

/** Going to the home of the family named before: "去他家", "到她们家里". */
const HIS_HOME = /(?:去|到|上)了?(?:他|她)(?:们)?家|(?:给|帮)(?:他|她)(?:们)?送(?:过去|去)/

/** A man's given name: one of his usual characters, and none of a woman's (黄德芬 is a woman). */
const MENS_NAME = new RegExp(`^(?![^]*[${WOMENS_NAME_CHARACTERS}])[^]*[${MENS_NAME_CHARACTERS}]`)

/** A part that only says when the outcome came: "昨天到的账", "昨天拿到的". */
const OUTCOME_CAME = /^[^，,。]{0,6}(?:拿到|到账|到的账|到的|发下来|批下来|下来的)/

/** She went to them: a visit, not a call or an errand. */
const WENT =
  /(?<!查)看了|(?<![下进出过])(?<!(?<![晚早])上)去|(?<![拿收领])到(?!账|位|手)|从[^，,。]{1,8}(?:回来|出来)|上门|看望|走访|慰问|探望|串门|坐了|跑了/

/** A family word standing alone in a part of its own: "，单亲妈妈，". */
const FAMILY_ALONE = new RegExp(
  `(?:^|[，,。\\s]|(?:她|他|就)?是(?:个|一个|那个)?)(?:${alternation(FAMILY_LIST)})家?(?=[，,。\\s]|$)`,
)

/** An organisation called hers: "我们巾帼志愿队", "俺们那个编织合作社". */
const OURS = /(?:我们|咱们|俺们|咱)(?:村|村的|的)?(?:那个|这个)?$/

/**
 * What a family in need is helped with ("去了王建国家里，帮他们把低保续上了" is a poor family, not a
 * person), or a household named after a man ("去了赵大山家，他媳妇想…": representatives are women).
 */
const NEEDY = new RegExp(alternation(NEEDY_WORDS))

type LineState = {
  /** The whole line: "<name>家" in one part and what was done for the family in the next. */
  line: string
  /** The line says a family was helped or is in need: read once per line, not once per clause. */
  needy?: boolean
  date: LocalDate
  /** The date was written (not today by default). */
  dated?: boolean
  /** An organisation she guided was named earlier in the line (its plans are her guidance, not a service). */
  orgMet?: boolean
  /** The date written was vague (上礼拜): the items carry it, so the question says how to change their day. */
  vague?: string
  /** A wish of women passed on to her was read as a need: "报个需求" after it adds no other. */
  needTold?: boolean
  /** The part before told a contact: a part that starts with 还有 goes on with it. */
  contacted?: boolean
  /** She met or called someone earlier in the line: what is talked about after is a mention. */
  met?: boolean
  /** A part that named a group without saying it was built: the next may say so. */
  groupTopic?: string
  /** The part before told a meeting or a call with nobody named in it. */
  metNobody?: boolean
  /** The clause read before, for "帮我记个需求" after it. */
  previous?: string
  family?: Subject
  lastCount?: number
  waiting?: Subject[]
  /** What a correction took back, in case what follows only changes its day. */
  corrected?: ProposedItem[]
}

/** Work that is finished on a day ("昨天弄完咧", "昨天交了的"): a report, a proposal, a group built. */
const FINISHED_WORK = new Set<ProposedItem['kind']>(['report', 'proposal', 'onlineGroup'])
const FINISHED = /完|交|好了|好咧|好啦|定稿|提上去|报上去|建起来|建好/

/**
 * What the last part told did not happen ("本来说去桂兰姐家，下雨没去成"): its items go, and whom it named
 * waits for what she did instead ("…，打了个电话问候了一下").
 */
function undoLast(items: ProposedItem[], state: LineState): void {
  const undone = items.splice(items.length - (state.lastCount ?? 0))
  const named = undone.flatMap((i): Subject[] =>
    i.kind === 'representatives' || i.kind === 'poorFamily'
      ? [{ name: i.subject, kind: i.kind, written: i.subject, ...(i.unsure ? { unsure: i.unsure } : {}) }]
      : [],
  )
  if (named.length) state.waiting = named
  state.lastCount = 0
}

/** Items dated today only because no date was written before them. */
const UNDATED = new WeakSet<ProposedItem>()
/**
 * A family only named, nobody met ("王建国他老伴的医保卡丢了，我昨天陪她去镇上补办好了"): when her
 * problem is solved in the same message, that is the deed, not a visit besides.
 */
const ONLY_NAMED = new WeakSet<ProposedItem>()

/** A family named first in a part with nothing done with it there: talked of, not visited. */
const NAMED_ONLY_FIRST = new WeakSet<ProposedItem>()

/**
 * Same item, same subject, same day: once (刘翠花 and 刘阿姨 in one message are one visit). And one named
 * again with a date ("王秀兰，王秀兰她家我上礼拜三去的") is that one visit, on that date.
 */
function dedupe(all: ProposedItem[]): ProposedItem[] {
  const subjectOf = (i: ProposedItem) => ('subject' in i ? `${i.kind}|${i.subject}` : '')
  const dated = new Set(all.filter((i) => !UNDATED.has(i)).map(subjectOf))
  const solved = new Set(all.flatMap((i) => (i.kind === 'problemSolved' ? [i.subject] : [])))
  const items = all.filter(
    (i) =>
      (!UNDATED.has(i) || !SUBJECTS.has(i.kind as DutyKind) || !dated.has(subjectOf(i))) &&
      !(ONLY_NAMED.has(i) && 'subject' in i && solved.has(i.subject)),
  )
  // "那个编织合作社，就是巧手编织合作社": a name said again in full is the one organisation.
  const orgs = items.flatMap((i) => (i.kind === 'socialOrg' ? [i.subject] : []))
  const seen = new Set<string>()
  return items.filter((i) => {
    if (i.kind === 'socialOrg' && orgs.some((o) => o.length > i.subject.length && o.endsWith(i.subject))) return false
    const key =
      i.kind === 'need'
        ? `need|${i.content}`
        : i.kind === 'diary'
          ? `diary|${i.content}`
          : SUBJECTS.has(i.kind)
            ? `${i.kind}|${i.subject}|${i.date.month}-${i.date.day}`
            : `${i.kind}|${i.date.month}-${i.date.day}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

const SUBJECTS = new Set<DutyKind>(['representatives', 'poorFamily', 'problemSolved', 'socialOrg'])

type Subject = {
  name: string
  kind: 'representatives' | 'poorFamily' | 'socialOrg'
  unsure?: Unsure
  written: string
  /** A logged name this one extends or shortens (see namesake.ts). */
  namesake?: string
  /** Named at the start of its part, before any verb ("周丽家低保批下来了"). */
  firstInPart?: boolean
}

/** What a part says around a service word (see servedHerself). */
type ServiceScene = {
  clause: string
  /** The part without the names in it. */
  rest: string
  /** The part says a group was built. */
  grouped: boolean
  /** She met or called someone, in this part or before. */
  met: boolean
  /** The part talks of something with the one she met. */
  talkedAbout: boolean
  /** Where a proposal or report is said in the part (Infinity: none). */
  paperAt: number
  /** An organisation is named in this part. */
  orgGuided: boolean
  /** An organisation she guided is named in this part or before it in the line. */
  orgMet: boolean
  /** The people named in the part, as written. */
  givenTo: string[]
}

/** Whether a service word at `at` (in `rest`) tells a public service she did herself. */
function servedHerself(s: ServiceScene, at: number): boolean {
  const { clause, rest } = s
  // "建了个两癌筛查群": the service names the group; "建了个姐妹群又拉着姐妹们去敬老院…": both were done.
  if (s.grouped && /^[^，,。\s了]{0,12}群/.test(rest.slice(at))) return false
  // "…群建起来了，群名就叫白庙巾帼志愿队": the group's name.
  if (/^(?:群名|名字|群的名字)?(?:就)?叫/.test(clause.trim())) return false
  if (s.talkedAbout) return false
  // "给张桂兰大姐送了点宣传册", "去张桂兰大娘家了，给她量了量血压": done for the one she met, a visit.
  if (s.givenTo.some((name) => clause.includes(`给${name}`))) return false
  if (s.met && /^(?:又|还|顺便|顺手)?(?:给|帮|替)(?:她|他)(?!们)/.test(rest.trim())) return false
  // "把建议案交给镇妇联了，关于农村妇女两癌救助的", "把关于两癌筛查常态化的建议案交了": what the paper is about.
  if (at > s.paperAt || (s.paperAt < Infinity && ABOUT_PAPER.test(rest))) return false
  // "去互助会给姐妹们上了一堂家庭教育课", "…帮她们把送温暖的方案改了一遍": the organisation's own work, guided.
  if (s.orgMet && /课|讲座|培训|方案|计划|排班|备案|注册|章程|名单/.test(rest)) return false
  // "指导巾帼志愿服务队搞了一次入户宣传": the organisation's activity, which she guided.
  const guided = rest.indexOf('指导')
  return !(s.orgGuided && guided >= 0 && at > guided)
}

function readClause(clause: string, state: LineState, ctx: ReadContext): ProposedItem[] | Reading {
  const mentions = findKnown(clause, ctx.known)
  const subjects: Subject[] = []
  const used: Mention[] = []
  // Where the names used so far stand, so each new name is checked in the time of its own length.
  const covered = new Uint8Array(clause.length)
  const use = (m: Mention) => {
    used.push(m)
    covered.fill(1, m.index, m.index + m.written.length)
  }
  const wants = /代表/.test(clause) ? 'representatives' : FAMILY_WORDS.test(clause) ? 'poorFamily' : undefined
  // What is said of the place a name stands: "跟张贵兰大姐…去看了单亲妈妈孙丽娟家" — the family word after her
  // says nothing of her, so she may still be a representative written as she sounds.
  // "和代表张桂兰去看了老王家": a home named is no representative, whatever 代表 said of another.
  const wantsAt = (m: Mention): Subject['kind'] | undefined => {
    if (wants === 'representatives' && m.written.endsWith('家')) return undefined
    if (wants !== 'poorFamily') return wants
    return FAMILY_WORDS.test(clause.slice(0, m.index)) ? 'poorFamily' : undefined
  }
  for (const m of mentions) {
    // A representative's relative is not her (a family's members are the family: 王建国他老伴).
    RELATIVE_AT.lastIndex = m.index + m.written.length
    const relative = RELATIVE_AT.test(clause)
    // "王建国的弟弟王建军家": the relative is named, and is the one meant.
    const named = relative && SURNAMES.has(clause[RELATIVE_AT.lastIndex] ?? '')
    if (relative && (named || m.candidates.every((c) => c.kind === 'representatives'))) {
      use(m)
      continue
    }
    // "阳光妈妈志愿服务队" where she logged 阳光妈妈互助会: another organisation, its name read whole below.
    if (m.how !== 'exact' && m.candidates.every((c) => c.kind === 'socialOrg')) {
      const whole = ORG_GOES_ON.exec(clause.slice(m.index + m.written.length))
      if (whole && !m.candidates.some((c) => c.subject === m.written + whole[0])) continue
    }
    const chosen = choose(m, wantsAt(m))
    if (chosen === 'open') return { type: 'whichPerson', written: m.written, candidates: m.candidates }
    if (chosen === 'none') continue
    // "李梅芳" where she logged 李梅: another woman's name, asked about, never read as 李梅.
    const ext =
      m.how === 'exact' && chosen.kind === 'representatives'
        ? extensionAt(clause, m.index + m.written.length, /\d$/.test(m.written))
        : ''
    if (ext) {
      subjects.push({ name: chosen.name + ext, kind: chosen.kind, written: m.written + ext, namesake: chosen.name })
      use({ ...m, written: m.written + ext })
      continue
    }
    subjects.push(chosen)
    use(m)
  }
  const taken = (index: number, length: number) => covered.subarray(index, index + length).includes(1)
  // The last word of what someone is before each place: 代表 or a family word ("跟代表葛春兰还有房秀英一起去看了
  // 孤寡老人常奶奶": the family word comes after 房秀英, so she is no family).
  const roles = [...clause.matchAll(ROLE_WORDS)].map((m) => ({ at: m.index, family: m[0] !== '代表' }))
  const familyBefore = (at: number) => roles.filter((r) => r.at < at).at(-1)?.family ?? false
  // Not counting another family named as such: "…卢桂英家…下午又去了低保户贺老汉家" says nothing of 卢桂英.
  // "去谭满妹家看了看，单亲妈妈，带三个娃": a family word said of the home, apart from it.
  const needyLine = (state.needy ??= needy(state.line.replace(FAMILY_NAMED, ' ')) || FAMILY_ALONE.test(state.line))
  const solvedHere = SOLVED.test(clause)
  for (const n of findNewNames(clause, taken)) {
    // "去刘翠花家" visits a person at home; "低保户孙德旺家", or a visit with 困难户 in it, is a family,
    // and so is a home whose name is near a family's she logged (王建家 / 王建国家: asked about).
    const nearFamily = n.home && namesakeOf(`${n.name}家`, ctx.known)?.kind === 'poorFamily'
    // "王建国家还有孙有才家": homes listed with a family are families; so is a home named after a man.
    const withFamily = subjects.some((x) => x.kind === 'poorFamily') || MENS_NAME.test(n.name.slice(1))
    // "帮谭满妹找了份工", solved: a woman helped out of a problem is a family helped (a representative is visited).
    const helped = solvedHere && /帮(?:着|了)?$/.test(clause.slice(0, n.index))
    // "去了趟李长福老爷子家": a home, with a word of respect between the name and 家.
    const home = n.home || clause.slice(n.index + n.written.length).startsWith('家')
    // "去了黄德芬家（代表）": said to be a representative right after.
    const saidRep = /^家?[（(](?:妇女)?代表[）)]/.test(clause.slice(n.index + n.written.length))
    const family =
      !saidRep &&
      (n.marker === 'family' ||
        helped ||
        (n.marker === 'person' && (familyBefore(n.index) || (home && (needyLine || nearFamily || withFamily)))))
    const name = family && home && !n.name.endsWith('家') ? `${n.name}家` : n.name
    // "刘翠" where she logged 刘翠花, "王建家" where she logged 王建国家: asked about.
    const namesake = namesakeOf(name, ctx.known)?.subject
    subjects.push({
      name,
      kind: family ? 'poorFamily' : 'representatives',
      written: n.written,
      ...(namesake ? { namesake } : {}),
      ...(n.index <= 2 ? { firstInPart: true } : {}),
    })
  }
  // "建了个群，叫白庙村读书会": the group's name, no organisation.
  const orgFound = newOrganisation(clause, used)
  const org = orgFound && !(state.line.includes(`叫${orgFound}`) && /群/.test(state.line)) ? orgFound : undefined
  if (org) subjects.push({ name: org, kind: 'socialOrg', written: org })

  // What the clause is about, read without the names in it (志愿服务队 is a name, not a service).
  const rest = withoutNames(
    clause,
    subjects.map((x) => x.written),
  )
  const items: ProposedItem[] = []
  const add = (kind: DutyKind, subject: string, unsure?: Unsure, namesake?: string) => {
    const item: ProposedItem = {
      kind,
      subject,
      date: state.date,
      text: clause,
      ...(unsure ? { unsure } : {}),
      ...(state.vague ? { vague: state.vague } : {}),
      ...(namesake ? { namesake: { logged: namesake } } : {}),
    }
    if (!state.dated) UNDATED.add(item)
    items.push(item)
  }
  const kinds = kindsIn(rest)
  // "给李梅打了个电话，问了问她们组参加两癌筛查的情况": a service talked about with someone is not one done.
  // The same in the next part of the line: "给李梅打了个电话，问了问她们组参加两癌筛查的情况" (a mention).
  const met = subjects.some((x) => x.kind !== 'socialOrg') || state.met
  // Unless she says she took part: "参加了两癌筛查义诊服务 顺便跟…聊了聊".
  const talkedAbout = met && TALKED.test(rest) && !/参加了|参与了|去参加/.test(rest)
  if (subjects.some((x) => x.kind !== 'socialOrg')) state.met = true
  // "把建议案交给镇妇联了，关于农村妇女两癌救助的": what a proposal or report is about is no service done.
  const paperAt = Math.min(
    ...(['proposal', 'report'] as const).flatMap((k) => (kinds.includes(k) ? [kindAt(rest, k)!.index] : [])),
  )
  const scene: ServiceScene = {
    clause,
    rest,
    grouped: kinds.includes('onlineGroup'),
    met: !!met,
    talkedAbout: !!talkedAbout,
    paperAt,
    orgGuided: subjects.some((x) => x.kind === 'socialOrg'),
    orgMet: subjects.some((x) => x.kind === 'socialOrg') || !!state.orgMet,
    givenTo: subjects.filter((x) => x.kind !== 'socialOrg').map((x) => x.written),
  }
  for (const kind of kinds) {
    const found = kindAt(rest, kind)
    if (kind === 'publicService' && !servedHerself(scene, found?.index ?? 0)) continue
    if ((kind === 'report' || kind === 'proposal') && talkedAbout && !HANDED_IN.test(rest)) continue
    // "把胡月娥拉进了我们村的妇女微信群", "我们村的微信群人越来越多了": a group joined or talked of, not built
    // (unless the next part says it was: "我们村的那个正能量群，我已经建好了").
    if (kind === 'onlineGroup' && !GROUP_BUILT.test(rest)) {
      state.groupTopic = clause
      continue
    }
    // "开会说两癌筛查下个月开始": a deed still to come is a notice, not hers.
    // Unless the deed is told done before the day ("调研报告写完了…明天交到镇里").
    const told = rest.slice(found?.index ?? 0)
    const later = findDate(told, ctx.today)
    if (later && !later.ok && later.problem === 'future' && !/了/.test(told.slice(0, told.indexOf(later.phrase))))
      continue
    // "跟她说了说建网群的事": the deed's words, then 的事 or 的情况, in talk.
    if (found && TALKED.test(rest) && ABOUT.test(rest.slice(found.index + found.length))) continue
    add(kind, titleOf(kind, clause, state.line))
  }
  // "我们组的那个宝妈群，昨天终于建起来了": a part that is only a group's name, and the next says it was built.
  if (/群$/.test(rest.trim()) && !kinds.includes('onlineGroup')) state.groupTopic = clause
  else if (state.groupTopic && !kinds.includes('onlineGroup') && BUILT_IT.test(rest)) {
    add('onlineGroup', titleOf('onlineGroup', `${state.groupTopic}，${clause}`, state.line))
    state.groupTopic = undefined
  }
  const solved = SOLVED.test(rest)
  // In a group message not addressed to the bot, news about someone ("刘翠花家里今天来了好多亲戚") is not
  // a contact: she must be in it (我, 跟, 去, 给, 电话…).
  const saysContact = CONTACTED.test(rest.replace(SOLVED_EVERYWHERE, '')) && (!ctx.strict || HER_PART.test(rest))
  // "今天摆了一下午龙门阵，跟代表敖淑贞": what she did first, with whom in the next part.
  // "跑了三家：刘翠花、张桂兰，还有新代表郑丽华": what follows 还有 was done the same way.
  const goesOn = /^还有/.test(clause.trim()) && !!state.contacted && kinds.length === 0
  const contacted = saysContact || goesOn || (!!state.metNobody && subjects.length > 0 && kinds.length === 0 && !solved)
  state.contacted = contacted
  // "跑了一天：上午刘翠花家，下午李梅家": homes listed after it, one part each, go on the list.
  state.metNobody =
    (saysContact && MET.test(rest) && subjects.length === 0 && kinds.length === 0 && !solved) ||
    (!!state.metNobody && !saysContact && subjects.length > 0 && kinds.length === 0 && !solved)
  // "新选的妇女代表赵小红大姐，今天上门认识了一下": the name in one part, what she did in the next.
  if (subjects.length === 0 && contacted && state.waiting) subjects.push(...state.waiting)
  // "陈阿姨，妇女代表，今天去她家看了看": a part that says nothing at all does not end the wait.
  if (subjects.length > 0 || contacted || kinds.length > 0) state.waiting = undefined
  const bare = rest.replace(findDate(rest, ctx.today)?.phrase ?? '', '').replace(/[\s：:，,。.、（）()]/g, '')
  for (const s of subjects) {
    // "我们巾帼志愿队在村口帮着扫雪": her own team at work is no organisation guided, unless she goes to it.
    if (s.kind === 'socialOrg' && !contacted && OURS.test(clause.slice(0, Math.max(0, clause.indexOf(s.written)))))
      (state.waiting ??= []).push(s)
    // "参加了县里巾帼志愿服务队的活动": their activity, where she served; not an organisation she guided.
    else if (
      s.kind === 'socialOrg' &&
      kinds.includes('publicService') &&
      (JOINED_ITS.test(clause) || SERVED_AT.test(clause))
    )
      continue
    // "在茶叶合作社那边建了一个群": a place, not an organisation guided.
    else if (s.kind === 'socialOrg' && clause.includes(`在${s.written}那`) && !/指导/.test(clause)) continue
    else if (s.kind === 'socialOrg') {
      add('socialOrg', s.name, s.unsure)
      state.orgMet = true
    } else if (s.kind === 'poorFamily') {
      state.family = s
      // A problem solved by calling or running errands for the family is not a visit to it ("供电所来人给弄好了，
      // 是我打电话叫他们来的"); going there is ("去了他家，帮着把低保续上了").
      const visited = !solved || (contacted && (!solvedHere || WENT.test(rest)))
      if (visited) add('poorFamily', s.name, s.unsure, s.namesake)
      // "帮马福海家联系了收苹果的老板": calls made for the family, not a visit, when its problem is then solved.
      const forThem = new RegExp(`(?:帮着?|给)${s.written}(?:联系|找|问|打听|把)`).test(clause)
      if (visited && ((!solved && !contacted) || forThem)) ONLY_NAMED.add(items.at(-1)!)
      // "杨德明家看病报销的事，材料交上去了，还在等": a home named first, nobody met in the part.
      if (!solved && !contacted && s.firstInPart) NAMED_ONLY_FIRST.add(items.at(-1)!)
      if (solved) add('problemSolved', s.name, s.unsure, s.namesake)
    } else if (contacted || (!ctx.strict && kinds.length === 0 && bare.length <= 2)) {
      add('representatives', s.name, s.unsure, s.namesake)
    } else (state.waiting ??= []).push(s)
  }
  // "去了趟老王家，顺便帮他们把医保卡激活了": the family of the line, helped.
  if (subjects.length === 0 && solved && state.family) add('problemSolved', state.family.name, state.family.unsure)
  // "老王家娃的学费减免办下来了，今天去他家跟他们说了": the family of the line, visited.
  if (subjects.length === 0 && !solved && state.family && HIS_HOME.test(rest))
    add('poorFamily', state.family.name, state.family.unsure)
  return items
}

/**
 * "她说两癌筛查的通知她们组都传达到了", "他家孩子的助学金也办好了": what the woman she met said or has.
 * Talked about, never a deed of hers, except a problem of the family she visited that is now solved.
 */
function readReported(clause: string, state: LineState): ProposedItem[] {
  // "她孩子那个学费我帮着跟学校说好了给免了": the family's member, helped.
  if (
    !state.family ||
    !SOLVED.test(clause) ||
    !/^(?:她|他)(?:们)?(?:家|孩子|娃|儿子|闺女|女儿|男人|老伴|媳妇)/.test(clause.trim())
  )
    return []
  const item: ProposedItem = {
    kind: 'problemSolved',
    subject: state.family.name,
    date: state.date,
    text: clause,
    ...(state.family.unsure ? { unsure: state.family.unsure } : {}),
    ...(state.vague ? { vague: state.vague } : {}),
  }
  if (!state.dated) UNDATED.add(item)
  return [item]
}

/**
 * One of a mention's candidates, chosen by what the clause says (代表 or 低保户); 'none' when none of
 * them fits what the clause says (the name is someone new), 'open' when several still do.
 */
function choose(m: Mention, wants: Subject['kind'] | undefined): Subject | 'open' | 'none' {
  const fitting = wants && m.how !== 'exact' ? m.candidates.filter((c) => c.kind === wants) : m.candidates
  if (fitting.length === 0) return 'none'
  if (fitting.length > 1) return 'open'
  const k = fitting[0]!
  return {
    name: k.subject,
    kind: k.kind,
    written: m.written,
    unsure: isCertain(m) ? undefined : { written: m.written },
    ...(m.index <= 2 ? { firstInPart: true } : {}),
  }
}

/** An organisation's name going on after the words of one she logged: "(阳光妈妈)志愿服务队". */
const ORG_GOES_ON = new RegExp(`^[\\u4e00-\\u9fff]{0,6}?${SOCIAL_ORG_SUFFIX.source}`)

/** RELATIVE_AFTER where a name ends, without cutting the rest of the clause off first. */
const RELATIVE_AT = new RegExp(RELATIVE_AFTER.source.replace(/^\^/, ''), 'y')

/** Up to fourteen characters and the word an organisation's name ends with. */
const ORG_NAMED = new RegExp(`([\\u4e00-\\u9fff]{2,14}?${SOCIAL_ORG_SUFFIX.source})`)

/** "新成立的白庙村巾帼志愿服务队": an organisation she has not logged, by the word it ends with. */
function newOrganisation(clause: string, used: Mention[]): string | undefined {
  if (used.some((m) => m.candidates.some((c) => c.kind === 'socialOrg'))) return undefined
  const m = ORG_NAMED.exec(clause)
  if (!m) return undefined
  const name = m[1]!
    .split(
      /的|了|个|趟|叫|和|跟|同|与|带|问|她|他|是|联系|指导|刚才|刚刚|县上|镇上|村上|乡上|县里|镇里|乡里|村里|咱村|俺村|本村|去|到|在|给|说|聊|那个|这个|一下|一趟|里面|嗯|啊|就是|我们|咱们|俺们|今天|昨天|前天|上午|下午|晚上/,
    )
    .pop()!
  // A name, not the bare word: 巧手编织合作社, never the 合作社 of "聊了聊合作社的事".
  const suffix = SOCIAL_ORG_SUFFIX.exec(name)?.[0] ?? ''
  // "想搞个广场舞队": one still to be set up, not one she guided.
  const before = clause.slice(0, m.index + m[1]!.length - name.length)
  if (/(?<![那这])个$/.test(before)) return undefined
  // "就村里办妇女读书会交换了看法": one to be set up, talked of.
  if (/(?:办|搞|成立|组建|建)$/.test(before) || /^(?:办|搞|成立|组建)/.test(name)) return undefined
  // "扯了好久妇女合作社的事": talked of, not guided.
  if (/^的(?:事|情况|问题)/.test(clause.slice(m.index + m[1]!.length))) return undefined
  return name.length >= suffix.length + 2 ? name : undefined
}

/** A title for an item that has no person: its 《name》, what it is called, or what it is about. */
function titleOf(kind: DutyKind, clause: string, line = clause): string {
  const quoted = /《([^》]{2,40})》|“([^”]{2,40})”|"([^"]{2,40})"/.exec(clause)
  if (quoted) return (quoted[1] ?? quoted[2] ?? quoted[3])!
  const name = /(?:叫|名叫|名字叫|群名)[：:]?\s*([\u4e00-\u9fffA-Za-z0-9]{2,20})/
  // "…群，我已经建好了，叫和美乡村姐妹群": its name may be said in another part of the line.
  const called = name.exec(clause) ?? (kind === 'onlineGroup' ? name.exec(line) : null)
  if (kind === 'onlineGroup' && called) return called[1]!
  const about = /关于([\u4e00-\u9fff]{2,30})/.exec(clause)
  if ((kind === 'proposal' || kind === 'report') && about) return `关于${about[1]}`
  const words = clause
    .replace(/^(?:今天|昨天|前天|上午|下午|中午|晚上|傍晚|我们|咱们|我|呢|也|还|又|都|就|然后|跟着|参加了?|去了?)+/, '')
    .replace(/(?<![，,。.!！~～])[，,。.!！~～]+$/, '')
    .trim()
  return words.slice(0, 30) || clause.slice(0, 30)
}
