import type { Audience, Command, GroupKind, ParseError, ParseResult } from './command-types'
import { findSpec, matchCommandWord, type CommandSpec } from './command-specs'
import { soundsLikeCommand } from './fuzzy-command'
import { normalizeText } from './normalize-text'
import { HONORIFICS, SURNAMES, joinSplitNames } from '../nl/people'
import { dateInDetail, extractDate } from './parse-date'
import { parseSlot } from '../domain/weekly-slot'
import { LIMITS, MESSAGE_LIMITS } from '../domain/vocabulary'

export { LIMITS } from '../domain/vocabulary'

export interface ParseOptions {
  botName: string
  /** In groups only "#…" is a command (and a lone "收到"); in private chat "进度" works without "#". */
  requireHash: boolean
}

/** Text in, a typed command or a typed error out; `undefined` when the text is not meant for the bot. */
export function parseCommand(text: string, options: ParseOptions): ParseResult | undefined {
  const normalized = normalizeText(text, options.botName)
  const hashed = /^#/.test(normalized)
  const body = joinSplitNames(normalized.replace(/^#+\s*/, ''))
  if (body === '')
    return hashed ? fail('unknownCommand', undefined, '请在 # 后面写上命令，例如 #进度。', '#帮助') : undefined
  const [head = '', ...tail] = body.split(' ')
  const match = hashed
    ? matchCommandWord(head)
    : matchBareWord(head, tail, options.requireHash ? GROUP_BARE : PRIVATE_BARE)
  if (!match) {
    if (!hashed) return undefined
    return {
      ok: false,
      error: {
        code: 'unknownCommand',
        word: head,
        message: `没有“${head.slice(0, 10)}”这个命令。发送 #帮助 查看全部命令。`,
        usage: '#帮助',
        rest: tail.join(' '),
      },
    }
  }
  // "#联系带表 李梅": what follows the command word is itself a command word, misspelt. Not a name to record.
  const glued = hashed && match.rest !== '' ? soundsLikeCommand(match.rest) : undefined
  if (glued?.type === 'duty')
    return {
      ok: false,
      error: {
        code: 'unknownCommand',
        word: head,
        message: `没有“${head.slice(0, 10)}”这个命令。发送 #帮助 查看全部命令。`,
        usage: '#帮助',
        rest: tail.join(' '),
      },
    }
  const words = [match.rest, ...tail].filter((w) => w !== '')
  return build(match.spec, words)
}

/**
 * Without "#" only a lone word counts, so "报告一下情况" is never a duty log: in private chat the
 * question words, in groups only "收到" (people answer notices that way, and it stays silent there).
 */
const PRIVATE_BARE = new Set(['progress', 'dutyReport', 'help', 'ack'])
const GROUP_BARE = new Set(['ack'])

function matchBareWord(head: string, tail: string[], allowed: Set<string>): ReturnType<typeof matchCommandWord> {
  const match = matchCommandWord(head)
  if (!match || match.rest !== '' || tail.length > 0 || !allowed.has(match.spec.type)) return undefined
  return match
}

function fail(code: ParseError['code'], word: string | undefined, message: string, usage: string): ParseResult {
  return { ok: false, error: { code, word, message, usage } }
}

function ok(command: Command): ParseResult {
  return { ok: true, command }
}

function build(spec: CommandSpec, words: string[]): ParseResult {
  const usageError = (message: string, code: ParseError['code'] = 'missingArgument') =>
    fail(code, spec.word, message, spec.usage)
  switch (spec.type) {
    case 'duty':
      return buildDuty(spec, words, usageError)
    case 'diary': {
      const dated = extractDate(words)
      if (dated === 'invalid') return usageError('日期写得不对，可以写“昨天”“11月20日”或“2026-11-20”。', 'badDate')
      const content = dated.words.join(' ')
      if (!content) return usageError('请写上日记内容。')
      if (content.length > LIMITS.content) return usageError(`日记最多 ${LIMITS.content} 字，请分几次写。`, 'tooLong')
      return ok({ type: 'diary', content, date: dated.date })
    }
    case 'need': {
      const content = words.join(' ')
      if (/^(?:列表|清单|全部|查看|看看|我的)$/.test(content)) return ok({ type: 'records', which: 'needs' })
      if (!content) return usageError('请写上需求内容。')
      if (content.length > LIMITS.detail) return usageError(`需求最多 ${LIMITS.detail} 字。`, 'tooLong')
      return ok({ type: 'need', content })
    }
    case 'resolveNeed':
    case 'claimNeed': {
      const n = /^(?:第)?(\d{1,9})(?:号)?$/.exec(words[0] ?? '')
      if (!n)
        return usageError(
          words.length ? `编号应是数字，例如 ${spec.example}。` : `请写上需求编号，例如 ${spec.example}。`,
          words.length ? 'badArgument' : 'missingArgument',
        )
      return ok({ type: spec.type, number: Number(n[1]) })
    }
    case 'summary':
      return ok({ type: 'summary', org: words.join(' ') || undefined })
    case 'notice':
      return buildNotice(words, usageError)
    case 'bind': {
      const kind = groupKind(words[0])
      if (!kind)
        return usageError(
          '请写明群类型：#绑定 执委群 或 #绑定 群众群。',
          words.length ? 'badArgument' : 'missingArgument',
        )
      const org = words.slice(1).join('')
      if (org.length > LIMITS.name) return usageError(`单位名称最多 ${LIMITS.name} 字。`, 'tooLong')
      return ok({ type: 'bind', kind, ...(org ? { org } : {}) })
    }
    case 'unbound':
      return ok({ type: 'unbound' })
    case 'checklist':
      return ok({ type: 'checklist' })
    case 'unbind':
    case 'bindCode': {
      const [name, ...unit] = words
      if (!name) return usageError(`请写上姓名，例如 ${spec.example}`)
      const org = unit.join('')
      if (name.length > LIMITS.name || org.length > LIMITS.name) return usageError('姓名或单位太长了。', 'tooLong')
      return ok({ type: spec.type, name, ...(org ? { org } : {}) })
    }
    case 'receipts': {
      if (words.length === 0) return ok({ type: 'receipts' })
      const n = /^(?:第)?(\d{1,9})(?:号)?$/.exec(words[0]!)
      if (!n) return usageError('编号应是数字，例如 #回执 3。', 'badArgument')
      return ok({ type: 'receipts', number: Number(n[1]) })
    }
    case 'rotation': {
      const names = words.flatMap((w) => w.split(/[、,，]/)).filter((w) => w !== '')
      if (names.length === 0) return usageError('请写上轮值执委的姓名，例如 #轮值 张三 李四 王五。')
      if (names.length > 60 || names.some((n) => n.length > LIMITS.name)) return usageError('名单太长了。', 'tooLong')
      return ok({ type: 'rotation', names })
    }
    case 'setting':
    case 'autoRecord':
      return buildSetting(words, usageError)
    case 'help':
      return ok({ type: 'help', topic: words[0]?.replace(/^#/, '') })
    case 'progress':
    case 'dutyReport':
      return buildYear(spec.type, words, usageError)
    case 'undo': {
      // "#撤销 刚才那条", "#撤销 上一条": her newest record, as with no word at all.
      if (words.length === 0 || /^(?:刚才|刚刚|上一条|最后一条|最近一条|那条|这条)/.test(words.join('')))
        return ok({ type: 'undo' })
      const n = /^(?:第)?(\d{1,4})(?:条|号)?$/.exec(words[0]!)
      if (!n) return usageError('编号应是数字，例如 #撤销 3（编号见 #我的记录）。', 'badArgument')
      return ok({ type: 'undo', number: Number(n[1]) })
    }
    case 'ack': {
      const n = /^(?:第)?(\d{1,6})(?:号)?$/.exec(words[0] ?? '')
      // "#收到 -1", "#收到 0", "#收到 1.5" are no notice's number: not the newest either (NO-09).
      if ((n && Number(n[1]) === 0) || /^(?:[-+−]\s*\d|\d+[.,]\d)/.test(words[0] ?? ''))
        return usageError('通知编号是 1、2、3 这样的数字，例如 #收到 3；只发 #收到 就是确认最新的通知。', 'badArgument')
      return ok(n ? { type: 'ack', which: Number(n[1]) } : { type: 'ack' })
    }
    case 'records':
      return ok({ type: 'records', which: 'all' })
    case 'correct': {
      const n = /^(?:第)?(\d{1,4})(?:条|号)?$/.exec(words[0] ?? '')
      const subject = words.slice(1).join(' ')
      if (!n || !subject) return usageError('请写上编号和改后的名字，例如 #改 3 李梅（编号见 #我的记录）。')
      if (subject.length > LIMITS.title) return usageError(`最多 ${LIMITS.title} 字。`, 'tooLong')
      return ok({ type: 'correct', number: Number(n[1]), subject })
    }
  }
}

type UsageError = (message: string, code?: ParseError['code']) => ParseResult

/**
 * "#联系 刘翠花 李梅 张桂兰", "#联系 刘翠花、李梅": several people, one record each. Only when every word
 * looks like a name (a surname and one or two characters, not a common word), else the rest is detail.
 */
function nameList(first: string, rest: string[]): string[] | undefined {
  const words = [...first.split(/[、，,]/), ...rest].map((w) => w.trim()).filter((w) => w !== '')
  if (words.length < 2) return undefined
  return words.every(looksLikeName) ? words : undefined
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

function looksLikeName(word: string): boolean {
  return NAME_LIKE.test(word) && !NOT_NAMES.has(word)
}

/**
 * "联系刘翠花" (of "#联系刘翠花"): a command word of the bot's that records a person or a family, with a
 * name glued to it. An added checklist word that begins with that command word and cuts into the name
 * (联系刘 of a unit's "联系刘家") must not take such a line: the bot's own command does (MS-04).
 */
export function nameAfterCommandWord(word: string): boolean {
  const match = matchCommandWord(word)
  return !!match && match.spec.type === 'duty' && match.spec.shape !== 'title' && looksLikeName(match.rest)
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

function buildDuty(spec: CommandSpec, words: string[], usageError: UsageError): ParseResult {
  const dated = extractDate(spec.shape === 'title' ? words : splitName(words))
  if (dated === 'invalid') return usageError('日期写得不对，可以写“昨天”“11月20日”或“2026-11-20”。', 'badDate')
  const [first, ...rest] = dated.words
  // "#公益服务 今天": a dated entry with no title is still a record of the item.
  if (!first && spec.shape === 'title' && dated.date)
    return ok({ type: 'duty', kind: spec.duty!, subject: '', date: dated.date })
  if (!first) return usageError(`请写上${spec.shape === 'title' ? '名称或题目' : '名称'}，例如 ${spec.example}`)
  // "#联系 贫困户 王建国", "#联系 代表 刘翠花": the first word says which item; the name follows it.
  const named = spec.shape !== 'title' && words.includes(first) ? findSpec(first) : undefined
  if (named?.type === 'duty') return buildDuty(named, without(words, first), usageError)
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
  if (first.length > LIMITS.name)
    return usageError(`名称最多 ${LIMITS.name} 字，名称和内容之间请用空格隔开。`, 'tooLong')
  const names = spec.oneSubject ? nameList(first, rest) : undefined
  if (names && names.length > MESSAGE_LIMITS.items)
    return usageError(`一次最多记 ${MESSAGE_LIMITS.items} 位，请分几次发。`, 'tooLong')
  if (names) return ok({ type: 'duty', kind, subject: names[0]!, date: dated.date, more: names.slice(1) })
  return ok({ type: 'duty', kind, subject: first, detail, date: dated.date })
}

function without(words: string[], word: string): string[] {
  const i = words.indexOf(word)
  return [...words.slice(0, i), ...words.slice(i + 1)]
}

const YEARS_AGO = new Map([
  ['今年', 0],
  ['本年', 0],
  ['去年', 1],
  ['上年', 1],
  ['上一年', 1],
  ['前年', 2],
])

/** "#进度 去年" or "#进度 2025": in January people look back at the year under review. Other words are ignored. */
/** "#进度 去年", "#述职 2025": the year a command asks about; none written: this year. */
function buildYear(type: 'progress' | 'dutyReport', words: string[], usageError: UsageError): ParseResult {
  const word = (words[0] ?? '').replace(/的?(?:进度|清单|情况|述职报告|述职|报告)?$/, '')
  const yearsAgo = YEARS_AGO.get(word)
  if (yearsAgo !== undefined) return ok({ type, year: { yearsAgo } })
  const m = /^(\d{4})年?(?:度)?$/.exec(word)
  if (!m) return ok({ type })
  const year = Number(m[1])
  const example = type === 'progress' ? '#进度' : '#述职'
  if (year < 2000 || year > 2100)
    return usageError(`年份写得不对，例如 ${example} 2025 或 ${example} 去年。`, 'badArgument')
  return ok({ type, year: { year } })
}

/** 群里自动记 (hers), 本群自动记 (an admin's, for the group): with or without 的 and 录. */
const AUTO_RECORD = /^(群里|本群)的?自动(?:记|记录|记下)$/

function buildSetting(words: string[], usageError: UsageError): ParseResult {
  const [key, ...rest] = words
  const value = rest.join(' ')
  if (key === '点名') {
    if (/^(开|打开|开启|是)$/.test(value)) return ok({ type: 'setting', setting: { key: 'mentionBehind', on: true } })
    if (/^(关|关闭|否)$/.test(value)) return ok({ type: 'setting', setting: { key: 'mentionBehind', on: false } })
    return usageError('请写 #设置 点名 开 或 #设置 点名 关。', 'badArgument')
  }
  const auto = AUTO_RECORD.exec(key ?? '')
  if (auto) {
    const scope = auto[1] === '本群' ? 'group' : 'me'
    const word = scope === 'group' ? '本群自动记' : '群里自动记'
    if (/^(开|打开|开启|是)$/.test(value)) return ok({ type: 'autoRecord', scope, on: true })
    if (/^(关|关闭|否|不要)$/.test(value)) return ok({ type: 'autoRecord', scope, on: false })
    return usageError(`请写 #设置 ${word} 开 或 #设置 ${word} 关。`, 'badArgument')
  }
  const which = key === '周报' ? 'weeklyProgress' : key === '日记提醒' ? 'diaryReminder' : undefined
  if (!which) return usageError('可以设置：点名、周报、日记提醒、群里自动记。', key ? 'badArgument' : 'missingArgument')
  const slot = parseSlot(value)
  if (!slot) return usageError('时间请写成“周一 09:00”这样。', 'badArgument')
  return ok({ type: 'setting', setting: { key: which, ...slot } })
}

function groupKind(word: string | undefined): GroupKind | undefined {
  if (!word) return undefined
  if (/^(执委|执委群|执委工作群|执委工作交流群)$/.test(word)) return 'executive'
  if (/^(群众|群众群|联系群众群)$/.test(word)) return 'constituent'
  return undefined
}

function buildNotice(words: string[], usageError: UsageError): ParseResult {
  const first = words[0]
  // Without an audience only the executives' groups: a notice meant for them must not reach the public.
  let audience: Audience = 'executive'
  let defaulted = true
  let rest = words
  if (first === '全部' || first === '所有群') {
    audience = 'all'
    defaulted = false
    rest = words.slice(1)
  } else if (groupKind(first)) {
    audience = groupKind(first)!
    defaulted = false
    rest = words.slice(1)
  }
  const content = rest.join(' ')
  if (!content) return usageError('请写上通知内容。')
  if (content.length > LIMITS.content) return usageError(`通知最多 ${LIMITS.content} 字。`, 'tooLong')
  return ok({ type: 'notice', audience, content, ...(defaulted ? { defaulted: true as const } : {}) })
}
