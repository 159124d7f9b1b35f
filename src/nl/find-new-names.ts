import { DOUBLE_SURNAMES, HONORIFICS, SURNAMES, isSurnameAndHonorific, stripHonorific } from './people'
import {
  FAMILY_WORDS,
  KIN_WORDS,
  MONGOLIAN_NAME_HEADS,
  MONGOLIAN_NAME_TAILS,
  NAME_ENDS,
  TIBETAN_NAME_HEADS,
  TIBETAN_NAME_TAILS,
  UYGHUR_NAME_HEADS,
  UYGHUR_NAME_TAILS,
  alternation,
} from './cues'

/** Tibetan, Mongolian and Uyghur given names, written with no surname: their first parts, and what may end them. */
const NO_SURNAME_HEADS = [...TIBETAN_NAME_HEADS, ...MONGOLIAN_NAME_HEADS, ...UYGHUR_NAME_HEADS]
const NO_SURNAME_TAILS = [...NO_SURNAME_HEADS, ...TIBETAN_NAME_TAILS, ...MONGOLIAN_NAME_TAILS, ...UYGHUR_NAME_TAILS]

/** A name she has not logged before, read from where it stands in the sentence. */
export interface NewName {
  /** Without honorific; "孙德旺家" for a family named by its home. */
  name: string
  /** Written as "<name>家": a family after 低保户 and the like, her home after a verb of visiting. */
  home: boolean
  /** 'rep': after 代表; 'family': after 低保户/贫困户 or with 家; 'person': after a verb of visiting. */
  marker: 'rep' | 'family' | 'person'
  index: number
  written: string
}

const SURNAME = `[${[...SURNAMES].join('')}]`
const HONORIFIC = `(?:${HONORIFICS.join('|')})`
const NAME = `((?:${DOUBLE_SURNAMES.join('|')}|${SURNAME})[\\u4e00-\\u9fff]{1,2}?)`
/** A man's wife or child named by him ("周国平老婆的医保"): his household. */
const HIS_WIFE = /^的?(?:老婆|媳妇|爱人|老伴|儿子|闺女|孩子|娃)/

/** What may follow a name: what makes its end visible. */
const AFTER = `(?=${HONORIFIC}|${alternation(NAME_ENDS)}|\\d|[，,、。.！!？?：:（(\\s]|$)`

/** Words that start with a surname and name nobody: 孙子, 连队, 海滩. */
const WORDS =
  /^(?:孙[子女儿]|连队|车[子上站]|海(?:滩|边|上|里|岛|港|产|带|水)|马路|马上|高兴|高速|常常|白天|江边|路上|田里|林场|金秋)/
/** Words, not a given name: "送去了米和油", "去了趟镇上", "儿童之家" (米, 镇, 童 are surnames too). */
const NOT_A_NAME = /[和跟与的了个些点们说是在上里下把被给也都又还就这那之面油煤于饺妇好]|(?<!有)粮|^(?:镇|村|县|乡|市)/

/** Where a name said first in a part may start: the part's start, or after "那个" or the time of day ("昨天下午吴碧霞代表来找我了"). */
const LEAD = '(?:^|[，,\\s]|那个|这个|今天|昨天|前天|上午|下午|中午|晚上|刚才|刚刚)'

/**
 * Each way a sentence shows a name, and (when) words the text must hold for it to be tried at all: most
 * messages have no 代表, 把 or 一家, and a pattern not tried costs nothing.
 */
const PATTERNS: { re: RegExp; marker: NewName['marker']; full?: true; when?: string | RegExp }[] = [
  {
    re: new RegExp(
      `(?:新选(?:上)?的|新)?(?:妇女)?代表[：: ]*(?:叫|名叫|叫做)?[：: ]*${NAME}(${HONORIFIC})?${AFTER}`,
      'g',
    ),
    marker: 'rep',
    when: '代表',
  },
  {
    re: new RegExp(`(?:${alternation(FAMILY_WORDS)})[：: ]*(?:叫)?${NAME}(${HONORIFIC}|家)?(?:(?<=家)|${AFTER})`, 'g'),
    marker: 'family',
    when: new RegExp(alternation(FAMILY_WORDS)),
  },
  {
    re: new RegExp(
      `(?:给|跟|和|同|去|到|从|看望|探望|看|拜访|走访|联系|找|见|碰到|碰上|碰见|遇到|遇上|遇见|慰问|认识|陪|带|帮|还有|(?:一|另一|另外一)[个位]是(?:新来的|新选的|新)?|分别是|、(?:新来的|新选的)?)(?:了|过|着|的)?(?:一下|下|[一两二三几]?趟)?\\s*${NAME}(${HONORIFIC}|家)?(?:(?<=家)|${AFTER})`,
      'g',
    ),
    marker: 'person',
  },
  { re: new RegExp(`上${NAME}()(?=家)`, 'g'), marker: 'person', when: '家' },
  /** "把胡月娥拉进了群", "把陈美华叫上": someone she brought along or in. */
  {
    re: new RegExp(`把${NAME}(${HONORIFIC})?(?=拉|叫|请|带|喊|约|接|送|那儿|那里|那边)`, 'g'),
    marker: 'person',
    when: '把',
  },
  /** "去俺们村东头孙凤英家", "去了隔壁孙德福家": a home visited, with where it stands between. */
  {
    re: new RegExp(`(?:去|到)(?:了|过)?(?:[一两二三几]?趟)?[\\u4e00-\\u9fff]{1,6}?${NAME}(家)`, 'g'),
    marker: 'person',
    when: '家',
  },
  /** "张桂兰的儿媳妇孙晓燕", "王建国的弟弟王建军家": a relative named after the word for her. */
  {
    re: new RegExp(`(?:${alternation(KIN_WORDS)})${NAME}(${HONORIFIC}|家)?(?:(?<=家)|${AFTER})`, 'g'),
    marker: 'person',
    when: new RegExp(alternation(KIN_WORDS)),
  },
  /** "王秀兰今天来村部找我", "王桂香来村委会说…", "赵大姐打电话过来": someone who came to her, named first (a full name). */
  {
    re: new RegExp(
      `${LEAD}${NAME}(${HONORIFIC})?(?=(?:代表)?(?:今天|昨天|上午|下午|刚才)?(?:来|到)(?:村部|村委会?|我家|家里|办公室)?找我|(?:今天|昨天|上午|下午|刚才)?(?:来|到)(?:村部|村委会?|我家|家里|办公室)(?:说|反映|讲)|(?:今天|昨天|上午|下午|刚才)?(?:打|来)(?:了个?)?电话)`,
      'g',
    ),
    marker: 'person',
    full: true,
    when: /找我|村部|村委|我家|家里|办公室|电话/,
  },
  /**
   * "周丽家低保批下来了", "那个孙有才家的孩子的学费…": a home named first, what was done for it after (the
   * reader counts it only where a problem is solved or she was there).
   */
  {
    re: new RegExp(`${LEAD}${NAME}(?<![大人老自全娘婆])(家)(?![里人])`, 'g'),
    marker: 'person',
    when: '家',
  },
  /** "看了困难户巴特尔家": after a family word, a home whose name starts with no surname (Mongolian, Tibetan…). */
  {
    re: new RegExp(
      `(?:${alternation(FAMILY_WORDS)})(?:那个)?((?!老人|老太|老汉|孩子|娃娃|他们|她们|这户|那户|一户|几户|村民|人家|困难|贫困|低保|五保|特困|单亲)[\\u4e00-\\u9fff]{2,3}?)(家)(?![里人庭属])`,
      'g',
    ),
    marker: 'family',
    when: new RegExp(alternation(FAMILY_WORDS)),
  },
  /** "新联系了一位妇女代表，岩脚组的罗玉芬": a name after where she lives. */
  {
    re: new RegExp(`(?:组|村|寨|社区)的${NAME}(${HONORIFIC})?${AFTER}`, 'g'),
    marker: 'person',
    full: true,
    when: '的',
  },
  /** "到白桂芳代表家": a representative's home, 代表 between. */
  { re: new RegExp(`${NAME}()(?=(?:妇女)?代表(?:的)?家)`, 'g'), marker: 'rep', when: '代表' },
  /** "慰问了顶梁柱母亲周桂香一家": a household as 一家. */
  { re: new RegExp(`${NAME}(?=一家)`, 'g'), marker: 'person', when: '一家' },
  /** "周国平老婆的大病医保报销…": a household named by its man, first in a part. */
  {
    re: new RegExp(`(?:^|[，,\\s])${NAME}(?=的?(?:老婆|媳妇|爱人|老伴))`, 'g'),
    marker: 'person',
    when: /老婆|媳妇|爱人|老伴/,
  },
  /** "刘翠英（翠花姐的堂妹）今天也联系上了": a name first in the text, then the day and the contact. */
  {
    re: new RegExp(
      `^${NAME}(${HONORIFIC})?(?=(?:[（(][^）)]{0,16}[）)])?\\s*(?:今天|昨天|前天|上午|下午|刚才)?(?:也|又)?(?:联系|见|聊|唠|走访|看望|通了电话|打了电话)|(?:她)?是(?:我们|咱们|俺们)?[^，,。\\s]{0,6}?的?(?:新)?(?:妇女)?代表)`,
      'g',
    ),
    marker: 'person',
  },
  /** "代表才让卓玛", "去了拉毛草家", "看了代表其其格": a Tibetan or Mongolian name, which starts with no surname. */
  {
    re: new RegExp(
      `(?:代表(?:叫)?[：: ]*|去了?|看了?|看望了?|到了?|跟|和|给|^)((?:${alternation(NO_SURNAME_HEADS)})(?:${alternation(NO_SURNAME_TAILS)})?)(家)?(?=${alternation(NAME_ENDS)}|[，,、。.！!？?：:（(\\s]|$)`,
      'g',
    ),
    marker: 'person',
    when: new RegExp(alternation(NO_SURNAME_HEADS)),
  },
  /** "赵小红13812345678 妇女代表": the name before what she is. */
  { re: new RegExp(`(?:^|\\s)${NAME}()(?=[\\d\\s-]*(?:妇女)?代表)`, 'g'), marker: 'rep', when: '代表' },
]

/** A family's name as its home: "韩素芳" → 韩素芳家; one already so, or only a surname and a word of respect, as is. */
const homeOf = (name: string) => (name.endsWith('家') || isSurnameAndHonorific(name) ? name : `${name}家`)

/** "杨爱萍 黄淑芬 吴玉珍 今天都电话联系了": names listed first, what was done with them after. */
const LISTED = new RegExp(
  `^(?:${SURNAME}[\\u4e00-\\u9fff]{1,2}[\\s、，,]+)+${SURNAME}[\\u4e00-\\u9fff]{1,2}(?=[\\s、，,]|${alternation(NAME_ENDS)}|$)`,
)

/** The names of a list that starts the text, where each is. */
function listed(text: string): { raw: string; index: number }[] {
  const m = LISTED.exec(text)
  if (!m) return []
  return [...m[0].matchAll(/[^\s、，,]+/g)].map((t) => ({ raw: t[0], index: t.index }))
}

/**
 * Names that are not among the ones she logged before. Only names where a sentence shows they are
 * names (after 代表, 低保户, a verb of visiting or calling) and that start with a surname.
 */
export function findNewNames(text: string, taken: (index: number, length: number) => boolean): NewName[] {
  const out: NewName[] = []
  const at = new Set<number>()
  for (const { re, marker, full, when } of PATTERNS) {
    if (when !== undefined && (typeof when === 'string' ? !text.includes(when) : !when.test(text))) continue
    for (const m of text.matchAll(re)) {
      const raw = m[1]!
      const tail = m[2] ?? ''
      const index = m.index! + m[0].indexOf(raw)
      if (taken(index, raw.length)) continue
      const after = index + raw.length + tail.length
      // "谭满妹家", "李春姐家": a one-character honorific before 家 ends a three-character given name.
      // So does 妹 anywhere after a surname and one character: 满妹, 春妹 are given names in the south.
      const named =
        tail.length === 1 && raw.length === 2 && (text[after] === '家' || tail === '妹') ? raw + tail : undefined
      const home =
        tail.endsWith('家') || !!named || text.startsWith('一家', after) || HIS_WIFE.test(text.slice(after, after + 4))
      const written = raw + tail + (named ? '家' : '')
      // "孙二妹家": a home's name that ends in 妹 keeps it (stripHonorific would leave 孙二).
      const homeGiven = home && raw.length === 3 && raw.endsWith('妹') ? raw : undefined
      const person =
        named ??
        homeGiven ??
        (isSurnameAndHonorific(raw + (home ? '' : tail)) ? raw + (home ? '' : tail) : stripHonorific(raw))
      // A family is named by its home: "低保户韩素芳" is 韩素芳家 (刘奶奶 stays as written).
      const name = marker === 'family' ? homeOf(home ? `${named ?? raw}家` : person) : person
      if (
        name.length < 2 ||
        at.has(index) ||
        NOT_A_NAME.test(raw.slice(1)) ||
        // "周二去了" is a day; "周二柱家" a home.
        (/^周[一二三四五六日天末]/.test(raw) && text[index + raw.length] !== '家') ||
        WORDS.test(raw)
      )
        continue
      // Named first, she came to her: only a full name (兰姐 alone could be anyone).
      if (full && isSurnameAndHonorific(name)) continue
      at.add(index)
      out.push({ name, home, marker, index, written })
    }
  }
  for (const { raw, index } of listed(text)) {
    if (taken(index, raw.length) || NOT_A_NAME.test(raw.slice(1)) || isSurnameAndHonorific(raw) || WORDS.test(raw))
      continue
    out.push({ name: raw, home: false, marker: 'person', index, written: raw })
  }
  // One name per place: a name found inside another (江华 inside 王江华家) is not a second one.
  const sorted = out.sort((a, b) => a.index - b.index || b.written.length - a.written.length)
  return sorted.filter((n, i) => !sorted.slice(0, i).some((o) => n.index < o.index + o.written.length))
}
