import { LIMITS } from '../domain/vocabulary'
import type { DateExpr, GroupKind, Parsed } from './command-parts'
import { defineCommand, parsed as ok, type CommandOf, type CommandSpec, type ParseUse } from './command-spec'
import { commandBook } from './command-book'
import { extractDate } from './parse-date'
import { parseDuty } from './parse-duty'
import { groupKind, parseNotice } from './parse-notice'
import { parseSetting } from './parse-setting'
import { parseYear } from './parse-year'

export type { ArgShape, CommandSpec } from './command-spec'

/**
 * Every `#` command, each declared once (see CommandSpec): the parser, #帮助, typo suggestions and the
 * Command union are derived from this list. docs/recipes.md says how to add one.
 */
export const COMMAND_SPECS = [
  defineCommand({
    word: '联系',
    aliases: ['联系代表', '走访代表', '联系妇女代表', '妇女代表', '代表', '走访', '慰问', '看望', '拜访', 'lianxi'],
    type: 'duty',
    parse: parseDuty,
    records: 'duty',
    duty: 'representatives',
    shape: 'name+detail',
    oneSubject: '一位代表',
    usage: '#联系 代表姓名 [内容] [日期]',
    example: '#联系 刘翠花 电话了解家庭情况',
    summary: '记录联系妇女代表',
  }),
  defineCommand({
    word: '帮扶',
    aliases: [
      '贫困家庭',
      '联系贫困家庭',
      '联系贫困户',
      '联系困难家庭',
      '困难家庭',
      '联系家庭',
      '走访家庭',
      '贫困户',
      '低保户',
      '困难户',
      '帮扶家庭',
    ],
    type: 'duty',
    parse: parseDuty,
    records: 'duty',
    duty: 'poorFamily',
    shape: 'name+detail',
    oneSubject: '一户家庭',
    usage: '#帮扶 家庭 [情况] [日期]',
    example: '#帮扶 王家 上门了解就医困难',
    summary: '记录联系贫困家庭',
  }),
  defineCommand({
    word: '解决',
    aliases: ['解决问题', '帮助解决问题', '解决困难', '办实事', '帮助贫困户', '帮扶解决'],
    type: 'duty',
    parse: parseDuty,
    records: 'duty',
    duty: 'problemSolved',
    shape: 'name+requiredDetail',
    usage: '#解决 家庭 问题 [日期]',
    example: '#解决 王家 协调办理了医保报销',
    summary: '记录帮助家庭解决一个问题',
  }),
  defineCommand({
    word: '网群',
    aliases: ['建群', '建网群', '建立网群', '正能量网群', '建立正能量网群'],
    type: 'duty',
    parse: parseDuty,
    records: 'duty',
    duty: 'onlineGroup',
    shape: 'title',
    usage: '#网群 群名 [日期]',
    example: '#网群 幸福村巾帼志愿群',
    summary: '记录建立正能量网群',
  }),
  defineCommand({
    word: '社会组织',
    aliases: ['联系社会组织', '指导社会组织', '社团', '指导组织'],
    type: 'duty',
    parse: parseDuty,
    records: 'duty',
    duty: 'socialOrg',
    shape: 'name+detail',
    usage: '#社会组织 名称 [内容] [日期]',
    example: '#社会组织 阳光妈妈互助会 指导年度计划',
    summary: '记录联系指导社会组织',
  }),
  defineCommand({
    word: '公益',
    aliases: ['公益服务', '参与公益服务', '志愿服务', '志愿'],
    type: 'duty',
    parse: parseDuty,
    records: 'duty',
    duty: 'publicService',
    shape: 'title',
    usage: '#公益 活动 [日期]',
    example: '#公益 两癌筛查宣传 昨天',
    summary: '记录参与公益服务',
  }),
  defineCommand({
    word: '调研',
    aliases: ['调研报告', '写调研报告', '撰写调研报告', '报告'],
    type: 'duty',
    parse: parseDuty,
    records: 'duty',
    duty: 'report',
    shape: 'title',
    usage: '#调研 题目 [日期]',
    example: '#调研 农村留守妇女就业情况',
    summary: '记录撰写调研报告',
  }),
  defineCommand({
    word: '建议',
    aliases: ['建议案', '提交建议', '提交建议案', '提案', '议案'],
    type: 'duty',
    parse: parseDuty,
    records: 'duty',
    duty: 'proposal',
    shape: 'title',
    usage: '#建议 题目 [日期]',
    example: '#建议 增设社区儿童托管点',
    summary: '记录提交建议案',
  }),
  defineCommand({
    word: '日记',
    aliases: ['妇情日记', '写日记'],
    type: 'diary',
    parse: parseDiary,
    records: 'diary',
    usage: '#日记 内容 [日期]',
    example: '#日记 走访三户，两户反映孩子放学无人接',
    summary: '写妇情日记',
  }),
  defineCommand({
    word: '需求',
    aliases: ['妇女需求', '登记需求'],
    type: 'need',
    parse: parseNeed,
    records: 'need',
    usage: '#需求 内容',
    example: '#需求 李大姐希望参加家政培训',
    summary: '登记妇女需求',
  }),
  defineCommand({
    word: '办结',
    aliases: ['需求办结', '完成需求'],
    type: 'resolveNeed',
    parse: (words, use, spec) => parseNeedNumber('resolveNeed', words, use, spec),
    usage: '#办结 编号',
    example: '#办结 3',
    summary: '办结一条需求',
  }),
  defineCommand({
    word: '认领',
    aliases: ['认领需求', '接单'],
    type: 'claimNeed',
    parse: (words, use, spec) => parseNeedNumber('claimNeed', words, use, spec),
    usage: '#认领 编号',
    example: '#认领 12',
    summary: '认领本单位群众群里转来的一条需求（由您跟进，办好后 #办结）',
  }),
  defineCommand({
    word: '进度',
    aliases: ['我的进度', '查询进度', '查进度', '进度查询', '看进度'],
    type: 'progress',
    parse: (words, use) => parseYear('progress', words, use),
    readOnly: true,
    bare: 'private',
    usage: '#进度 [去年|年份]',
    example: '#进度',
    summary: '查看本年度履职进度（#进度 去年 看上一年）',
  }),
  defineCommand({
    word: '清单',
    aliases: ['履职清单', '我的清单', '本单位清单'],
    type: 'checklist',
    parse: () => ok({ type: 'checklist' }),
    usage: '#清单',
    example: '#清单',
    summary: '看本单位的履职清单：每一项的目标和怎么记',
  }),
  defineCommand({
    word: '撤销',
    aliases: ['撤回', '取消', '撤消', '删除', '删掉'],
    type: 'undo',
    parse: parseUndo,
    usage: '#撤销 [编号]',
    example: '#撤销',
    summary: '撤销我最近一条记录（#撤销 3：撤销 #我的记录 里的第 3 条）',
  }),
  defineCommand({
    word: '我的记录',
    aliases: ['记录', '查看记录', '查记录', '看记录', '我的台账'],
    type: 'records',
    parse: () => ok({ type: 'records', which: 'all' }),
    readOnly: true,
    usage: '#我的记录',
    example: '#我的记录',
    summary: '看我今年的每一条记录（带编号，可 #撤销 编号 或 #改 编号）',
  }),
  defineCommand({
    word: '改',
    aliases: ['修改', '更正', '改正'],
    type: 'correct',
    parse: parseCorrect,
    usage: '#改 编号 新的名字或题目',
    example: '#改 3 李梅',
    summary: '把 #我的记录 里第几条的名字或题目改过来',
  }),
  defineCommand({
    word: '述职',
    aliases: ['述职报告', '我的述职', '年度述职', '写述职', '述职材料', 'shuzhi'],
    type: 'dutyReport',
    parse: (words, use) => parseYear('dutyReport', words, use),
    bare: 'private',
    usage: '#述职 [去年|年份]',
    example: '#述职',
    summary: '私聊我：按您的记录生成本年度述职报告（Word 文件），不足和打算留给您写',
  }),
  defineCommand({
    word: '汇总',
    aliases: ['统计', '汇总情况'],
    type: 'summary',
    parse: (words): Parsed<{ type: 'summary'; org?: string }> =>
      ok({ type: 'summary', org: words.join(' ') || undefined }),
    usage: '#汇总 [单位]',
    example: '#汇总 襄阳市',
    summary: '主席/管理员：查看单位汇总',
  }),
  defineCommand({
    word: '通知',
    aliases: ['公告', '发通知'],
    type: 'notice',
    parse: parseNotice,
    usage: '#通知 [执委群|群众群|全部] 内容',
    example: '#通知 执委群 周五下午三点开会',
    summary: '管理员：群发通知',
  }),
  defineCommand({
    word: '收到',
    aliases: ['已收到', '已读'],
    type: 'ack',
    parse: parseAck,
    bare: 'anywhere',
    usage: '#收到 [通知编号]',
    example: '#收到',
    summary: '确认收到最新通知',
  }),
  defineCommand({
    word: '回执',
    aliases: ['通知回执', '查看回执'],
    type: 'receipts',
    parse: parseReceipts,
    usage: '#回执 [通知编号]',
    example: '#回执 3',
    summary: '管理员：查看通知的确认情况',
  }),
  defineCommand({
    word: '轮值',
    aliases: ['设置轮值', '轮值表'],
    type: 'rotation',
    parse: parseRotation,
    usage: '#轮值 姓名 姓名 …',
    example: '#轮值 张三 李四 王五',
    summary: '管理员：设置执委轮值，从本周起每周一人',
  }),
  defineCommand({
    word: '设置',
    aliases: ['修改设置'],
    type: 'setting',
    parse: parseSetting,
    usage:
      '#设置 点名 开|关 / #设置 周报 周一 09:00 / #设置 日记提醒 周五 18:00 / #设置 群里自动记 开|关 / #设置 本群自动记 开|关',
    example: '#设置 周报 周一 09:00',
    summary:
      '管理员：周报是否点名落后的执委，周报和日记提醒的时间，本群是否自动读群里的履职汇报；每个人：群里自动记（关了就不再私聊问您群里说的事）',
  }),
  defineCommand({
    word: '绑定',
    aliases: ['绑定群'],
    type: 'bind',
    parse: parseBind,
    usage: '#绑定 执委群|群众群 [单位]',
    example: '#绑定 执委群',
    summary: '管理员：在群里设置群类型（和它服务的单位，不写就是您的单位）',
  }),
  defineCommand({
    word: '未绑定',
    aliases: ['未绑定名单', '谁没绑定'],
    type: 'unbound',
    parse: () => ok({ type: 'unbound' }),
    usage: '#未绑定',
    example: '#未绑定',
    summary: '管理员：本单位及下级还没绑定微信的人（她们收不到提醒）',
  }),
  defineCommand({
    word: '绑定码',
    aliases: ['发绑定码'],
    type: 'bindCode',
    parse: (words, use, spec) => parseNamed('bindCode', words, use, spec),
    usage: '#绑定码 姓名 [单位]',
    example: '#绑定码 张秀英 白庙村',
    summary: '管理员（私聊）：给一位成员一个一次性绑定码，她用自己的微信发给我就绑定了',
  }),
  defineCommand({
    word: '解绑',
    aliases: ['解除绑定'],
    type: 'unbind',
    parse: (words, use, spec) => parseNamed('unbind', words, use, spec),
    usage: '#解绑 姓名 [单位]',
    example: '#解绑 张秀英 白庙村',
    summary: '管理员：解除一位成员绑定的微信（换了手机或绑错了人时）',
  }),
  defineCommand({
    word: '帮助',
    aliases: ['help', '菜单', '说明', '?'],
    type: 'help',
    parse: (words): Parsed<{ type: 'help'; topic?: string }> =>
      ok({ type: 'help', topic: words[0]?.replace(/^#/, '') }),
    readOnly: true,
    bare: 'private',
    usage: '#帮助 [命令]',
    example: '#帮助 联系',
    summary: '查看用法',
  }),
] as const

/** The command every spec yields, derived from their parse functions. */
export type Command = CommandOf<(typeof COMMAND_SPECS)[number]>

const BAD_DATE = '日期写得不对，可以写“昨天”“11月20日”或“2026-11-20”。'

function parseDiary(
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
function parseNeed(
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
function parseNeedNumber<T extends 'resolveNeed' | 'claimNeed'>(
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
function parseBind(words: string[], { usageError }: ParseUse): Parsed<{ type: 'bind'; kind: GroupKind; org?: string }> {
  const kind = groupKind(words[0])
  if (!kind)
    return usageError('请写明群类型：#绑定 执委群 或 #绑定 群众群。', words.length ? 'badArgument' : 'missingArgument')
  const org = words.slice(1).join('')
  if (org.length > LIMITS.name) return usageError(`单位名称最多 ${LIMITS.name} 字。`, 'tooLong')
  return ok({ type: 'bind', kind, ...(org ? { org } : {}) })
}

/** #解绑 姓名 [单位] (after her "1"), #绑定码 姓名 [单位] (a one-time code for a member's own WeChat). */
function parseNamed<T extends 'unbind' | 'bindCode'>(
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

function parseReceipts(words: string[], { usageError }: ParseUse): Parsed<{ type: 'receipts'; number?: number }> {
  if (words.length === 0) return ok({ type: 'receipts' })
  const n = /^(?:第)?(\d{1,9})(?:号)?$/.exec(words[0]!)
  if (!n) return usageError('编号应是数字，例如 #回执 3。', 'badArgument')
  return ok({ type: 'receipts', number: Number(n[1]) })
}

function parseRotation(words: string[], { usageError }: ParseUse): Parsed<{ type: 'rotation'; names: string[] }> {
  const names = words.flatMap((w) => w.split(/[、,，]/)).filter((w) => w !== '')
  if (names.length === 0) return usageError('请写上轮值执委的姓名，例如 #轮值 张三 李四 王五。')
  if (names.length > 60 || names.some((n) => n.length > LIMITS.name)) return usageError('名单太长了。', 'tooLong')
  return ok({ type: 'rotation', names })
}

/** Her newest record, or the one with this number in #我的记录. */
function parseUndo(words: string[], { usageError }: ParseUse): Parsed<{ type: 'undo'; number?: number }> {
  // "#撤销 刚才那条", "#撤销 上一条": her newest record, as with no word at all.
  if (words.length === 0 || /^(?:刚才|刚刚|上一条|最后一条|最近一条|那条|这条)/.test(words.join('')))
    return ok({ type: 'undo' })
  const n = /^(?:第)?(\d{1,4})(?:条|号)?$/.exec(words[0]!)
  if (!n) return usageError('编号应是数字，例如 #撤销 3（编号见 #我的记录）。', 'badArgument')
  return ok({ type: 'undo', number: Number(n[1]) })
}

/** A notice acknowledged: the newest that reached her, the one with this number, or last week's. */
function parseAck(
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
function parseCorrect(
  words: string[],
  { usageError }: ParseUse,
): Parsed<{ type: 'correct'; number: number; subject: string }> {
  const n = /^(?:第)?(\d{1,4})(?:条|号)?$/.exec(words[0] ?? '')
  const subject = words.slice(1).join(' ')
  if (!n || !subject) return usageError('请写上编号和改后的名字，例如 #改 3 李梅（编号见 #我的记录）。')
  if (subject.length > LIMITS.title) return usageError(`最多 ${LIMITS.title} 字。`, 'tooLong')
  return ok({ type: 'correct', number: Number(n[1]), subject })
}

/** The bot's own commands, by word. */
export const COMMANDS = commandBook(COMMAND_SPECS)
export const findSpec = (word: string) => COMMANDS.find(word)
/** Splits "联系刘翠花" (no space) into the command word and the rest. */
export const matchCommandWord = (head: string) => COMMANDS.match(head)

/** How an item of a checklist is recorded: its own command word (an added item) or the eight items' (#联系). */
export function recordCommandOf(item: { key: string; words?: readonly string[] }): string | undefined {
  const word = item.words?.[0] ?? COMMANDS.specs.find((s) => s.duty === item.key)?.word
  return word ? `#${word}` : undefined
}
