import { parseSlot } from '../domain/weekly-slot'
import type { Parsed, Setting } from './command-parts'
import { parsed as ok, type ParseUse } from './command-spec'

export interface SettingCommand {
  type: 'setting'
  setting: Setting
}

/**
 * #设置 群里自动记 开|关: whether her reports posted in executives' groups without @ are read (asked about
 * privately); #设置 本群自动记 开|关: an admin's switch for one group, for everyone in it.
 */
export interface AutoRecordCommand {
  type: 'autoRecord'
  scope: 'me' | 'group'
  on: boolean
}

/** 群里自动记 (hers), 本群自动记 (an admin's, for the group): with or without 的 and 录. */
const AUTO_RECORD = /^(群里|本群)的?自动(?:记|记录|记下)$/

export function parseSetting(words: string[], use: ParseUse): Parsed<SettingCommand | AutoRecordCommand> {
  const { usageError } = use
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
