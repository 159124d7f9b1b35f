import { COMMANDS } from '../src/parser/command-specs'
import type { CommandSpec } from '../src/parser/command-spec'
import type { Handler } from './core/composer'
import type { MessageContext } from './core/message-context'
import { isConstituentGroup } from './constituent-handler'

/** #帮助 [命令]: every command with an example, or one command in detail; in a constituents' group, what she can do. */
export const handleHelp: Handler<'help'> = async (ctx) =>
  isConstituentGroup(ctx) ? showConstituentHelp(ctx) : showHelp(ctx, ctx.intent.topic)

/** The constituents' group is for ordinary women: what they can do there, not the executives' commands. */
async function showConstituentHelp(ctx: MessageContext): Promise<void> {
  const bot = ctx.deps.botName
  const unit =
    ctx.place.type === 'group' && ctx.place.orgId ? await ctx.repos.orgs.findById(ctx.place.orgId) : undefined
  const lines = [
    `我是${bot}，在这个群里帮大家联系${unit ? unit.name + '妇联的' : ''}执委：`,
    `· 有事需要帮忙或想咨询，@我 直接说，例如“@${bot} 想问问两癌筛查在哪报名”，我会转给执委，她们会联系您；`,
    '· 群里发的通知，回复“收到”就算确认了；',
    '· 电话、身份证号请不要发在群里，执委会私下联系您。',
  ]
  if (ctx.sender) lines.push('（执委的命令请在执委群或私聊里发 #帮助 查看。）')
  await ctx.reply(lines.join('\n'))
}

export async function showHelp(ctx: MessageContext, topic: string | undefined, prefix = ''): Promise<void> {
  const book = ctx.deps.commands ?? COMMANDS
  const spec = topic ? book.find(topic) : undefined
  if (spec) {
    const aliases = spec.aliases.length ? `\n也可以写：${spec.aliases.map((a) => '#' + a).join(' ')}` : ''
    await ctx.reply(`${prefix}${spec.summary}\n用法：${spec.usage}\n例如：${spec.example}${aliases}`)
    return
  }
  const lines = [
    `我是${ctx.deps.botName}，帮执委们记录履职清单。直接说做了什么就行，例如：`,
    '“今天去看了刘翠花，聊了孩子上学的事”（我会先问一句，回复 1 就记下）',
    '语音也可以：按住说话，上滑“转文字”后发送。',
    '也可以用命令，立即记下：',
    ...helpLines(book.specs),
    '日期可写：今天、昨天、上周五、11月20日。',
    '发送 #帮助 联系 查看某个命令的详细说明。',
  ]
  await ctx.reply(prefix + lines.join('\n'))
}

/** #帮助's line for each command: its usage and its summary, straight from its spec. */
export const helpLines = (specs: readonly CommandSpec[]) => specs.map((s) => `${s.usage} — ${s.summary}`)
