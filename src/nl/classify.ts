import type { DutyKind } from '../domain/checklist'
import * as cues from './cues'

const anyOf = (words: readonly string[]) => new RegExp(cues.alternation(words))

/**
 * Which checklist item a clause is about, from the words people use for each. Pure tables, so a
 * newcomer can read and extend them; the sentence reader decides what to do with several hits.
 */
export const KIND_WORDS: { kind: DutyKind; re: RegExp }[] = [
  { kind: 'proposal', re: new RegExp(`建意案|建议按|${cues.alternation(cues.PROPOSAL_WORDS)}`) },
  { kind: 'report', re: new RegExp(`调研|${cues.alternation(cues.REPORT_WORDS)}`) },
  {
    kind: 'onlineGroup',
    re: new RegExp(`群.{0,10}(?:建好|建起来|拉好|建成)|${cues.alternation(cues.GROUP_WORDS)}`),
  },
  {
    kind: 'publicService',
    re: new RegExp(
      `公益(?!项目|组织|岗位)|两爱|帮忙登记|(?<!大家|请|麻烦|你们|姐妹们)帮忙(?!联系|找|问|叫|打听|申请)|${cues.alternation(cues.SERVICE_WORDS)}`,
    ),
  },
]

/** A family's problem dealt with: 办下来了, 批下来了, 解决了, 修好了, 续上了 (see SOLVED_EVERYWHERE). */
export const SOLVED = new RegExp(
  `${/办(?:下来|好|妥|成|完|了)|批(?:下来|了)|解决|解绝|申请(?:到|下来)|[修补]好(?!了?(?:没|吗|么|不|一半))|续上|交上了|激活|住进去|落实|搞定|跑下来|协调好|领(?:回来|到了)|弄(?:好|完)|找(?:了|到|着)(?:个|份)?.{0,8}(?:活|工作|岗位)|(?:找人|联系).{0,6}(?:修|办)|接好|同意(?:了|收|接收|给)/.source}|${cues.alternation(cues.SOLVED_WORDS)}`,
)

/** Every word of a problem dealt with, to take them all out of a clause. */
export const SOLVED_EVERYWHERE = new RegExp(SOLVED.source, 'g')

/** Words that show she met or spoke with someone. */
export const CONTACTED = new RegExp(
  `${/(?<![下进出过])(?<!(?<![晚早])上)去|看(?!病|医生|大夫)|联西|走了一?遍|跑了一?遍|坐(?!.{0,2}车)|见|(?<!自)来(?!水|人)|说|问(?!题)/.source}|${cues.alternation(cues.CONTACT_WORDS)}`,
)

/** It did not happen (yet): nothing to record. */
export const NOT_DONE =
  /没(?:见着|见到|打通|接|在家|联系上|找到|人接|碰上|去成)|有事没去|(?:都|家里|家里头|屋里)没(?:有)?人(?![管带教问])|没人(?:在家|开门|应)|还没(?:回(?!来|家)|交|写|建|弄|搞|做|提|办|去|联系|动笔|开始|定)|约好|说好了?(?=[^，,。]{0,6}(?:明天|后天|下周|下礼拜|改天|到时候|过几天|周[一二三四五六日天]|去|来))|我在想|在琢磨|琢磨着|还没想好|约定|打不通|不在家|人不在|关机|要去|(?<!的)打算|准备|想把|想写|想提|我想报名|再去|(?:喊|叫|让)我去|原来说|原本|不在屋|写了个开头|开了个头|了再|都不在|门锁着|锁着门|等着(?:派|人|来|回|批)|还在(?:协调|跑|办|等|弄|改|修改|找)|没办好|到时候|下次|回头|改天|想去|计划(?:去|要|着|明天|下周)|没干啥|没啥事|写了一半|一半了|还在写|正在写|在忙着|忙着写|这就|马上|待会儿?|等会儿?|一会儿?(?:去|就)|没写完|应该能|先别|别(?:给我)?记|不用记|再交|本来(?:今天|要|想|约)|要是能|要是[^，,。]{0,20}就好了/

export const SOCIAL_ORG_SUFFIX =
  /(?:互助会|协会|服务队|志愿队|服务站|服务中心|服务社|联合会|联谊会|促进会|理事会|商会|工作室|妈妈团|志愿服务队|合作社|艺术团|合唱团|舞蹈队|文艺队|腰鼓队|读书会|俱乐部|社工站|社工服务站|工作站|舞队|秧歌队|锣鼓队|宣讲团|宣讲队|爱心车队|车队|基金会|互助组|互助队|绣坊|工坊)/

/** What she needs to record as a need when nothing else was read: 想学, 想要, 希望, 需要. */
export const NEED_WORDS = anyOf(cues.NEED_WORDS)

/** Help asked of her or of the federation: a need, not a service. */
export const REQUEST = anyOf(cues.REQUEST_WORDS)

/** A deed word followed by one of these is only talked about ("建网群的事"). */
export const ABOUT = new RegExp(`^.{0,2}(?:${cues.alternation(cues.ABOUT_WORDS)})`)

/** A group built, as opposed to one joined or talked of ("我们村的微信群人越来越多了"). */
export const GROUP_BUILT =
  /(?:建|创|组|成立|弄|搞|整|开)(?:了|好了|起|起来)?(?:个|一个)?[^，,。]{0,14}群|拉(?:了|起来?)?(?:个|一个)[^，,。]{0,14}群|群.{0,10}(?:建好|建起来?|拉好|拉起来?|建成|弄好|搞好|整好|弄起来|搞起来|整起来|成立)/

/** Where in the text a checklist item's words are: to see what follows them. */
export function kindAt(text: string, kind: DutyKind): { index: number; length: number } | undefined {
  const m = KIND_WORDS.find((k) => k.kind === kind)?.re.exec(text)
  return m ? { index: m.index, length: m[0].length } : undefined
}

/** A family in need, named as such. */
export const FAMILY_WORDS = anyOf(cues.FAMILY_WORDS)

export function kindsIn(text: string): DutyKind[] {
  return KIND_WORDS.filter((k) => k.re.test(text)).map((k) => k.kind)
}

/** Someone's relative is not that someone: 王秀兰她婆婆, 刘翠花家的儿媳妇. */
export const RELATIVE_AFTER =
  /^(?!大娘家)(?:大姐|姐|阿姨|婶子?)?(?:她|他|家)?(?:的|家的)?(?:大|二|三|小|老)?(?:婆婆|公公|儿媳妇?|媳妇|女儿|闺女|儿子|老公|丈夫|爱人|对象|妈妈?|母亲|老娘|爸爸?|父亲|婆家|娘家|孙子|孙女|外孙女?|妹妹|姐姐|弟弟|哥哥|侄女|侄子|小姑子?|嫂子|弟媳|堂妹|表妹|堂姐|表姐|堂嫂|一个组|一个村|隔壁|邻居)/
