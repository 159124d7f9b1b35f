import type { Handler } from './core/composer'
import { MESSAGES } from './core/messages'

/** A command the parser refused: its sentence and the usage line. */
export const handleParseError: Handler<'parseError'> = async (ctx) => {
  await ctx.reply(`${ctx.intent.error.message}\n用法：${ctx.intent.error.usage}`)
  ctx.outcome = 'userError'
}

/** A picture, a file, a link: the bot reads words only. */
export const handleMedia: Handler<'media'> = async (ctx) => {
  await ctx.reply(MESSAGES.textOnly)
}

/** A voice note that came without WeChat's transcript. */
export const handleUnheard: Handler<'unheard'> = async (ctx) => {
  await ctx.reply(MESSAGES.unheard)
}
