import type { Handler } from './composer'
import { MESSAGES } from './messages'

/** A command the parser refused: its sentence and the usage line. */
export const handleParseError: Handler<'parseError'> = async (ctx) => {
  await ctx.reply(`${ctx.intent.error.message}\n用法：${ctx.intent.error.usage}`)
  ctx.outcome = 'userError'
}

/** "联系 刘翠花" in private chat: the line to send, with its "#". Nothing is stored. */
export const handleMissingHash: Handler<'missingHash'> = async (ctx) => {
  await ctx.reply(MESSAGES.addHash(ctx.intent.line))
}

/** Private small talk: who the bot is and how to start. */
export const handleChat: Handler<'chat'> = async (ctx) => {
  await ctx.reply(MESSAGES.privateHint(ctx.deps.botName))
}

export const handleMedia: Handler<'media'> = async (ctx) => {
  await ctx.reply(MESSAGES.textOnly)
}
