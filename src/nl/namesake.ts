import { indexKnown, type Known, type KnownIndex } from './known-index'
import { familyHead, isFamily } from './people'

/**
 * Characters of given names (the common ones of women's and men's names in villages), and digits for
 * names such as 代表1: what may extend a name she logged into another woman's (李梅 → 李梅芳, 代表1 →
 * 代表12). Not 子, 姐, 婶 and the like: 梅子 and 李梅姐 are how people call 李梅.
 */
const GIVEN =
  '英华芳花兰梅娟丽秀珍凤玲琴霞红燕萍敏静艳洁莉莲慧淑娥菊香云翠桂玉美琳晶婷雪颖倩茹蓉佳欣悦怡嘉宁平安春秋冬夏荣亮强军伟刚勇国建民新文武志忠德福贵祥瑞海波涛江河山林森峰松柏杰俊豪鹏飞龙鸣亭芬芝蕊萱琪瑶璐瑾珊珠蓓蕾薇芸莎娜妮姗妍媛婉娴婕巧彩翔宏辉光耀丹青冰晓玫琼娇卿霖露霜雯然思诗雨月星晨曦阳朝晴晖智聪贤良善仁义礼信孝廉喜乐庆寿康宝容蓉琦婧娅姣媚蝶环银金枝叶苗芹芙蓓虹岚'
const EXTENDS = new RegExp(`^(?:[${GIVEN}]{1,2}|\\d{1,3})`)
/** What usually follows a name in a sentence: not the rest of it (李梅明天, 李梅花了 are 李梅). */
const NOT_AFTER =
  /^(?:明天|明年|今天|昨天|前天|上午|下午|晚上|春节|新年|花了|平时|安排|建了|建群|国家|江边|山上|新来|文化|康复|喜欢|美容|新闻|海边|秋收|光荣|宝宝|晓得|金额|信息)/
const BOUNDARY = /^(?:$|[^\u4e00-\u9fff0-9])/

/**
 * The given-name characters that extend a name at `end` of `text` into a longer one ("李梅芳，" after
 * 李梅), or '' when the name ends there. The extension must end where a word would: at punctuation, a
 * space, the end, or a word that follows names (家, 说, 大姐…: anything that is not a name character).
 */
export function extensionAt(text: string, end: number, digits: boolean): string {
  const rest = text.slice(end)
  if (NOT_AFTER.test(rest)) return ''
  const m = EXTENDS.exec(rest)
  if (!m || (/\d/.test(m[0]) && !digits)) return ''
  for (let n = m[0].length; n >= 1; n--) {
    const after = rest.slice(n)
    const ext = rest.slice(0, n)
    if (BOUNDARY.test(after) || !EXTENDS.test(after) || /\d/.test(ext)) return ext
  }
  return ''
}

/**
 * A subject she logged (or listed) whose name this one extends or shortens by one or two characters
 * (张丽华 / 张丽, 李梅 / 李梅芳, 代表1 / 代表12, 王建家 / 王建国家): not the same woman for sure, so it is
 * asked about, never merged silently. Undefined when the name is exactly one she knows, or no such one.
 */
export function namesakeOf(name: string, list: readonly Known[] | KnownIndex): Known | undefined {
  const known = indexKnown(list)
  if (known.empty || known.find(name)) return undefined
  const family = isFamily(name)
  const head = familyHead(name)
  const fits = (k: Known) => (k.kind === 'poorFamily') === family && k.kind !== 'socialOrg'
  const digits = /\d$/.test(head)
  // Shorter: the name without its last one or two characters is someone she knows.
  for (let cut = 1; cut <= 2 && head.length - cut >= 2; cut++) {
    const shorter = head.slice(0, head.length - cut)
    const k = known.find(family ? `${shorter}家` : shorter)
    if (k && fits(k) && extensionAt(head, shorter.length, digits || /\d/.test(head.slice(-cut))) === head.slice(-cut))
      return k
  }
  // Longer: someone she knows whose name begins with this one.
  for (const part of known.parts)
    for (const i of part.prefixes.map.get(head) ?? []) {
      const k = part.items[i]!
      if (fits(k) && familyHead(k.subject).length - head.length <= 2) return k
    }
  return undefined
}
