import { LIMITS } from '../domain/vocabulary'
import type { DateExpr, GroupKind, Parsed } from './command-parts'
import { parsed as ok, type CommandSpec, type ParseUse } from './command-spec'
import { extractDate } from './parse-date'
import { groupKind } from './parse-notice'

/** The parse functions of the commands whose words are short to read (the longer ones have their own file). */
const BAD_DATE = '日期写得不对，可以写“昨天”“11月20日”或“2026-11-20”。'

export function parseDiary(
  words: string[],
  { usageError }: ParseUse,
): Parsed<{ type: 'diary'; content: string; date?: DateExpr }> {
  const dated = extractDate(words)
  if (dated === 'invalid') return usageError(BAD_DATE, 'badDate')
  const content = dated.words.join(' ')
  if (!content) return usageError('请写上日记内容。')
  if (content.length > LIMITS.content) return usageError(`日记最多 ${LIMITS.content} 字，请分几次写。`, 'tooLong')
  return ok({ type: 'diary', content, date: dated.date })
}

/** #需求 内容; #需求 列表: her needs (#我的记录's list of them). */
export function parseNeed(
  words: string[],
  { usageError }: ParseUse,
): Parsed<{ type: 'need'; content: string } | { type: 'records'; which: 'all' | 'needs' }> {
  const content = words.join(' ')
  if (/^(?:列表|清单|全部|查看|看看|我的)$/.test(content)) return ok({ type: 'records', which: 'needs' })
  if (!content) return usageError('请写上需求内容。')
  if (content.length > LIMITS.detail) return usageError(`需求最多 ${LIMITS.detail} 字。`, 'tooLong')
  return ok({ type: 'need', content })
}

/** #办结 3, #认领 12 (an executive takes a constituent's need of her unit). */
export function parseNeedNumber<T extends 'resolveNeed' | 'claimNeed'>(
  type: T,
  words: string[],
  { usageError }: ParseUse,
  spec: CommandSpec,
): Parsed<{ type: T; number: number }> {
  const n = /^(?:第)?(\d{1,9})(?:号)?$/.exec(words[0] ?? '')
  if (!n)
    return usageError(
      words.length ? `编号应是数字，例如 ${spec.example}。` : `请写上需求编号，例如 ${spec.example}。`,
      words.length ? 'badArgument' : 'missingArgument',
    )
  return ok({ type, number: Number(n[1]) })
}

/** #绑定 执委群 [单位]: the group's kind, and the unit it serves when not the admin's own. */
export function parseBind(
  words: string[],
  { usageError }: ParseUse,
): Parsed<{ type: 'bind'; kind: GroupKind; org?: string }> {
  const kind = groupKind(words[0])
  if (!kind)
    return usageError('请写明群类型：#绑定 执委群 或 #绑定 群众群。', words.length ? 'badArgument' : 'missingArgument')
  const org = words.slice(1).join('')
  if (org.length > LIMITS.name) return usageError(`单位名称最多 ${LIMITS.name} 字。`, 'tooLong')
  return ok({ type: 'bind', kind, ...(org ? { org } : {}) })
}

/** #解绑 姓名 [单位] (after her "1"), #绑定码 姓名 [单位] (a one-time code for a member's own WeChat). */
export function parseNamed<T extends 'unbind' | 'bindCode'>(
  type: T,
  words: string[],
  { usageError }: ParseUse,
  spec: CommandSpec,
): Parsed<{ type: T; name: string; org?: string }> {
  const [name, ...unit] = words
  if (!name) return usageError(`请写上姓名，例如 ${spec.example}`)
  const org = unit.join('')
  if (name.length > LIMITS.name || org.length > LIMITS.name) return usageError('姓名或单位太长了。', 'tooLong')
  return ok({ type, name, ...(org ? { org } : {}) })
}

export function parseReceipts(
  words: string[],
  { usageError }: ParseUse,
): Parsed<{ type: 'receipts'; number?: number }> {
  if (words.length === 0) return ok({ type: 'receipts' })
  const n = /^(?:第)?(\d{1,9})(?:号)?$/.exec(words[0]!)
  if (!n) return usageError('编号应是数字，例如 #回执 3。', 'badArgument')
  return ok({ type: 'receipts', number: Number(n[1]) })
}

export function parseRotation(
  words: string[],
  { usageError }: ParseUse,
): Parsed<{ type: 'rotation'; names: string[] }> {
  const names = words.flatMap((w) => w.split(/[、,，]/)).filter((w) => w !== '')
  if (names.length === 0) return usageError('请写上轮值执委的姓名，例如 #轮值 张三 李四 王五。')
  if (names.length > 60 || names.some((n) => n.length > LIMITS.name)) return usageError('名单太长了。', 'tooLong')
  return ok({ type: 'rotation', names })
}

/** Her newest record, or the one with this number in #我的记录. */
export function parseUndo(words: string[], { usageError }: ParseUse): Parsed<{ type: 'undo'; number?: number }> {
  // "#撤销 刚才那条", "#撤销 上一条": her newest record, as with no word at all.
  if (words.length === 0 || /^(?:刚才|刚刚|上一条|最后一条|最近一条|那条|这条)/.test(words.join('')))
    return ok({ type: 'undo' })
  const n = /^(?:第)?(\d{1,4})(?:条|号)?$/.exec(words[0]!)
  if (!n) return usageError('编号应是数字，例如 #撤销 3（编号见 #我的记录）。', 'badArgument')
  return ok({ type: 'undo', number: Number(n[1]) })
}

/** A notice acknowledged: the newest that reached her, the one with this number, or last week's. */
export function parseAck(
  words: string[],
  { usageError }: ParseUse,
): Parsed<{ type: 'ack'; which?: number | 'beforeThisWeek' }> {
  const n = /^(?:第)?(\d{1,6})(?:号)?$/.exec(words[0] ?? '')
  // "#收到 -1", "#收到 0", "#收到 1.5" are no notice's number: not the newest either (NO-09).
  if ((n && Number(n[1]) === 0) || /^(?:[-+−]\s*\d|\d+[.,]\d)/.test(words[0] ?? ''))
    return usageError('通知编号是 1、2、3 这样的数字，例如 #收到 3；只发 #收到 就是确认最新的通知。', 'badArgument')
  return ok(n ? { type: 'ack', which: Number(n[1]) } : { type: 'ack' })
}

/** #改 3 李梅: the record numbered 3 now names 李梅 (or has this title). */
export function parseCorrect(
  words: string[],
  { usageError }: ParseUse,
): Parsed<{ type: 'correct'; number: number; subject: string }> {
  const n = /^(?:第)?(\d{1,4})(?:条|号)?$/.exec(words[0] ?? '')
  const subject = words.slice(1).join(' ')
  if (!n || !subject) return usageError('请写上编号和改后的名字，例如 #改 3 李梅（编号见 #我的记录）。')
  if (subject.length > LIMITS.title) return usageError(`最多 ${LIMITS.title} 字。`, 'tooLong')
  return ok({ type: 'correct', number: Number(n[1]), subject })
}
