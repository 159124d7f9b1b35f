import { COMMAND_SPECS, findSpec } from '../src/parser/command-specs'
import type { Handler } from './composer'

/** #帮助 [命令]: every command with an example, or one command in detail. */
export const handleHelp: Handler<'help'> = async (ctx) => {
  const topic = ctx.intent.topic
  const spec = topic ? findSpec(topic) : undefined
  if (spec) {
    const aliases = spec.aliases.length ? `\n也可以写：${spec.aliases.map((a) => '#' + a).join(' ')}` : ''
    await ctx.reply(`${spec.summary}\n用法：${spec.usage}\n例如：${spec.example}${aliases}`)
    return
  }
  const lines = [
    `我是${ctx.deps.botName}，帮执委们记录履职清单。在执委群或私聊里发送：`,
    ...COMMAND_SPECS.map((s) => `${s.usage} — ${s.summary}`),
    '日期可写在最后：今天、昨天、11月20日、2026-11-20。',
    '例如：#联系 刘翠花 电话了解家庭情况 昨天',
    '发送 #帮助 联系 查看某个命令的详细说明。',
  ]
  await ctx.reply(lines.join('\n'))
}
