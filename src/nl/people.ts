import { FAMILY_WORDS, alternation } from './cues'

/**
 * Names as people write them: honorifics and kinship words are not part of a name (刘翠花大姐 is
 * 刘翠花), a space inside a name is not a separator (刘 翠花), and a family is "<name>家".
 */

/** Common Chinese surnames (the first character of almost every name the bot will meet). */
export const SURNAMES = new Set(
  '冶撒粟盘纳喇尕索普者沐刀禄资陇杞矣海妥王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝阎郁鞠茅荆蔺晋厉储伏闻帅鄢封仝冀宿谌晁胥',
)

/** Two-character surnames: Yi (沙马, 吉克, 阿苏…) and the old Han ones (欧阳, 司马…). */
export const DOUBLE_SURNAMES = [
  '沙马',
  '吉克',
  '阿苏',
  '阿鲁',
  '曲比',
  '俄底',
  '海来',
  '马海',
  '吉木',
  '阿约',
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '尉迟',
]

/** Words that follow a name to show respect or kinship; longest first, so 婶子 wins over 婶. */
export const HONORIFICS = [
  '老人家',
  '老妹儿',
  '老妹',
  '老太太',
  '老爷子',
  '老人',
  '老爷爷',
  '大爷',
  '大叔',
  '大姐',
  '姐姐',
  '妹子',
  '妹妹',
  '阿姨',
  '大妈',
  '大娘',
  '婶子',
  '婶儿',
  '奶奶',
  '老师',
  '同志',
  '嫂子',
  '大嫂',
  '大哥',
  '大爷',
  '大叔',
  '大伯',
  '老汉',
  '老太',
  '爷爷',
  '婆婆',
  '主任',
  '书记',
  '女士',
  '姐',
  '婶',
  '嫂',
  '姨',
  '妹',
  '哥',
  '叔',
]

const HONORIFIC_TAIL = new RegExp(`(?:${HONORIFICS.join('|')})$`)

/** 刘翠花大姐 → 刘翠花; 刘阿姨 stays as written (it names no one on its own). */
export function stripHonorific(name: string): string {
  const core = name.replace(HONORIFIC_TAIL, '')
  return core.length >= 2 ? core : name
}

/** Only kinship or respect after a surname: 刘阿姨, 王婶, 周奶奶. */
export function isSurnameAndHonorific(name: string): boolean {
  return SURNAMES.has(name[0] ?? '') && HONORIFICS.includes(name.slice(1))
}

export function isFamily(name: string): boolean {
  return name.endsWith('家') && name.length >= 2
}

/** The person a family is named after: 王建国家 → 王建国. */
export function familyHead(name: string): string {
  return isFamily(name) ? name.slice(0, -1) : name
}

/** "刘 翠花", "马 秀芝": a surname, a space and a given name are one name, not two words. */
export function joinSplitNames(text: string): string {
  return text.replace(
    /(^|[^\u4e00-\u9fff]|代表|了|访|系|给|跟|和)([\u4e00-\u9fff])[ \u3000]+([\u4e00-\u9fff]{1,2})(?=$|[^\u4e00-\u9fff]|家|大姐|姐|阿姨|婶|上门|电话|走访)/g,
    (all, pre: string, first: string, rest: string) => (SURNAMES.has(first) ? `${pre}${first}${rest}` : all),
  )
}

const ROLE = `(?:妇女)?代表|${alternation(FAMILY_WORDS)}`
const BARE_NAME = `[${[...SURNAMES].join('')}][\\u4e00-\\u9fff]{1,2}?(?:${HONORIFICS.join('|')}|家)?`
const ROLE_THEN_NAME = new RegExp(`(${ROLE})[，,]\\s*(${BARE_NAME})(?=[，,。；;]|$)`, 'g')
const NAME_THEN_ROLE = new RegExp(`(^|[，,。；;]\\s*)(${BARE_NAME})[，,]\\s*(${ROLE})(?=[，,。；;]|$)`, 'g')

/**
 * "新联系了一户困难家庭，赵德明家，…", "陈阿姨，妇女代表，今天去她家看了看": a name set apart by commas
 * next to what she is is written as one phrase (困难家庭赵德明家, 妇女代表陈阿姨), so it is read as such.
 */
export function joinAppositions(line: string): string {
  return line.replace(ROLE_THEN_NAME, '$1$2').replace(NAME_THEN_ROLE, '$1$3$2')
}
