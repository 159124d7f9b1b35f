import fc from 'fast-check'
import { findSensitiveNumbers, maskSensitive } from '../../src/domain/mask-sensitive'
import { digitOf } from '../../src/domain/digit-value'

/**
 * Every digit 0–9 in the scripts people write numbers in, written out here independently of the mask's
 * own tables; Chinese digits with each numeral voice input or a keyboard gives for them.
 */
const NUMERAL_GROUPS = [
  '〇零洞',
  '一幺么壹弌',
  '二两贰貳弍',
  '三叁參弎',
  '四肆',
  '五伍',
  '六陆陸',
  '七柒拐',
  '八捌',
  '九玖勾',
]
const NUMERAL_CHARS = NUMERAL_GROUPS.join('')
const SCRIPTS = {
  ascii: [...'0123456789'],
  fullWidth: [...'０１２３４５６７８９'],
  circled: [...'⓪①②③④⑤⑥⑦⑧⑨'],
  negativeCircled: [...'⓿❶❷❸❹❺❻❼❽❾'],
  mathBold: [...'𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗'],
  doubleStruck: [...'𝟘𝟙𝟚𝟛𝟜𝟝𝟞𝟟𝟠𝟡'],
  arabicIndic: [...'٠١٢٣٤٥٦٧٨٩'],
  superscript: [...'⁰¹²³⁴⁵⁶⁷⁸⁹'],
}
const DIGIT_OF = new Map<string, string>([
  ...NUMERAL_GROUPS.flatMap((numerals, d) => [...numerals].map((n): [string, string] => [n, String(d)])),
  ...Object.values(SCRIPTS).flatMap((digits) => digits.map((ch, d): [string, string] => [ch, String(d)])),
])

/** The output as a reader would read it back: no separators, every digit folded to ASCII. */
function normalise(text: string): string {
  return [...text]
    .map((ch) => DIGIT_OF.get(ch) ?? ch)
    .join('')
    .replace(/[\s\-‐‑‒–—−﹣－.．·・()（）+＋/／_＿~～,，\u00ad\u200b]/g, '')
}

describe('maskSensitive: mobile phones', () => {
  it.each([
    ['13800138000', '138****8000'],
    ['电话13800138000找她', '电话138****8000找她'],
    ['138 0013 8002', '138****8002'],
    ['138\u30000013\u30008002', '138****8002'],
    ['138-0013-8003', '138****8003'],
    ['138.0013.8004', '138****8004'],
    ['1380 0138 005', '138****8005'],
    ['+86 13800138006', '+86 138****8006'],
    ['+8613800138007', '+86 138****8007'],
    ['＋86-138 0013 8008', '+86 138****8008'],
    ['86-138-0013-8009', '+86 138****8009'],
    ['8613800138010', '+86 138****8010'],
    ['0086 138 0013 8011', '+86 138****8011'],
    ['１３８００１３８０１２', '１３８****８０１２'],
    ['一三八零零一三八零零二', '一三八****八零零二'],
    ['幺三八〇〇幺三八〇〇二', '幺三八****八〇〇二'],
    ['手机一三八 零零一三 八零零二打她', '手机一三八****八零零二打她'],
    ['刘翠花大姐13800138013，王婶15912345678', '刘翠花大姐138****8013，王婶159****5678'],
  ])('%s → %s', (text, masked) => {
    expect(maskSensitive(text)).toBe(masked)
  })
})

describe('maskSensitive: ID cards', () => {
  it.each([
    ['420602198001011234', '420602********1234'],
    ['42060219800101123X', '420602********123X'],
    ['身份证42060219800101123x号', '身份证420602********123x号'],
    ['王建国家低保户身份证420602198001011234', '王建国家低保户身份证420602********1234'],
    ['420602 19800101 1234', '420602********1234'],
    ['420602-19800101-123X', '420602********123X'],
    ['420602 1980 0101 1234', '420602********1234'],
    ['420602-1980-0101-123X', '420602********123X'],
    ['４２０６０２１９８００１０１１２３Ｘ', '４２０６０２********１２３Ｘ'],
  ])('%s → %s', (text, masked) => {
    expect(maskSensitive(text)).toBe(masked)
  })
})

describe('maskSensitive: bank cards', () => {
  it.each([
    ['6222020200001234', '****1234'],
    ['6222020200001234567', '****4567'],
    ['6222 0202 0000 1234', '****1234'],
    ['6222-0202-0000-1234-567', '****4567'],
    ['卡号6222 0202 0000 1234，户名王芳', '卡号****1234，户名王芳'],
    // An 18-digit number in fours is a card even when its middle reads as a birth date.
    ['6222 0219 8001 0112 34', '****1234'],
  ])('%s → %s', (text, masked) => {
    expect(maskSensitive(text)).toBe(masked)
  })
})

describe('maskSensitive: landlines', () => {
  it.each([
    ['0710-3456789', '0710-****789'],
    ['座机 0710-3456789', '座机 0710-****789'],
    ['0710 3456789', '0710-****789'],
    ['07103456789', '0710-****789'],
    ['0710 - 345 6789', '0710-****789'],
    ['(0710)3456789', '(0710)****789'],
    ['（0710）3456789', '（0710）****789'],
    ['（0710） 345-6789', '（0710）****789'],
    ['0710-34567890', '0710-****7890'],
    ['010-62345678', '010-****5678'],
    ['电话027 8765 4321转', '电话027-****4321转'],
  ])('%s → %s', (text, masked) => {
    expect(maskSensitive(text)).toBe(masked)
  })
})

describe('maskSensitive: other long digit runs', () => {
  it.each([
    ['订单号123456789012', '订单号123*****9012'],
    ['1234 5678 9012', '123*****9012'],
    ['2013800138000', '201******8000'],
    ['一二三四五六七八九零一', '一二三****八九零一'],
  ])('%s → %s', (text, masked) => {
    expect(maskSensitive(text)).toBe(masked)
  })
})

/** Each form in a sentence, as people send it: masked, with the words around it untouched. */
const inSentence = (form: string) => maskSensitive(`李大姐电话${form}请回电`)

describe('maskSensitive: the 16 forms issue 20 found passing the mask', () => {
  it.each([
    ['1 3 8 0 0 1 3 8 0 0 8', '138****8008'],
    ['4 2 0 6 0 2 1 9 8 5 0 3 1 5 1 2 3 4', '420602********1234'],
    ['138 00 13 80 18', '138****8018'],
    ['138零零13八零一三', '138****八零一三'],
    ['一三八 0013 8033', '一三八****8033'],
    ['壹叁捌零零壹叁捌零零叁', '壹叁捌****捌零零叁'],
    ['①③⑧⓪⓪①③⑧⓪⓪③', '①③⑧****⑧⓪⓪③'],
    ['𝟏𝟑𝟖𝟎𝟎𝟏𝟑𝟖𝟎𝟎𝟑', '𝟏𝟑𝟖****𝟖𝟎𝟎𝟑'],
    ['138/0013/8000', '138****8000'],
    ['138_0013_8000', '138****8000'],
    ['138~0013~8000', '138****8000'],
    ['138,0013,8000', '138****8000'],
    ['138\u00ad0013\u00ad8000', '138****8000'],
    ['138OO138OOO', '138****8OOO'],
    ['(138)0013 8034', '138****8034'],
    ['+86 (138) 0013 8036', '+86 138****8036'],
  ])('%s → %s', (form, masked) => {
    expect(inSentence(form)).toBe(`李大姐电话${masked}请回电`)
  })
})

describe('maskSensitive: the 59 forms of the fresh review (MK-01)', () => {
  it.each([
    ['13912345678', '139****5678'],
    ['139 1234 5678', '139****5678'],
    ['139-1234-5678', '139****5678'],
    ['１３９１２３４５６７８', '１３９****５６７８'],
    ['１３９－１２３４－５６７８', '１３９****５６７８'],
    ['一三九一二三四五六七八', '一三九****五六七八'],
    ['幺三勾幺两三四五六拐八', '幺三勾****五六拐八'],
    ['壹叁玖壹贰叁肆伍陆柒捌', '壹叁玖****伍陆柒捌'],
    ['①③⑨①②③④⑤⑥⑦⑧', '①③⑨****⑤⑥⑦⑧'],
    ['❶❸❾❶❷❸❹❺❻❼❽', '❶❸❾****❺❻❼❽'],
    ['⑴⑶⑼⑴⑵⑶⑷⑸⑹⑺⑻', '⑴⑶⑼****⑸⑹⑺⑻'],
    ['𝟏𝟑𝟗𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖', '𝟏𝟑𝟗****𝟓𝟔𝟕𝟖'],
    ['𝟷𝟹𝟿𝟷𝟸𝟹𝟺𝟻𝟼𝟽𝟾', '𝟷𝟹𝟿****𝟻𝟼𝟽𝟾'],
    ['𝟙𝟛𝟡𝟙𝟚𝟛𝟜𝟝𝟞𝟟𝟠', '𝟙𝟛𝟡****𝟝𝟞𝟟𝟠'],
    ['١٣٩١٢٣٤٥٦٧٨', '١٣٩****٥٦٧٨'],
    ['१३९१२३४५६७८', '१३९****५६७८'],
    ['¹³⁹¹²³⁴⁵⁶⁷⁸', '¹³⁹****⁵⁶⁷⁸'],
    ['139一二34五六七八', '139****五六七八'],
    ['一三九 1234 5678', '一三九****5678'],
    ['１３９1234五六七八', '１３９****五六七八'],
    ['+86 139 1234 5678', '+86 139****5678'],
    ['+86 (139) 1234-5678', '+86 139****5678'],
    ['0086-13912345678', '+86 139****5678'],
    ['(139)1234-5678', '139****5678'],
    ['13O1234567O', '13O****567O'],
    ['139/1234/5678', '139****5678'],
    ['139_1234_5678', '139****5678'],
    ['139~1234~5678', '139****5678'],
    ['139,1234,5678', '139****5678'],
    ['139，1234，5678', '139****5678'],
    ['139.1234.5678', '139****5678'],
    ['139\u00ad1234\u00ad5678', '139****5678'],
    ['139\u200b1234\u200b5678', '139****5678'],
    ['139\u00a01234\u00a05678', '139****5678'],
    ['139\u30001234\u30005678', '139****5678'],
    ['1 3 9 1 2 3 4 5 6 7 8', '139****5678'],
    ['139 12 34 56 78', '139****5678'],
    ['139–1234–5678', '139****5678'],
    ['139—1234—5678', '139****5678'],
    ['139−1234−5678', '139****5678'],
    ['139\n1234\n5678', '139****5678'],
    ['139\t1234\t5678', '139****5678'],
    ['电话139一二三四5678找她', '电话139****5678找她'],
    ['一 三 九 一 二 三 四 五 六 七 八', '一三九****五六七八'],
    ['420602198503151234', '420602********1234'],
    ['42060219850315123X', '420602********123X'],
    ['42060219850315123x', '420602********123x'],
    ['420602 19850315 1234', '420602********1234'],
    ['４２０６０２１９８５０３１５１２３４', '４２０６０２********１２３４'],
    ['四二零六零二一九八五零三一五一二三四', '四二零六零二********一二三四'],
    ['420602-1985-0315-1234', '420602********1234'],
    ['4 2 0 6 0 2 1 9 8 5 0 3 1 5 1 2 3 4', '420602********1234'],
    ['0710-3456789', '0710-****789'],
    ['(0710)3456789', '(0710)****789'],
    ['6222 0212 3456 7890 123', '****0123'],
    ['420602850315123', '420********5123'],
    ['13912345678/ 1370O123456', '139****5678/ 137****3456'],
    ['+852 9123 4567', '+852****4567'],
    ['幺三九，幺二三四，五六七八', '幺三九****五六七八'],
  ])('%s → %s', (form, masked) => {
    expect(inSentence(form)).toBe(`李大姐电话${masked}请回电`)
  })
})

describe('maskSensitive: more forms people write (listed for issue 20)', () => {
  it.each([
    ['1️⃣3️⃣8️⃣0️⃣0️⃣1️⃣3️⃣8️⃣0️⃣0️⃣0️⃣', '138****8000'],
    ['幺叁捌洞洞幺叁捌洞洞洞', '幺叁捌****捌洞洞洞'],
    ['么三八零零么三八零零零', '么三八****八零零零'],
    ['一三八 零零 一三 八零 零零', '一三八****八零零零'],
    ['+86 一三八 零零一三 八零零零', '+86 一三八****八零零零'],
    ['13８00一38000', '13８****8000'],
    ['13800l38000', '138****8000'],
    ['(+86)13800138000', '+86 138****8000'],
    ['0086 (138) 0013-8000', '+86 138****8000'],
    ['+86-138-0013-8000', '+86 138****8000'],
    ['138·0013·8000', '138****8000'],
    ['138・0013・8000', '138****8000'],
    ['138～0013～8000', '138****8000'],
    ['138／0013／8000', '138****8000'],
    ['138 - 0013 - 8000', '138****8000'],
    ['138\u20090013\u20098000', '138****8000'],
    ['138\u31640013\u31648000', '138****8000'],
    ['138\u28000013\u28008000', '138****8000'],
    ['1\u200b3\u200b8\u200b0\u200b0\u200b1\u200b3\u200b8\u200b0\u200b0\u200b0', '138****8000'],
    ['１３８　００１３　８０００', '１３８****８０００'],
    ['1-3-8-0-0-1-3-8-0-0-0', '138****8000'],
    ['① ③ ⑧ ⓪ ⓪ ① ③ ⑧ ⓪ ⓪ ⓪', '①③⑧****⑧⓪⓪⓪'],
    ['⓵⓷⓼⓪⓪⓵⓷⓼⓪⓪⓪', '⓵⓷⓼****⓼⓪⓪⓪'],
    ['➀➂➇⓪⓪➀➂➇⓪⓪⓪', '➀➂➇****➇⓪⓪⓪'],
    ['𝟣𝟥𝟪𝟢𝟢𝟣𝟥𝟪𝟢𝟢𝟢', '𝟣𝟥𝟪****𝟪𝟢𝟢𝟢'],
    ['๑๓๘๐๐๑๓๘๐๐๐', '๑๓๘****๘๐๐๐'],
    ['tel:13800138000', 'tel:138****8000'],
    ['Tel13800138000', 'Tel138****8000'],
    ['call me at 13800138000', 'call me at 138****8000'],
    ['【13800138000】（微信同号）', '【138****8000】（微信同号）'],
    ['13800138000/13900139000', '138****8000/139****9000'],
    ['138 0013 8000转2', '138****8000转2'],
    ['138 0013 8000 身份证420602198503151234', '138****8000 身份证420602********1234'],
    ['420 602 1985 0315 1234', '420602********1234'],
    ['四二洞六洞二幺九八五洞三幺五幺二三四', '四二洞六洞二********幺二三四'],
    ['420602/19850315/1234', '420602********1234'],
    ['420602，19850315，1234', '420602********1234'],
    ['４２０６０２ １９８５０３１５ １２３Ｘ', '４２０６０２********１２３Ｘ'],
    ['4 2 0 6 0 2 1 9 8 5 0 3 1 5 1 2 3 X', '420602********123X'],
    ['6222/0212/3456/7890', '****7890'],
    ['6 2 2 2 0 2 0 2 0 0 0 0 1 2 3 5', '****1235'],
    ['0710－3456789', '0710-****789'],
    ['０７１０-３４５６７８９', '０７１０-****７８９'],
    ['(010)62345678', '(010)****5678'],
  ])('%s → %s', (form, masked) => {
    expect(inSentence(form)).toBe(`李大姐电话${masked}请回电`)
  })
})

describe('maskSensitive: what is not a personal number', () => {
  it.each([
    '2026-11-20',
    '2026年11月20日',
    '11.20',
    '11月20日上午09:00',
    '2026.11.20-2026.12.20',
    '2026-11-20 2026-11-21',
    '3户',
    '第5号通知',
    '#办结 12',
    '#办结 135 2026-11-20',
    '2026年',
    '资助1500元',
    '发放 20000 元，共 12 户',
    '覆盖率38%，排名第5，同比增长12.5%',
    '第1 3 5 7 9 11 13 15组',
    '走访三户，了解到两户孩子放学无人接',
    '0710',
    '3456789',
    // What executives write every day, next to the new ways of writing digits.
    '09:00',
    '9:00-11:30',
    '2026-11-20 09:00',
    '第5周',
    '2026年第47周',
    '第12号通知',
    '#回执 3',
    '2024/11/20',
    '2024~2026',
    '资助1,500元，共12户',
    '#办结 135，136，137，138',
    '#办结 138 11.20 10.31',
    '1 2 3 4 5 6 7 8 9 10 11',
    '第1、3、5、7、9、11、13组',
    '11月20日、21日、22日',
    '20261120',
    '编号 2026112001',
    '12338妇女维权热线',
    '两户',
    '一两个',
    '三两天',
    '拐弯处那户',
    '勾选了三项',
    '①走访②慰问③座谈',
    '第一二三组',
    '一九九〇年三月五日',
    '二〇二六年十一月二十日',
    '走访了13户、28人、共发放4000元',
    'iPhone 13 Pro',
    'No.1',
    'Vol.13',
    'OK',
    '面积120m²',
    '合计3507.1010000元',
  ])('%s', (text) => {
    expect(maskSensitive(text)).toBe(text)
    expect(findSensitiveNumbers(text)).toEqual([])
  })

  it('masks the number in a message and leaves the dates, times and counts around it', () => {
    const text = '#联系 刘翠花 11月20日09:00上门，走访3户，电话 138-0013-8002，资助1500元'
    expect(maskSensitive(text)).toBe('#联系 刘翠花 11月20日09:00上门，走访3户，电话 138****8002，资助1500元')
  })

  it('masks each of several numbers in a list', () => {
    expect(maskSensitive('13800138000 13900139000\n6222 0202 0000 1234')).toBe('138****8000 139****9000\n****1234')
  })
})

describe('findSensitiveNumbers', () => {
  it('gives each number its kind and its span in the original text', () => {
    const text =
      '电话 +86 138 0013 8002，身份证420602198001011234，卡号6222-0202-0000-1234，座机（0710）3456789，单号123456789012'
    const found = findSensitiveNumbers(text)
    expect(found.map(({ kind, start, end }) => [kind, text.slice(start, end)])).toEqual([
      ['mobile', '+86 138 0013 8002'],
      ['idCard', '420602198001011234'],
      ['bankCard', '6222-0202-0000-1234'],
      ['landline', '（0710）3456789'],
      ['longDigits', '123456789012'],
    ])
    expect(found.map((n) => n.masked)).toEqual([
      '+86 138****8002',
      '420602********1234',
      '****1234',
      '（0710）****789',
      '123*****9012',
    ])
  })

  it('takes an ID card check X into the span, and leaves a + that belongs to no +86 in the text', () => {
    expect(findSensitiveNumbers('号42060219800101123X。')).toEqual([
      { kind: 'idCard', start: 1, end: 19, masked: '420602********123X' },
    ])
    expect(findSensitiveNumbers('+6222020200001234')).toEqual([
      { kind: 'bankCard', start: 1, end: 17, masked: '****1234' },
    ])
  })

  it('leaves a number that was masked already alone', () => {
    expect(findSensitiveNumbers('138****8002 420602********1234 ****1234 0710-****789 +86 138****8002')).toEqual([])
  })
})

// ---- Property tests: numbers as people write them, glued to words. ----

type Written = { text: string; digits: string; masked: string }

type ScriptName = keyof typeof SCRIPTS | 'chinese' | 'mixed'

/** The characters of `digits` in one script, or each in its own ('mixed'); `pick` chooses among variants. */
function render(digits: string, script: ScriptName, pick: number[]): string[] {
  const names = Object.keys(SCRIPTS) as (keyof typeof SCRIPTS)[]
  return [...digits].map((d, i) => {
    const choice = pick[i % pick.length]!
    const chosen = script === 'mixed' ? (choice % 3 === 0 ? 'chinese' : names[choice % names.length]!) : script
    if (chosen === 'chinese') {
      const options = [...NUMERAL_GROUPS[Number(d)]!]
      return options[choice % options.length]!
    }
    return SCRIPTS[chosen][Number(d)]!
  })
}

const script = fc.constantFrom<ScriptName>(
  'ascii',
  'ascii',
  'fullWidth',
  'chinese',
  'chinese',
  'mixed',
  ...(Object.keys(SCRIPTS) as (keyof typeof SCRIPTS)[]),
)
const picks = fc.array(fc.nat(60), { minLength: 20, maxLength: 20 })
const separator = fc.constantFrom(' ', '-', '.', '\u3000', '－', '—', ' - ', '  ', '\u00ad', '\u200b', '·')
/** Slashes, underscores, tildes and commas also separate dates and lists: only in a number's usual groups. */
const weakSeparator = fc.constantFrom('/', '_', '~', ',', '，', '～', '／')
const digitsOf = (length: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length })

/** Where to split `total` characters: at most `maxParts` parts of at least `minPart` each. */
function cuts(total: number, maxParts: number, minPart: number) {
  return fc
    .uniqueArray(fc.integer({ min: minPart, max: total - minPart }), { maxLength: maxParts - 1 })
    .map((at) => at.sort((a, b) => a - b))
    .filter((at) => at.every((cut, i) => cut - (at[i - 1] ?? 0) >= minPart))
}

/** `chars` split at `at`, with the i-th separator between part i and part i + 1. */
function join(chars: string[], at: readonly number[], separators: string[]): string {
  const bounds = [0, ...at, chars.length]
  let text = ''
  for (let i = 0; i + 1 < bounds.length; i++) {
    text += (i > 0 ? separators[i - 1] : '') + chars.slice(bounds[i], bounds[i + 1]).join('')
  }
  return text
}

const phone: fc.Arbitrary<Written> = fc
  .record({
    digits: fc.tuple(fc.integer({ min: 3, max: 9 }), digitsOf(9)).map(([d, rest]) => `1${d}${rest.join('')}`),
    script,
    pick: picks,
    prefix: fc.constantFrom('', '+86', '86', '0086', '＋86'),
    afterPrefix: fc.constantFrom('', ' ', '-'),
    /** Any groups of three or more; or the usual shapes, written with one separator throughout. */
    grouping: fc.oneof(
      cuts(11, 4, 3).map((at) => ({ at, same: false, weak: false })),
      fc
        .constantFrom([3, 7], [3, 5, 7, 9], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
        .map((at) => ({ at, same: true, weak: false })),
      fc.constant({ at: [3, 7], same: true, weak: true }),
    ),
    separators: fc.array(separator, { minLength: 10, maxLength: 10 }),
    weakSeparator,
  })
  .map(({ digits, script, pick, prefix, afterPrefix, grouping, separators, weakSeparator }) => {
    const countryCode = prefix.replace(/\D/g, '')
    const chars = render(countryCode + digits, script, pick)
    const number = chars.slice(countryCode.length)
    const plus = prefix.length > countryCode.length ? prefix.charAt(0) : ''
    const written = prefix ? `${plus}${chars.slice(0, countryCode.length).join('')}${afterPrefix}` : ''
    const shown = `${number.slice(0, 3).join('')}****${number.slice(7).join('')}`
    const between = grouping.weak
      ? Array<string>(10).fill(weakSeparator)
      : grouping.same
        ? Array<string>(10).fill(separators[0]!)
        : separators
    return { text: written + join(number, grouping.at, between), digits, masked: (prefix ? '+86 ' : '') + shown }
  })

const idCard: fc.Arbitrary<Written> = fc
  .record({
    region: fc.tuple(fc.integer({ min: 1, max: 6 }), digitsOf(5)),
    birth: fc.date({ min: new Date('1900-01-01'), max: new Date('2025-12-31'), noInvalidDate: true }),
    rest: digitsOf(3),
    check: fc.constantFrom('0', '5', '9', 'X', 'x', 'Ｘ', 'ｘ'),
    script,
    pick: picks,
    grouping: fc.oneof(
      fc.constantFrom<number[]>([], [6, 14], [6, 10, 14]).map((at) => ({ at, same: false, weak: false })),
      cuts(18, 4, 3).map((at) => ({ at, same: false, weak: false })),
      fc.constant({ at: [...Array(17).keys()].map((i) => i + 1), same: true, weak: false }),
      fc.constantFrom([6, 14], [6, 10, 14]).map((at) => ({ at, same: true, weak: true })),
    ),
    separators: fc.array(separator, { minLength: 3, maxLength: 3 }),
    weakSeparator,
  })
  .map(({ region, birth, rest, check, script, pick, grouping, separators, weakSeparator }) => {
    const date = birth.toISOString().slice(0, 10).replace(/-/g, '')
    const body = `${region[0]}${region[1].join('')}${date}${rest.join('')}`
    const isX = /\D/.test(check)
    const chars = [...render(isX ? body : body + check, script, pick), ...(isX ? [check] : [])]
    const masked = `${chars.slice(0, 6).join('')}********${chars.slice(14).join('')}`
    const between = grouping.weak
      ? Array<string>(17).fill(weakSeparator)
      : grouping.same
        ? Array<string>(17).fill(separators[0]!)
        : separators
    return { text: join(chars, grouping.at, between), digits: body + (isX ? 'X' : check), masked }
  })

const bankCard: fc.Arbitrary<Written> = fc
  .record({
    length: fc.integer({ min: 16, max: 19 }),
    first: fc.integer({ min: 3, max: 6 }),
    rest: digitsOf(18),
    script,
    pick: picks,
    inFours: fc.boolean(),
    // One visible separator throughout: invisible ones glue the fours into a run that may read as an ID.
    separators: separator.filter((one) => /[^\u00ad\u200b]/.test(one)).map((one) => Array<string>(4).fill(one)),
  })
  .map(({ length, first, rest, script, pick, inFours, separators }) => {
    const digits = `${first}${rest.join('')}`.slice(0, length)
    const chars = render(digits, script, pick)
    // Unbroken, 18 digits may read as an ID card; in fours they are always a card.
    const fours = inFours || length === 18 ? [4, 8, 12, 16].filter((at) => at < length) : []
    return { text: join(chars, fours, separators), digits, masked: `****${chars.slice(-4).join('')}` }
  })

const landline: fc.Arbitrary<Written> = fc
  .record({
    area: fc.constantFrom('010', '020', '027', '0710', '0755', '0371'),
    local: fc.tuple(fc.integer({ min: 2, max: 9 }), digitsOf(7), fc.boolean()),
    form: fc.constantFrom('dash', 'space', 'glued', 'parens', 'fullParens', 'threeFour'),
  })
  .map(({ area, local: [first, rest, eight], form }) => {
    const local = `${first}${rest.slice(0, eight ? 7 : 6).join('')}`
    const text = {
      dash: `${area}-${local}`,
      space: `${area} ${local}`,
      glued: `${area}${local}`,
      parens: `(${area})${local}`,
      fullParens: `（${area}）${local}`,
      threeFour: `${area}-${local.slice(0, 3)}-${local.slice(3)}`,
    }[form]
    const shownArea = form === 'parens' ? `(${area})` : form === 'fullParens' ? `（${area}）` : `${area}-`
    return { text, digits: area + local, masked: `${shownArea}****${local.slice(4)}` }
  })

/** Chinese words around a number: any CJK character but the numerals, which would join it. */
const word = fc.oneof(
  fc.string({
    unit: fc
      .integer({ min: 0x4e00, max: 0x9fa5 })
      .map((code) => String.fromCharCode(code))
      .filter((ch) => !NUMERAL_CHARS.includes(ch)),
    maxLength: 6,
  }),
  fc.constantFrom('电话', '身份证', '卡号：', '，', '王建国家低保户', '（刘翠花）', '找她'),
)

function expectMasked(number: Written, hidden: string, before: string, after: string): void {
  const masked = maskSensitive(before + number.text + after)
  expect(masked).toBe(before + number.masked + after)
  const readBack = normalise(masked)
  expect(readBack).not.toContain(normalise(number.digits))
  // Skip only a coincidence: the hidden digits also spelled by the digits a mask keeps on purpose.
  if (!normalise(number.masked).includes(hidden)) expect(readBack).not.toContain(hidden)
}

describe('maskSensitive: properties', () => {
  it('never leaves the middle of a mobile number, however it is written', () => {
    fc.assert(
      fc.property(phone, word, word, (p, before, after) => expectMasked(p, p.digits.slice(3, 7), before, after)),
    )
  })

  it('never leaves the birth date of an ID card', () => {
    fc.assert(
      fc.property(idCard, word, word, (id, before, after) => expectMasked(id, id.digits.slice(6, 14), before, after)),
    )
  })

  it('never leaves more than the last four digits of a bank card', () => {
    fc.assert(
      fc.property(bankCard, word, word, (card, before, after) =>
        expectMasked(card, card.digits.slice(0, -4), before, after),
      ),
    )
  })

  it('never leaves the first digits of a landline local number', () => {
    fc.assert(
      fc.property(landline, word, word, (line, before, after) => {
        const areaLength = /^0(10|2)/.test(line.digits) ? 3 : 4
        expectMasked(line, line.digits.slice(areaLength, areaLength + 4), before, after)
      }),
    )
  })

  it('passes text without digits through unchanged', () => {
    // Digits of any script (Nd), circled and superscript ones (No), numerals, and letters typed for digits.
    const digitLike = new RegExp(`[\\p{Nd}\\p{No}OoＯｏlIｌＩ${NUMERAL_CHARS}]`, 'u')
    const unit = fc.oneof(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      fc.constantFrom(' ', '-', '.', '*', '****', '+', '(', '（', ')', 'X', '\n', '😀', '，', '十', '百'),
    )
    fc.assert(
      fc.property(fc.string({ unit: unit.filter((ch) => !digitLike.test(ch)), maxLength: 200 }), (text) => {
        expect(maskSensitive(text)).toBe(text)
      }),
    )
  })

  const pad = (n: number) => String(n).padStart(2, '0')
  const everyday = fc.oneof(
    fc
      .tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
      .chain(([y, m, d]) =>
        fc.constantFrom(`${y}-${pad(m)}-${pad(d)}`, `${y}年${m}月${d}日`, `${m}.${d}`, `${y}.${m}.${d}`, `${y}年`),
      ),
    fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${pad(h)}:${pad(m)}`),
    fc.integer({ min: 1, max: 999 }).chain((n) => fc.constantFrom(`${n}户`, `第${n}号通知`, `#办结 ${n}`, `${n}%`)),
    fc.integer({ min: 1, max: 99999 }).map((n) => `${n}元`),
    fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 9 })).map(([a, b]) => `${a}.${b}%`),
  )
  const joiner = fc.oneof(fc.constantFrom(' ', '，', '、', '\n'), word)

  it('leaves dates, times, counts, notice numbers, amounts and percentages as they are', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(everyday, joiner), { maxLength: 12 }), (parts) => {
        const text = parts.map(([token, glue]) => token + glue).join('')
        expect(maskSensitive(text)).toBe(text)
      }),
    )
  })

  it('masks a masked text to itself', () => {
    const noise = fc.string({
      unit: fc.constantFrom(...'0123456789８一三零两① -.*+()（）X\u3000电话/，,O\u00ad'),
      maxLength: 30,
    })
    const piece = fc.oneof(
      phone.map((n) => n.text),
      idCard.map((n) => n.text),
      bankCard.map((n) => n.text),
      landline.map((n) => n.text),
      everyday,
      word,
      noise,
    )
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, fc.constantFrom('', ' ', '-', '，')), { maxLength: 8 }), (parts) => {
        const once = maskSensitive(parts.map(([text, glue]) => text + glue).join(''))
        expect(maskSensitive(once)).toBe(once)
      }),
      { numRuns: 500 },
    )
  })

  it('reports spans in order, without overlap, that mask into maskSensitive', () => {
    const text = fc
      .array(fc.oneof(phone, idCard, bankCard, landline).map((n) => n.text))
      .chain((numbers) => fc.tuple(fc.constant(numbers), fc.array(word, { minLength: numbers.length + 1 })))
      .map(([numbers, words]) => words.map((w, i) => w + (numbers[i] ?? '')).join(''))
    fc.assert(
      fc.property(text, (t) => {
        const found = findSensitiveNumbers(t)
        found.forEach((n, i) => {
          expect(n.start).toBeLessThan(n.end)
          expect(n.start).toBeGreaterThanOrEqual(found[i - 1]?.end ?? 0)
        })
        const spliced = found.reduceRight((s, n) => s.slice(0, n.start) + n.masked + s.slice(n.end), t)
        expect(spliced).toBe(maskSensitive(t))
      }),
    )
  })
})

// Its speed (a realistic message, and linear time in the worst inputs) is measured by `npm run bench`
// (mask-scale), as a ratio against a floor measured in the same run, not by a timed test here.

describe('digitOf', () => {
  it('reads every decimal digit Unicode has, whatever the script', () => {
    const decimal = /\p{Nd}/u
    for (let code = 0; code <= 0x1ffff; code++) {
      if (!decimal.test(String.fromCodePoint(code))) continue
      expect(digitOf(code)).toBeDefined()
    }
    // A few by value, from blocks that hold several sets of ten (mathematical digits).
    expect([...'٣३๓𝟗𝟡𝟿𝟫᠓'].map((ch) => digitOf(ch.codePointAt(0)!)?.value)).toEqual([3, 3, 3, 9, 9, 9, 9, 3])
  })

  it('reads no letter, punctuation or common Chinese word as a digit', () => {
    for (const ch of '十百千万亿个户人年月日号第的了是在王李张刘，。、：；！？（）《》“”—…abcXYZ') {
      expect(digitOf(ch.codePointAt(0)!)).toBeUndefined()
    }
  })
})
