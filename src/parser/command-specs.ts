import type { DutyKind } from '../domain/checklist'
import type { CommandType } from './command-types'

/**
 * How the words after a duty command split: a name then free text, a name and a required detail,
 * or a title that is the whole rest.
 */
export type ArgShape = 'name+detail' | 'name+requiredDetail' | 'title'

export interface CommandSpec {
  word: string
  aliases: string[]
  type: CommandType
  duty?: DutyKind
  shape?: ArgShape
  /** For a name that counts one person or family: "一位代表". A list such as "刘翠花、李梅" is refused with it. */
  oneSubject?: string
  usage: string
  example: string
  summary: string
}

export const COMMAND_SPECS: readonly CommandSpec[] = [
  {
    word: '联系',
    aliases: ['联系代表', '走访代表', '联系妇女代表', '妇女代表', '代表', '走访', '慰问', '看望', '拜访', 'lianxi'],
    type: 'duty',
    duty: 'representatives',
    shape: 'name+detail',
    oneSubject: '一位代表',
    usage: '#联系 代表姓名 [内容] [日期]',
    example: '#联系 刘翠花 电话了解家庭情况',
    summary: '记录联系妇女代表',
  },
  {
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
    duty: 'poorFamily',
    shape: 'name+detail',
    oneSubject: '一户家庭',
    usage: '#帮扶 家庭 [情况] [日期]',
    example: '#帮扶 王家 上门了解就医困难',
    summary: '记录联系贫困家庭',
  },
  {
    word: '解决',
    aliases: ['解决问题', '帮助解决问题', '解决困难', '办实事', '帮助贫困户', '帮扶解决'],
    type: 'duty',
    duty: 'problemSolved',
    shape: 'name+requiredDetail',
    usage: '#解决 家庭 问题 [日期]',
    example: '#解决 王家 协调办理了医保报销',
    summary: '记录帮助家庭解决一个问题',
  },
  {
    word: '网群',
    aliases: ['建群', '建网群', '建立网群', '正能量网群', '建立正能量网群'],
    type: 'duty',
    duty: 'onlineGroup',
    shape: 'title',
    usage: '#网群 群名 [日期]',
    example: '#网群 幸福村巾帼志愿群',
    summary: '记录建立正能量网群',
  },
  {
    word: '社会组织',
    aliases: ['联系社会组织', '指导社会组织', '社团', '指导组织'],
    type: 'duty',
    duty: 'socialOrg',
    shape: 'name+detail',
    usage: '#社会组织 名称 [内容] [日期]',
    example: '#社会组织 阳光妈妈互助会 指导年度计划',
    summary: '记录联系指导社会组织',
  },
  {
    word: '公益',
    aliases: ['公益服务', '参与公益服务', '志愿服务', '志愿'],
    type: 'duty',
    duty: 'publicService',
    shape: 'title',
    usage: '#公益 活动 [日期]',
    example: '#公益 两癌筛查宣传 昨天',
    summary: '记录参与公益服务',
  },
  {
    word: '调研',
    aliases: ['调研报告', '写调研报告', '撰写调研报告', '报告'],
    type: 'duty',
    duty: 'report',
    shape: 'title',
    usage: '#调研 题目 [日期]',
    example: '#调研 农村留守妇女就业情况',
    summary: '记录撰写调研报告',
  },
  {
    word: '建议',
    aliases: ['建议案', '提交建议', '提交建议案', '提案', '议案'],
    type: 'duty',
    duty: 'proposal',
    shape: 'title',
    usage: '#建议 题目 [日期]',
    example: '#建议 增设社区儿童托管点',
    summary: '记录提交建议案',
  },
  {
    word: '日记',
    aliases: ['妇情日记', '写日记'],
    type: 'diary',
    usage: '#日记 内容 [日期]',
    example: '#日记 走访三户，两户反映孩子放学无人接',
    summary: '写妇情日记',
  },
  {
    word: '需求',
    aliases: ['妇女需求', '登记需求'],
    type: 'need',
    usage: '#需求 内容',
    example: '#需求 李大姐希望参加家政培训',
    summary: '登记妇女需求',
  },
  {
    word: '办结',
    aliases: ['需求办结', '完成需求'],
    type: 'resolveNeed',
    usage: '#办结 编号',
    example: '#办结 3',
    summary: '办结一条需求',
  },
  {
    word: '认领',
    aliases: ['认领需求', '接单'],
    type: 'claimNeed',
    usage: '#认领 编号',
    example: '#认领 12',
    summary: '认领本单位群众群里转来的一条需求（由您跟进，办好后 #办结）',
  },
  {
    word: '进度',
    aliases: ['我的进度', '查询进度', '查进度', '进度查询', '看进度'],
    type: 'progress',
    usage: '#进度 [去年|年份]',
    example: '#进度',
    summary: '查看本年度履职进度（#进度 去年 看上一年）',
  },
  {
    word: '清单',
    aliases: ['履职清单', '我的清单', '本单位清单'],
    type: 'checklist',
    usage: '#清单',
    example: '#清单',
    summary: '看本单位的履职清单：每一项的目标和怎么记',
  },
  {
    word: '撤销',
    aliases: ['撤回', '取消', '撤消', '删除', '删掉'],
    type: 'undo',
    usage: '#撤销 [编号]',
    example: '#撤销',
    summary: '撤销我最近一条记录（#撤销 3：撤销 #我的记录 里的第 3 条）',
  },
  {
    word: '我的记录',
    aliases: ['记录', '查看记录', '查记录', '看记录', '我的台账'],
    type: 'records',
    usage: '#我的记录',
    example: '#我的记录',
    summary: '看我今年的每一条记录（带编号，可 #撤销 编号 或 #改 编号）',
  },
  {
    word: '改',
    aliases: ['修改', '更正', '改正'],
    type: 'correct',
    usage: '#改 编号 新的名字或题目',
    example: '#改 3 李梅',
    summary: '把 #我的记录 里第几条的名字或题目改过来',
  },
  {
    word: '述职',
    aliases: ['述职报告', '我的述职', '年度述职', '写述职', '述职材料', 'shuzhi'],
    type: 'dutyReport',
    usage: '#述职 [去年|年份]',
    example: '#述职',
    summary: '私聊我：按您的记录生成本年度述职报告（Word 文件），不足和打算留给您写',
  },
  {
    word: '汇总',
    aliases: ['统计', '汇总情况'],
    type: 'summary',
    usage: '#汇总 [单位]',
    example: '#汇总 襄阳市',
    summary: '主席/管理员：查看单位汇总',
  },
  {
    word: '通知',
    aliases: ['公告', '发通知'],
    type: 'notice',
    usage: '#通知 [执委群|群众群|全部] 内容',
    example: '#通知 执委群 周五下午三点开会',
    summary: '管理员：群发通知',
  },
  {
    word: '收到',
    aliases: ['已收到', '已读'],
    type: 'ack',
    usage: '#收到 [通知编号]',
    example: '#收到',
    summary: '确认收到最新通知',
  },
  {
    word: '回执',
    aliases: ['通知回执', '查看回执'],
    type: 'receipts',
    usage: '#回执 [通知编号]',
    example: '#回执 3',
    summary: '管理员：查看通知的确认情况',
  },
  {
    word: '轮值',
    aliases: ['设置轮值', '轮值表'],
    type: 'rotation',
    usage: '#轮值 姓名 姓名 …',
    example: '#轮值 张三 李四 王五',
    summary: '管理员：设置执委轮值，从本周起每周一人',
  },
  {
    word: '设置',
    aliases: ['修改设置'],
    type: 'setting',
    usage:
      '#设置 点名 开|关 / #设置 周报 周一 09:00 / #设置 日记提醒 周五 18:00 / #设置 群里自动记 开|关 / #设置 本群自动记 开|关',
    example: '#设置 周报 周一 09:00',
    summary:
      '管理员：周报是否点名落后的执委，周报和日记提醒的时间，本群是否自动读群里的履职汇报；每个人：群里自动记（关了就不再私聊问您群里说的事）',
  },
  {
    word: '绑定',
    aliases: ['绑定群'],
    type: 'bind',
    usage: '#绑定 执委群|群众群 [单位]',
    example: '#绑定 执委群',
    summary: '管理员：在群里设置群类型（和它服务的单位，不写就是您的单位）',
  },
  {
    word: '未绑定',
    aliases: ['未绑定名单', '谁没绑定'],
    type: 'unbound',
    usage: '#未绑定',
    example: '#未绑定',
    summary: '管理员：本单位及下级还没绑定微信的人（她们收不到提醒）',
  },
  {
    word: '绑定码',
    aliases: ['发绑定码'],
    type: 'bindCode',
    usage: '#绑定码 姓名 [单位]',
    example: '#绑定码 张秀英 白庙村',
    summary: '管理员（私聊）：给一位成员一个一次性绑定码，她用自己的微信发给我就绑定了',
  },
  {
    word: '解绑',
    aliases: ['解除绑定'],
    type: 'unbind',
    usage: '#解绑 姓名 [单位]',
    example: '#解绑 张秀英 白庙村',
    summary: '管理员：解除一位成员绑定的微信（换了手机或绑错了人时）',
  },
  {
    word: '帮助',
    aliases: ['help', '菜单', '说明', '?'],
    type: 'help',
    usage: '#帮助 [命令]',
    example: '#帮助 联系',
    summary: '查看用法',
  },
]

const BY_WORD = new Map<string, CommandSpec>()
for (const spec of COMMAND_SPECS) for (const w of [spec.word, ...spec.aliases]) BY_WORD.set(w.toLowerCase(), spec)

/** Longest words first, so 社会组织 wins over a shorter alias that is its prefix. */
const WORDS = [...BY_WORD.keys()].sort((a, b) => b.length - a.length)

export function findSpec(word: string): CommandSpec | undefined {
  return BY_WORD.get(word.toLowerCase())
}

/** Splits "联系刘翠花" (no space) into the command word and the rest. */
export function matchCommandWord(head: string): { spec: CommandSpec; rest: string } | undefined {
  const lower = head.toLowerCase()
  for (const w of WORDS) {
    if (lower.startsWith(w)) return { spec: BY_WORD.get(w)!, rest: head.slice(w.length) }
  }
  return undefined
}

/** How an item of a checklist is recorded: its own command word (an added item) or the eight items' (#联系). */
export function recordCommandOf(item: { key: string; words?: readonly string[] }): string | undefined {
  const word = item.words?.[0] ?? COMMAND_SPECS.find((s) => s.duty === item.key)?.word
  return word ? `#${word}` : undefined
}
