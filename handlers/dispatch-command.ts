import type { HandlerContext } from './handler-context'
import { UserError } from './handler-context'
import type { Command } from '../src/parser/command-types'
import { handleDuty } from './duty-handler'
import { handleProgress } from './progress-handler'
import { handleDiary } from './diary-handler'
import { handleNeed, handleResolveNeed } from './needs-handler'
import { handleUndo } from './undo-handler'
import { handleBind } from './bind-handler'
import { handleHelp } from './help-handler'
import { MESSAGES } from './messages'

/** One command, one handler. Summary, notice and acknowledgement arrive with the scheduled-jobs work. */
export async function dispatchCommand(ctx: HandlerContext, cmd: Command): Promise<void> {
  switch (cmd.type) {
    case 'duty':
      return handleDuty(ctx, cmd)
    case 'progress':
      return handleProgress(ctx)
    case 'diary':
      return handleDiary(ctx, cmd)
    case 'need':
      return handleNeed(ctx, cmd)
    case 'resolveNeed':
      return handleResolveNeed(ctx, cmd)
    case 'undo':
      return handleUndo(ctx)
    case 'bind':
      return handleBind(ctx, cmd)
    case 'help':
      return handleHelp(ctx, cmd)
    case 'summary':
      return notYet(ctx, '单位汇总', ['chair', 'admin'])
    case 'notice':
      return notYet(ctx, '群发通知', ['admin'])
    case 'ack':
      return notYet(ctx, '通知回执', ['executive', 'chair', 'admin'])
  }
}

async function notYet(ctx: HandlerContext, what: string, roles: string[]): Promise<void> {
  if (!ctx.sender) throw new UserError(MESSAGES.stranger)
  if (!roles.includes(ctx.sender.role)) throw new UserError(MESSAGES.adminOnly)
  await ctx.reply(MESSAGES.notYet(what))
}
