import type { DutyKind } from '../domain/checklist'
import { LIMITS, MESSAGE_LIMITS } from '../domain/vocabulary'
import { HONORIFICS, SURNAMES } from '../nl/people'
import type { DateExpr, Parsed } from './command-parts'
import { parsed as ok, type CommandSpec, type ParseUse } from './command-spec'
import { dateInDetail, extractDate } from './parse-date'

/** subject is empty when "#解决 …" is one phrase: the handler then finds which of her families it is. */
export interface DutyCommand {
  type: 'duty'
  kind: DutyKind
  subject: string
  detail?: string
  date?: DateExpr
  more?: string[]
}

/**
 * "#联系 刘翠花 李梅 张桂兰", "#联系 刘翠花、李梅": several people, one record each. Only when every word
 * looks like a name (a surname and one or two characters, not a common word), else the rest is detail —
 * except that names set apart by 、 or a comma are a list whatever follows ("李梅、张桂兰 都是电话联系的"
 * is two women and what was done, never one woman called "李梅、张桂兰").
 */
function nameList(first: string, rest: string[]): { names: string[]; detail?: string } | undefined {
  const names: string[] = []
  let listed = false
  const words = [first, ...rest]
  for (let w = 0; w < words.length; w++) {
    const pieces = words[w]!.split(/[、，,]/)
      .map((p) => p.trim())
      .filter((p) => p !== '')
    const taken = pieces.findIndex((p) => !looksLikeName(p))
    names.push(...(taken < 0 ? pieces : pieces.slice(0, taken)))
    if (pieces.length > 1 && taken !== 0) listed = true
    if (taken >= 0) {
      if (names.length < 2 || !listed) return undefined
      const detail = [...pieces.slice(taken), ...words.slice(w + 1)].join(' ')
      return { names, detail }
    }
  }
  return names.length >= 2 ? { names } : undefined
}

const NOT_NAMES = new Set([
  '周末',
  '明天',
  '明年',
  '方便',
  '安全',
  '高兴',
  '和谐',
  '康复',
  '全部',
  '华为',
  '关于',
  '成功',
])
const NAME_LIKE = new RegExp(`^[${[...SURNAMES].join('')}][\u4e00-\u9fff]{1,2}(?:家|${HONORIFICS.join('|')})?$`)

export function looksLikeName(word: string): boolean {
  return NAME_LIKE.test(word) && !NOT_NAMES.has(word)
}

/** "刘翠花，电话了解情况", "刘翠花（电话）": people set a name off with a comma, a colon or brackets as often as with a space. */
function splitName(input: string[]): string[] {
  // "#帮扶：李有才家，低保户": the colon after the command word is not the end of an empty name.
  const words = [(input[0] ?? '').replace(/^[,:;，：；]+/, ''), ...input.slice(1)].filter((w) => w !== '')
  const bracket = /^([^（(]{2,})[（(]([^）)]*)[）)]?(.*)$/.exec(words[0] ?? '')
  if (bracket) return [bracket[1]!, `${bracket[2]}${bracket[3]}`, ...words.slice(1)].filter((w) => w !== '')
  const m = /^([^,:;，：；]*)[,:;，：；]+(.*)$/.exec(words[0] ?? '')
  return m ? [m[1]!, m[2]!, ...words.slice(1)].filter((w) => w !== '') : words
}

export function parseDuty(words: string[], use: ParseUse, spec: CommandSpec): Parsed<DutyCommand> {
  const { usageError } = use
  const dated = extractDate(spec.shape === 'title' ? words : splitName(words))
  if (dated === 'invalid') return usageError('日期写得不对，可以写“昨天”“11月20日”或“2026-11-20”。', 'badDate')
  const [first, ...rest] = dated.words
  // "#公益服务 今天": a dated entry with no title is still a record of the item.
  if (!first && spec.shape === 'title' && dated.date)
    return ok({ type: 'duty', kind: spec.duty!, subject: '', date: dated.date })
  if (!first) return usageError(`请写上${spec.shape === 'title' ? '名称或题目' : '名称'}，例如 ${spec.example}`)
  // "#联系 贫困户 王建国", "#联系 代表 刘翠花": the first word says which item; the name follows it.
  const named = spec.shape !== 'title' && words.includes(first) ? use.find(first) : undefined
  if (named?.type === 'duty') return parseDuty(without(words, first), use, named)
  const kind = spec.duty!
  if (spec.shape === 'title') {
    const subject = dated.words.join(' ')
    if (subject.length > LIMITS.title) return usageError(`题目最多 ${LIMITS.title} 字。`, 'tooLong')
    // "#建议 关于在村里设儿童托管点 昨天交的": a day written after the title's first word.
    const inTitle = dated.date ? undefined : dateInDetail(rest)
    if (inTitle === 'invalid') return usageError('日期写得不对，可以写“昨天”“11月20日”或“2026-11-20”。', 'badDate')
    return ok({ type: 'duty', kind, subject, date: inTitle ?? dated.date })
  }
  const detail = rest.join(' ') || undefined
  if (detail && detail.length > LIMITS.detail) return usageError(`内容最多 ${LIMITS.detail} 字。`, 'tooLong')
  const inDetail = dated.date ? undefined : dateInDetail(rest)
  if (inDetail === 'invalid') return usageError('日期写得不对，可以写“昨天”“11月20日”或“2026-11-20”。', 'badDate')
  if (inDetail) dated.date = inDetail
  // "#解决 王家孩子申请到助学金": one phrase, no space. Which family it is depends on her records.
  if (spec.shape === 'name+requiredDetail' && !detail) {
    if (first.length > LIMITS.detail) return usageError(`内容最多 ${LIMITS.detail} 字。`, 'tooLong')
    return ok({ type: 'duty', kind, subject: '', detail: first, date: dated.date })
  }
  const list = spec.oneSubject ? nameList(first, rest) : undefined
  if (list && list.names.length > MESSAGE_LIMITS.items)
    return usageError(`一次最多记 ${MESSAGE_LIMITS.items} 位，请分几次发。`, 'tooLong')
  if (list)
    return ok({
      type: 'duty',
      kind,
      subject: list.names[0]!,
      ...(list.detail ? { detail: list.detail } : {}),
      date: dated.date,
      more: list.names.slice(1),
    })
  if (first.length > LIMITS.name)
    return usageError(`名称最多 ${LIMITS.name} 字，名称和内容之间请用空格隔开。`, 'tooLong')
  return ok({ type: 'duty', kind, subject: first, detail, date: dated.date })
}

function without(words: string[], word: string): string[] {
  const i = words.indexOf(word)
  return [...words.slice(0, i), ...words.slice(i + 1)]
}
